package io.kefu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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
import java.util.Properties;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * No confirmed complaint is lost in a crash. Sixteen clients file for about a minute against the portal as
 * {@code ./run.sh} runs it (its own process, the embedded PostgreSQL default) while the test
 * <ol>
 * <li>kills the portal with SIGKILL and starts it again, and</li>
 * <li>later restarts PostgreSQL under the running portal ("immediate" mode, which is a crash of the database).</li>
 * </ol>
 * Every client retries a request that got no answer (or a 5xx) with the same {@code Idempotency-Key}, as a real
 * client after a timeout would. Afterwards: every filing that got a 201 is in the database exactly once, nothing
 * was filed twice, numbers per tenant and month are unique and without gaps, every case has its first history
 * entry and its photo, and every confirmation mail queued went out, once (by Message-ID) — but for at most the
 * one mail whose sending the SIGKILL cut between the mail server taking it and the database recording it, which
 * goes again under the same Message-ID (exactly once is not possible over SMTP; losing it would be worse).
 */
class DurabilityIT {

    private static final String PASSWORD = "kefu-demo-2026";
    private static final String[][] DESKS = {{"huijing-property", "huijing.staff"}, {"riverside-mall", "riverside.staff"}};
    private static final int CLIENTS = 16;
    private static final Duration FILING_TIME = Duration.ofSeconds(60);
    private static final String MARK = "durability-" + UUID.randomUUID().toString().substring(0, 8);
    private static final byte[] PHOTO = photo();
    private static final Duration STARTUP = Duration.ofMinutes(4);

    private PortalNode portal;

    /** One filing the client meant to make, and what became of it. */
    record Attempt(String tenant, String key, String description, String email, boolean photo) {
    }

    /** A 201: the number the client was given, and whether the portal said it repeated an earlier answer. */
    record Acknowledged(Attempt attempt, String number, boolean replayed, Instant at, long portalPid) {
    }

    @AfterEach
    void stopPortal() throws InterruptedException {
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    void everyConfirmedFilingSurvivesAKilledPortalAndARestartedDatabase() throws Exception {
        MailServer.startOnce();
        portal = PortalNode.start(MARK, List.of("-Dkefu.demo.seed=true", "-Dkefu.demo.history=false",
                "-Dkefu.smtp.host=127.0.0.1", "-Dkefu.smtp.port=" + System.getProperty("kefu.it.smtp.port"),
                "-Dkefu.smtp.from=kefu-durability@localhost"));
        Duration firstStart = portal.awaitReady(STARTUP);

        Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        Queue<String> refused = new ConcurrentLinkedQueue<>();
        AtomicInteger retries = new AtomicInteger();
        AtomicBoolean filing = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            int client = i;
            clients.submit(() -> fileUntilStopped(client, filing, acknowledged, refused, retries));
        }
        Instant begin = Instant.now();

        // Fault 1: the portal dies in the middle of the work (SIGKILL), and is started again.
        awaitAcknowledged(acknowledged, 200, Duration.ofSeconds(30));
        long killedPid = portal.pid();
        int beforeKill = acknowledged.size();
        Instant killedAt = Instant.now();
        portal.kill();
        // A mail sent by the killed portal but not yet recorded as sent may go again: only one of these.
        Set<String> mailedBeforeKill = messageIds().keySet();
        portal.boot();
        Duration restart = portal.awaitReady(STARTUP);

        // Fault 2: PostgreSQL crashes and restarts under the running portal; the pool must recover by itself.
        awaitAcknowledgedSince(acknowledged, killedAt, 200, Duration.ofSeconds(60));
        long survivingPid = portal.pid();
        Instant databaseRestartedAt = Instant.now();
        restartDatabaseImmediately();
        awaitAcknowledgedSince(acknowledged, databaseRestartedAt, 200, Duration.ofSeconds(60));

        Duration elapsed = Duration.between(begin, Instant.now());
        if (elapsed.compareTo(FILING_TIME) < 0) {
            Thread.sleep(FILING_TIME.minus(elapsed).toMillis());
        }
        filing.set(false);
        clients.shutdown();
        assertTrue(clients.awaitTermination(3, TimeUnit.MINUTES), "clients finish their last retries");

        List<Acknowledged> acks = new ArrayList<>(acknowledged);
        assertTrue(refused.isEmpty(), "requests refused with 4xx: " + refused);
        long afterDatabaseRestart = acks.stream().filter(a -> a.at().isAfter(databaseRestartedAt)
                && a.portalPid() == survivingPid).count();
        assertTrue(afterDatabaseRestart > 0, "the same portal files again after PostgreSQL restarted");

        try (Connection db = connect()) {
            Report report = check(db, acks);
            Duration mailDrained = awaitMailSent(db, Duration.ofSeconds(90));
            MailCheck mail = checkMail(db, mailedBeforeKill);
            String summary = String.format("%d clients, %s of filing; first start %d s, restart after SIGKILL %d s;"
                    + " acknowledged %d (of which %d before the kill, %d after the database restart, %d answered as"
                    + " replays), retried requests %d; present %d, lost %d, duplicated %d; numbers checked %d in %d"
                    + " tenant-months, gaps %d; cases without history %d, photos missing %d; mails queued %d,"
                    + " delivered %d, delivered twice %d (cut by the SIGKILL between sending and recording: %d),"
                    + " never delivered %d (queue empty %d s after the filing)",
                    CLIENTS, FILING_TIME, firstStart.toSeconds(), restart.toSeconds(), acks.size(), beforeKill,
                    afterDatabaseRestart, acks.stream().filter(Acknowledged::replayed).count(), retries.get(),
                    report.present(), report.lost(), report.duplicated(), report.numbers(), report.months(),
                    report.gaps(), report.withoutHistory(), report.photosMissing(), mail.queued(), mail.delivered(),
                    mail.twice(), mail.cutByKill(), mail.missing(), mailDrained.toSeconds());
            System.out.println("DurabilityIT: " + summary);
            Files.writeString(portal.dataDir().resolveSibling("report.txt"), summary + "\nkilled portal pid "
                    + killedPid + "\n");

            assertEquals(0, report.lost(), summary);
            assertEquals(0, report.duplicated(), summary);
            assertEquals(acks.size(), report.present(), summary);
            assertEquals(0, report.gaps(), summary);
            assertEquals(0, report.withoutHistory(), summary);
            assertEquals(0, report.photosMissing(), summary);
            assertTrue(mail.queued() > 0, summary);
            // Exactly once is not possible over SMTP: a mail whose sending the SIGKILL cut after the server took it
            // and before the database recorded it goes again. At most that one mail, and only a mail of that moment.
            assertEquals(mail.twice(), mail.cutByKill(), summary);
            assertTrue(mail.twice() <= 1, summary);
            assertEquals(0, mail.missing(), summary);
        }
        portal.close();
        assertFalse(portal.postmaster().map(ProcessHandle::isAlive).orElse(false),
                "a clean stop of the portal stops its PostgreSQL too");
    }

    // ------------------------------------------------------------------------------------------------ the clients

    private void fileUntilStopped(int client, AtomicBoolean filing, Queue<Acknowledged> acknowledged,
            Queue<String> refused, AtomicInteger retries) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        String[] desk = DESKS[client % DESKS.length];
        String authorization = "Basic " + Base64.getEncoder().encodeToString((desk[1] + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        int n = 0;
        while (filing.get()) {
            n++;
            String email = n % 5 == 0 ? MARK + "-" + client + "-" + n + "@durability.test" : null;
            Attempt attempt = new Attempt(desk[0], UUID.randomUUID().toString(),
                    MARK + " client " + client + " filing " + n + " 楼道灯不亮", email, n % 4 == 0);
            // The same request, with the same key, until it gets an answer: what a client does after a timeout.
            while (true) {
                try {
                    HttpResponse<String> answer = http.send(request(attempt, authorization),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    if (answer.statusCode() == 201) {
                        JsonObject body = Json.createReader(new StringReader(answer.body())).readObject();
                        acknowledged.add(new Acknowledged(attempt, body.getString("number"),
                                answer.headers().firstValue("Idempotent-Replayed").isPresent(), Instant.now(),
                                portal.pid()));
                        break;
                    }
                    if (answer.statusCode() < 500 && answer.statusCode() != 404) {
                        // 404: the war is not deployed yet while the restarted portal boots.
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
        HttpRequest.Builder builder = HttpRequest.newBuilder(portal.uri("/api/v1/tenants/" + attempt.tenant()
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

    private static void awaitAcknowledged(Queue<Acknowledged> acknowledged, int count, Duration limit)
            throws InterruptedException {
        awaitAcknowledgedSince(acknowledged, Instant.EPOCH, count, limit);
    }

    private static void awaitAcknowledgedSince(Queue<Acknowledged> acknowledged, Instant since, int count,
            Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (acknowledged.stream().filter(a -> a.at().isAfter(since)).count() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("fewer than " + count + " filings acknowledged within " + limit
                        + " after " + since);
            }
            Thread.sleep(100);
        }
    }

    // ------------------------------------------------------------------------------------------------ the faults

    /**
     * Stops PostgreSQL the hard way (no checkpoint: it recovers from its write-ahead log, as after a power cut) and
     * starts it again on the same port with the same options ({@code postmaster.opts}), by its own {@code pg_ctl}.
     */
    private void restartDatabaseImmediately() throws IOException, InterruptedException {
        ProcessHandle postmaster = portal.postmaster().orElseThrow();
        Path pgCtl = Path.of(postmaster.info().command().orElseThrow()).resolveSibling("pg_ctl");
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // PostgreSQL refuses root; zonky runs it in a user namespace of its own (unshare -U), and so do we.
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(pgCtl.toString(), "-D", portal.dataDir().resolve("postgres").toString(), "restart",
                "-m", "immediate", "-w", "-t", "120", "-l", portal.dataDir().resolve("postgres-restarted.log")
                        .toString()));
        Process restart = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(portal.dataDir().resolve("pg_ctl.log").toFile()).start();
        assertTrue(restart.waitFor(150, TimeUnit.SECONDS) && restart.exitValue() == 0,
                "pg_ctl restart, see pg_ctl.log");
    }

    // ------------------------------------------------------------------------------------------------ the checks

    record Report(int present, int lost, int duplicated, int numbers, int months, int gaps, int withoutHistory,
            int photosMissing) {
    }

    record MailCheck(int queued, int delivered, int twice, int cutByKill, int missing) {
    }

    private Connection connect() throws IOException, SQLException {
        Properties secrets = new Properties();
        try (var in = Files.newBufferedReader(portal.dataDir().resolve("postgres.secrets"))) {
            secrets.load(in);
        }
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + portal.databasePort() + "/kefu",
                "postgres", secrets.getProperty("superuser"));
    }

    private static Report check(Connection db, List<Acknowledged> acks) throws SQLException {
        Map<String, Integer> stored = new HashMap<>();
        Map<String, String> numbers = new HashMap<>();
        Map<String, Integer> photos = new HashMap<>();
        try (PreparedStatement sql = db.prepareStatement("SELECT t.slug, c.case_number, c.description, "
                + "(SELECT COUNT(*) FROM attachment a WHERE a.complaint_id = c.id) FROM complaint c "
                + "JOIN tenant t ON t.id = c.tenant_id WHERE c.description LIKE ?")) {
            sql.setString(1, MARK + " %");
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
    private static Duration awaitMailSent(Connection db, Duration limit) throws SQLException, InterruptedException {
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

    private static MailCheck checkMail(Connection db, Set<String> mailedBeforeKill) throws Exception {
        int queued;
        try (PreparedStatement sql = db.prepareStatement("SELECT COUNT(*) FROM outbound_mail WHERE recipient LIKE ?")) {
            sql.setString(1, MARK + "-%");
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
    private static Map<String, Integer> messageIds() throws Exception {
        Map<String, Integer> byMessageId = new HashMap<>();
        for (MimeMessage message : MailServer.received()) {
            String recipient = message.getAllRecipients()[0].toString();
            if (recipient.startsWith(MARK + "-")) {
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
