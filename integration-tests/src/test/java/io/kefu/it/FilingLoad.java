package io.kefu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.LongSupplier;
import javax.imageio.ImageIO;

/**
 * Staff desks filing over the REST API while a test breaks what is under them, and the checks afterwards. Every
 * client retries a request that got no answer (or a 5xx) with the same {@code Idempotency-Key}, as a real client
 * after a timeout would; every fifth filing asks for a confirmation mail, every fourth carries a photo. Each
 * filing's description starts with the run's mark, so the checks find exactly this run's cases and mails.
 * Used by {@code DurabilityIT} (one node, killed and restarted) and {@code ClusterIT} (two nodes behind HAProxy).
 */
final class FilingLoad {

    static final String PASSWORD = "kefu-demo-2026";
    private static final String[][] DESKS = {{"huijing-property", "huijing.staff"},
            {"riverside-mall", "riverside.staff"}};
    private static final byte[] PHOTO = photo();

    /** One filing the client meant to make, and what became of it. */
    record Attempt(String tenant, String key, String description, String email, boolean photo) {
    }

    /**
     * A 201: the number the client was given, whether the portal said it repeated an earlier answer, and what the
     * test's {@code epoch} said at the time (the portal's pid, how many nodes were killed…).
     */
    record Acknowledged(Attempt attempt, String number, boolean replayed, Instant at, long epoch) {
    }

    record Report(int present, int lost, int duplicated, int numbers, int months, int gaps, int withoutHistory,
            int photosMissing) {
    }

    record MailCheck(int queued, int delivered, int twice, int cutByKill, int missing) {
    }

    private final String mark;
    private final Function<String, URI> target;
    private final LongSupplier epoch;
    private final Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    private final Queue<String> refused = new ConcurrentLinkedQueue<>();
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicBoolean filing = new AtomicBoolean(true);
    private ExecutorService clients;

    /** {@code target} turns an API path into the address to send it to (a node, a load balancer). */
    FilingLoad(String mark, Function<String, URI> target, LongSupplier epoch) {
        this.mark = mark;
        this.target = target;
        this.epoch = epoch;
    }

    void start(int count) {
        clients = Executors.newFixedThreadPool(count);
        for (int i = 0; i < count; i++) {
            int client = i;
            clients.submit(() -> fileUntilStopped(client));
        }
    }

    /** Stops filing new cases; returns once every client has its last answer. */
    void stop() throws InterruptedException {
        filing.set(false);
        clients.shutdown();
        if (!clients.awaitTermination(3, TimeUnit.MINUTES)) {
            throw new AssertionError("clients did not finish their last retries within 3 minutes");
        }
    }

    List<Acknowledged> acknowledged() {
        return new ArrayList<>(acknowledged);
    }

    List<String> refused() {
        return new ArrayList<>(refused);
    }

    int retries() {
        return retries.get();
    }

    void awaitAcknowledgedSince(Instant since, int count, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (acknowledged.stream().filter(a -> a.at().isAfter(since)).count() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("fewer than " + count + " filings acknowledged within " + limit
                        + " after " + since);
            }
            Thread.sleep(100);
        }
    }

    /**
     * What a crash must not cost: every acknowledged filing stored once, with its history and photo, numbers without
     * gaps, and every mail queued delivered. Exactly once is not possible over SMTP: a mail whose sending the SIGKILL
     * cut after the server took it and before the database recorded it goes again. At most that one mail, and only a
     * mail of that moment.
     */
    static void assertNothingLost(Report report, MailCheck mail, int acknowledged, String summary) {
        assertEquals(0, report.lost(), summary);
        assertEquals(0, report.duplicated(), summary);
        assertEquals(acknowledged, report.present(), summary);
        assertEquals(0, report.gaps(), summary);
        assertEquals(0, report.withoutHistory(), summary);
        assertEquals(0, report.photosMissing(), summary);
        assertTrue(mail.queued() > 0, summary);
        assertEquals(mail.twice(), mail.cutByKill(), summary);
        assertTrue(mail.twice() <= 1, summary);
        assertEquals(0, mail.missing(), summary);
    }

    // ------------------------------------------------------------------------------------------------ the clients

    private void fileUntilStopped(int client) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        String[] desk = DESKS[client % DESKS.length];
        String authorization = "Basic " + Base64.getEncoder().encodeToString((desk[1] + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        int n = 0;
        while (filing.get()) {
            n++;
            String email = n % 5 == 0 ? mark + "-" + client + "-" + n + "@durability.test" : null;
            Attempt attempt = new Attempt(desk[0], UUID.randomUUID().toString(),
                    mark + " client " + client + " filing " + n + " 楼道灯不亮", email, n % 4 == 0);
            // The same request, with the same key, until it gets an answer: what a client does after a timeout.
            while (true) {
                try {
                    HttpResponse<String> answer = http.send(request(attempt, authorization),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    if (answer.statusCode() == 201) {
                        JsonObject body = Json.createReader(new StringReader(answer.body())).readObject();
                        acknowledged.add(new Acknowledged(attempt, body.getString("number"),
                                answer.headers().firstValue("Idempotent-Replayed").isPresent(), Instant.now(),
                                epoch.getAsLong()));
                        break;
                    }
                    if (answer.statusCode() < 500 && answer.statusCode() != 404) {
                        // 404: the war is not deployed yet while a restarted portal boots.
                        refused.add(answer.statusCode() + " " + answer.body());
                        break;
                    }
                } catch (IOException noAnswer) {
                    // connection refused or reset: the portal is down; try again with the same key
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                retries.incrementAndGet();
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private HttpRequest request(Attempt attempt, String authorization) {
        String json = "{\"kind\":\"REPAIR\",\"categoryCode\":null,\"description\":\"" + attempt.description()
                + "\",\"location\":\"3栋2单元\",\"contactName\":\"王女士\",\"contactPhone\":\"13800138000\","
                + "\"channel\":\"PHONE\"" + (attempt.email() == null ? "" : ",\"contactEmail\":\"" + attempt.email()
                + "\"") + "}";
        HttpRequest.Builder builder = HttpRequest.newBuilder(target.apply("/api/v1/tenants/" + attempt.tenant()
                + "/complaints"))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", authorization)
                .header("Idempotency-Key", attempt.key());
        if (!attempt.photo()) {
            return builder.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        }
        String boundary = "kefu-durability";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"complaint\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + json + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"lamp.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(PHOTO);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return builder.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }

    // ------------------------------------------------------------------------------------------------ the checks

    /** Every acknowledged filing against the stored cases, and case numbers per tenant and month. */
    Report check(Connection db, List<Acknowledged> acks) throws SQLException {
        Map<String, Integer> stored = new HashMap<>();
        Map<String, String> numbers = new HashMap<>();
        Map<String, Integer> photos = new HashMap<>();
        try (PreparedStatement sql = db.prepareStatement("SELECT t.slug, c.case_number, c.description, "
                + "(SELECT COUNT(*) FROM attachment a WHERE a.complaint_id = c.id) FROM complaint c "
                + "JOIN tenant t ON t.id = c.tenant_id WHERE c.description LIKE ?")) {
            sql.setString(1, mark + " %");
            try (ResultSet rows = sql.executeQuery()) {
                while (rows.next()) {
                    String key = rows.getString(1) + "|" + rows.getString(3);
                    stored.merge(key, 1, Integer::sum);
                    numbers.put(key, rows.getString(2));
                    photos.put(key, rows.getInt(4));
                }
            }
        }
        int present = 0;
        int lost = 0;
        int photosMissing = 0;
        for (Acknowledged ack : acks) {
            String key = ack.attempt().tenant() + "|" + ack.attempt().description();
            if (stored.getOrDefault(key, 0) >= 1 && ack.number().equals(numbers.get(key))) {
                present++;
                if (ack.attempt().photo() && photos.get(key) != 1) {
                    photosMissing++;
                }
            } else {
                lost++;
            }
        }
        int duplicated = (int) stored.values().stream().filter(count -> count > 1).count();

        int gaps = 0;
        int months = 0;
        int checked = 0;
        try (Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery(
                "SELECT g.tenant_id, g.month, g.filed, g.numbers, g.lowest, g.highest, s.last_serial FROM ("
                        + "SELECT tenant_id, substring(case_number, 1, 6) AS month, COUNT(*) AS filed, "
                        + "COUNT(DISTINCT case_number) AS numbers, "
                        + "MIN(CAST(substring(case_number, 8) AS INTEGER)) AS lowest, "
                        + "MAX(CAST(substring(case_number, 8) AS INTEGER)) AS highest "
                        + "FROM complaint GROUP BY tenant_id, substring(case_number, 1, 6)) g "
                        + "LEFT JOIN case_serial s ON s.tenant_id = g.tenant_id AND s.serial_month = g.month")) {
            while (rows.next()) {
                months++;
                long count = rows.getLong(3);
                checked += (int) count;
                boolean gapless = count == rows.getLong(4) && rows.getLong(5) == 1 && rows.getLong(6) == count
                        && rows.getLong(7) == count;
                if (!gapless) {
                    gaps++;
                }
            }
        }
        int withoutHistory;
        try (Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM complaint c "
                + "WHERE NOT EXISTS (SELECT 1 FROM case_event e WHERE e.complaint_id = c.id "
                + "AND e.event_action = 'REGISTER')")) {
            rows.next();
            withoutHistory = rows.getInt(1);
        }
        return new Report(present, lost, duplicated, checked, months, gaps, withoutHistory, photosMissing);
    }

    /** Waits until the queue is empty (it is delivered every ten seconds); how long that took. */
    static Duration awaitMailSent(Connection db, Duration limit) throws SQLException, InterruptedException {
        long begin = System.nanoTime();
        while (System.nanoTime() - begin < limit.toNanos()) {
            try (Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery(
                    "SELECT COUNT(*) FROM outbound_mail WHERE sent_at IS NULL")) {
                rows.next();
                if (rows.getInt(1) == 0) {
                    break;
                }
            }
            Thread.sleep(500);
        }
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    /** This run's mails queued against those the mail server received; {@code mailedBeforeKill} may come twice. */
    MailCheck checkMail(Connection db, Set<String> mailedBeforeKill) throws Exception {
        int queued;
        try (PreparedStatement sql = db.prepareStatement("SELECT COUNT(*) FROM outbound_mail WHERE recipient LIKE ?")) {
            sql.setString(1, mark + "-%");
            try (ResultSet rows = sql.executeQuery()) {
                rows.next();
                queued = rows.getInt(1);
            }
        }
        Map<String, Integer> byMessageId = messageIds();
        List<String> twice = byMessageId.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .toList();
        int cutByKill = (int) twice.stream().filter(mailedBeforeKill::contains).count();
        return new MailCheck(queued, byMessageId.size(), twice.size(), cutByKill,
                Math.max(0, queued - byMessageId.size()));
    }

    /** This run's confirmation mails that reached the mail server, by Message-ID, with how often each came. */
    Map<String, Integer> messageIds() throws Exception {
        Map<String, Integer> byMessageId = new HashMap<>();
        for (MimeMessage message : MailServer.received()) {
            String recipient = message.getAllRecipients()[0].toString();
            if (recipient.startsWith(mark + "-")) {
                byMessageId.merge(message.getMessageID(), 1, Integer::sum);
            }
        }
        return byMessageId;
    }

    private static byte[] photo() {
        try {
            BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
            image.setRGB(3, 3, 0x0f766e);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
