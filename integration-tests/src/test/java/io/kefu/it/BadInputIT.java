package io.kefu.it;

import static io.kefu.it.HostileInput.choice;
import static io.kefu.it.HostileInput.choices;
import static io.kefu.it.HostileInput.flag;
import static io.kefu.it.HostileInput.text;
import static io.kefu.it.HostileInput.texts;
import static io.kefu.it.HostileInput.whole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.it.HostileInput.Attempt;
import io.kefu.it.HostileInput.Hole;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Hostile input against every write operation of the API, enumerated from the OpenAPI document (an operation the
 * corpus does not know fails the test, so a new endpoint cannot skip it), and against the intake page. Expected
 * for each try: no 5xx, a problem document in the caller's language naming the field at fault, and nothing
 * stored (the state is read again after every try). Script payloads are data: stored as sent, shown escaped on
 * every page. The figures go to {@code target/bad-input-figures.txt} for docs/RELIABILITY.md.
 */
@SharedPortal.Client
class BadInputIT {

    static final String PASSWORD = "kefu-demo-2026";
    static final String TENANT = "riverside-mall";
    static final String R = "/api/v1/tenants/" + TENANT;
    static final String SCRIPT = "<script>alert('kefu')</script>";
    static final Pattern PATH_PARAMETER = Pattern.compile("\\{([a-zA-Z]+)}");

    @SharedPortal.Base
    URL base;

    private HttpClient http;
    /** What the operation under test could change, as last read. */
    private List<String> state;

    /** The operations that also get 10 MB of text (in their first text field). */
    static final Set<String> TEN_MEGABYTES = Set.of("POST /api/v1/tenants/{tenant}/complaints",
            "POST /api/v1/tenants/{tenant}/complaints/{number}/actions/{action}",
            "PUT /api/v1/tenants/{tenant}/settings/office", "POST /api/v1/tenants/{tenant}/people",
            "POST /api/v1/tenants/{tenant}/surveys/templates", "POST /api/v1/platform/tenants",
            "POST /api/v1/tenants/{tenant}/tracking/{token}/messages");

    /** One write operation as the corpus calls it: who, where, the valid body with its holes, what to re-read. */
    record Operation(String key, String caller, Map<String, String> parameters, String contentType, String template,
            List<Hole> holes, boolean bodyNeeded, boolean namesFields, List<String> rereads) {

        String path(String parameter, String value) {
            Matcher m = PATH_PARAMETER.matcher(key.substring(key.indexOf(' ') + 1));
            StringBuilder path = new StringBuilder();
            while (m.find()) {
                String name = m.group(1);
                m.appendReplacement(path, Matcher.quoteReplacement(name.equals(parameter) ? value
                        : parameters.get(name)));
            }
            m.appendTail(path);
            return path.toString();
        }

        String method() {
            return key.substring(0, key.indexOf(' '));
        }
    }

    /** What the corpus found; every list must stay empty. */
    static final class Tally {
        int tries;
        int refused;
        final List<String> serverErrors = new ArrayList<>();
        final List<String> accepted = new ArrayList<>();
        final List<String> notProblems = new ArrayList<>();
        final List<String> unnamed = new ArrayList<>();
        final List<String> partialWrites = new ArrayList<>();

        List<String> defects() {
            List<String> all = new ArrayList<>();
            serverErrors.forEach(d -> all.add("5xx: " + d));
            accepted.forEach(d -> all.add("accepted: " + d));
            notProblems.forEach(d -> all.add("not a problem document: " + d));
            unnamed.forEach(d -> all.add("field not named: " + d));
            partialWrites.forEach(d -> all.add("changed state: " + d));
            return all;
        }
    }

    @Test
    void everyWriteOperationRefusesHostileInputNamesTheFieldAndKeepsNothing() throws IOException {
        PortalClient.awaitReady(base);
        List<Operation> operations = operations();
        Set<String> known = new TreeSet<>();
        operations.forEach(o -> known.add(o.key()));
        Set<String> documented = writeOperations();
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(known);
        assertEquals(Set.of(), missing, "write operations in /openapi the bad-input corpus does not call");
        Set<String> stale = new TreeSet<>(known);
        stale.removeAll(documented);
        assertEquals(Set.of(), stale, "corpus entries for operations /openapi does not list");

        Tally tally = new Tally();
        long started = System.nanoTime();
        for (Operation operation : operations) {
            run(operation, tally);
        }
        multipartFilings(tally);
        rawBodies(tally);
        intakePage(tally);
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        String figures = String.format("write operations in /openapi: %d (corpus entries %d); tries: %d; refused with"
                + " a problem document: %d; 5xx: %d; accepted: %d; not problem+json: %d; field not named: %d;"
                + " partial writes: %d; %d s%n", documented.size(), operations.size(), tally.tries, tally.refused,
                tally.serverErrors.size(), tally.accepted.size(), tally.notProblems.size(), tally.unnamed.size(),
                tally.partialWrites.size(), seconds);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "bad-input-figures.txt"), figures);
        System.out.print("Bad-input corpus: " + figures);
        List<String> defects = tally.defects();
        assertTrue(defects.isEmpty(), defects.size() + " defects, e.g.:\n" + String.join("\n",
                defects.subList(0, Math.min(60, defects.size()))));
    }

    @Test
    void whatAnsweredWithServerErrorsIsRefusedAtItsField() {
        PortalClient.awaitReady(base);
        PortalClient admin = client("riverside.admin");
        String handlers = R + "/settings/handlers";
        String before = admin.get(handlers).body();
        for (String body : List.of("null", "{}", "{\"departmentCode\":null}")) {
            assertRefused(admin.postJson(handlers, body), 422, "departmentCode");
        }
        assertRefused(admin.postJson(handlers, "[]"), 422, null);
        assertEquals(before, admin.get(handlers).body());
        long office = version(admin, R + "/settings/office");
        assertRefused(admin.putJson(R + "/settings/office", "{\"restDays\":[null],\"version\":" + office + "}"),
                422, "restDays[1]");
        JsonObject workspace = PortalClient.json(admin.get(R + "/settings/workspace"));
        assertRefused(admin.putJson(R + "/settings/workspace", "{\"nameZh\":\"" + workspace.getString("nameZh")
                + "\",\"nameEn\":\"" + workspace.getString("nameEn") + "\",\"defaultLocale\":\"en\","
                + "\"timeZone\":null,\"version\":" + workspace.getJsonNumber("version") + "}"), 422, "timeZone");

        PortalClient staff = client("riverside.staff");
        String number = file(staff, "Routed with a long note")[0];
        act(staff, number, "accept", "");
        String path = R + "/complaints/" + number + "/actions/route";
        assertRefused(staff.postJson(path, "{\"departmentCode\":\"engineering\",\"note\":\""
                + "x".repeat(HostileInput.MB) + "\",\"version\":" + version(staff, R + "/complaints/" + number) + "}"),
                422, "note");
        String note = "长".repeat(5_000);
        HttpResponse<String> routed = staff.postJson(path, "{\"departmentCode\":\"engineering\",\"note\":\"" + note
                + "\",\"version\":" + version(staff, R + "/complaints/" + number) + "}");
        assertEquals(200, routed.statusCode(), "a note of the full length is kept: " + routed.body());
        assertTrue(routed.body().contains("engineering: " + note), "the whole note is in the history");
    }

    @Test
    void everythingUnderTheApiAnswersWithAProblemDocument() {
        PortalClient.awaitReady(base);
        PortalClient staff = client("riverside.staff");
        assertProblem(staff.get(R + "/complaints", "Accept", "text/html;q=abc"), 400);
        assertProblem(staff.get(R + "/complaints", "Accept", ";;;garbage/"), 400);
        assertProblem(send("riverside.staff", "GET", "/api/../nowhere", null, null), 404);
        assertProblem(send("riverside.staff", "GET", R + "/complaints/../../../../etc/passwd", null, null), 404);
        assertProblem(staff.send(R + "/complaints", "DELETE"), 405);
        HttpResponse<String> page = PortalClient.anonymous(base).get("/t/" + TENANT + "/no-such-page");
        assertEquals(404, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), "pages keep pages");
    }

    @Test
    void textThatCannotBeShownAndNumbersThatDoNotFitAreRefusedAndNothingIsStored() {
        PortalClient.awaitReady(base);
        PortalClient admin = client("riverside.admin");
        String phrases = R + "/settings/forbidden-phrases";
        String before = admin.get(phrases).body();
        assertRefused(admin.postJson(phrases, "{\"phrase\":\"no\\uD800way\"}"), 422, "phrase");
        assertRefused(admin.postBytes(phrases, "application/json", new byte[] {'{', '"', 'p', 'h', 'r', 'a', 's', 'e',
            '"', ':', '"', 'n', 'o', (byte) 0xFF, (byte) 0xFE, '"', '}'}), 422, "phrase");
        assertRefused(admin.postJson(phrases, "{\"phrase\":42}"), 422, "phrase");
        assertRefused(admin.postJson(phrases, "{\"phrase\":true}"), 422, "phrase");
        assertRefused(admin.postJson(phrases, "{\"phrase\":\"first\"} {\"phrase\":\"second\"}"), 400, null);
        assertEquals(before, admin.get(phrases).body(), "nothing of it stored");

        String settings = R + "/surveys/settings";
        String stored = admin.get(settings).body();
        long version = version(admin, settings);
        assertRefused(admin.putJson(settings, "{\"postCasePercent\":9223372036854775808,\"delayHours\":24,"
                + "\"validityDays\":30,\"version\":" + version + "}"), 422, "postCasePercent");
        assertRefused(admin.putJson(settings, "{\"postCasePercent\":100,\"delayHours\":1e309,\"validityDays\":30,"
                + "\"version\":" + version + "}"), 422, "delayHours");
        assertRefused(admin.putJson(settings, "{\"postCasePercent\":100,\"delayHours\":24,\"validityDays\":1.5,"
                + "\"version\":" + version + "}"), 422, "validityDays");
        assertEquals(stored, admin.get(settings).body(), "the settings are as they were");
    }

    @Test
    void choicesAreTakenInAnyCaseAndStoredByTheirName() {
        PortalClient.awaitReady(base);
        PortalClient admin = client("riverside.admin");
        String office = R + "/settings/office";
        JsonObject was = PortalClient.json(admin.get(office));
        String restDays = was.getJsonArray("restDays").toString();
        try {
            HttpResponse<String> changed = admin.putJson(office, "{\"restDays\":[\"saturday\",\" Sunday \"],"
                    + "\"version\":" + was.getJsonNumber("version") + "}");
            assertEquals(200, changed.statusCode(), changed.body());
            assertEquals("[\"SATURDAY\",\"SUNDAY\"]", PortalClient.json(admin.get(office)).getJsonArray("restDays")
                    .toString());
        } finally {
            admin.putJson(office, "{\"restDays\":" + restDays + ",\"version\":" + version(admin, office) + "}");
        }
        PortalClient staff = client("riverside.staff");
        HttpResponse<String> filed = staff.postJson(R + "/complaints", "{\"kind\":\"repair\",\"description\":"
                + "\"Lower case\",\"contactPhone\":\"+6591234567\",\"channel\":\"visit\"}");
        assertEquals(201, filed.statusCode(), filed.body());
        JsonObject stored = PortalClient.json(staff.get(R + "/complaints/" + PortalClient.json(filed)
                .getString("number")));
        assertEquals("REPAIR", stored.getString("kind"));
        assertEquals("VISIT", stored.getString("channel"));
    }

    @Test
    void onlyThisTenantsStaffWhoHaveJoinedCanBeGivenWork() {
        PortalClient.awaitReady(base);
        PortalClient admin = client("riverside.admin");
        String invited = "invited." + UUID.randomUUID().toString().substring(0, 6);
        assertEquals(201, admin.postJson(R + "/people", "{\"username\":\"" + invited + "\",\"email\":\"" + invited
                + "@example.com\",\"displayName\":\"Not Yet\",\"roles\":[\"STAFF\"]}").statusCode());
        PortalClient staff = client("riverside.staff");
        String number = file(staff, "Handed over to nobody")[0];
        act(staff, number, "accept", "");
        String handover = R + "/complaints/" + number + "/actions/handover";
        for (String stranger : List.of("BOGUS", invited, "huijing.staff", "riverside.customer")) {
            assertRefused(staff.postJson(handover, "{\"toUser\":\"" + stranger + "\",\"reason\":\"Shift\","
                    + "\"version\":" + version(staff, R + "/complaints/" + number) + "}"), 422, "toUser");
        }
        assertEquals("riverside.staff", PortalClient.json(staff.get(R + "/complaints/" + number)).getString("owner"));
        HttpResponse<String> plan = admin.postJson(R + "/settings/courtesy-plans", "{\"name\":\"Nobody's plan\","
                + "\"everyMonths\":3,\"nextDue\":\"2031-01-07\",\"assignee\":\"" + invited + "\",\"targets\":"
                + "\"Ms Lee, +6591234567, #01-02\"}");
        assertRefused(plan, 422, "assignee");
        HttpResponse<String> handover2 = staff.postJson(handover, "{\"toUser\":\"riverside.supervisor\",\"reason\":"
                + "\"Shift\",\"version\":" + version(staff, R + "/complaints/" + number) + "}");
        assertEquals(200, handover2.statusCode(), "a colleague who has joined takes it: " + handover2.body());
    }

    @Test
    void theIntakePageSaysWhatIsWrongInsteadOfCuttingTheText() {
        PortalClient.awaitReady(base);
        PortalClient visitor = PortalClient.anonymous(base).language("en");
        String before = send("riverside.staff", "GET", R + "/complaints?size=1", null, null).body();
        HttpResponse<String> page = postIntake(visitor, Map.of("intake:description",
                HostileInput.utf8("x".repeat(HostileInput.MB))));
        assertEquals(200, page.statusCode());
        assertFalse(page.body().contains("case-number"), "nothing was filed");
        int field = page.body().indexOf("id=\"intake:description\"");
        int message = page.body().indexOf("At most 5,000 characters");
        int next = page.body().indexOf("intake:location");
        assertTrue(field >= 0 && message > field && message < next, "the rule is shown at the description");
        assertEquals(before, send("riverside.staff", "GET", R + "/complaints?size=1", null, null).body());
    }

    @Test
    void attachmentsAreDownloadedUnlessTheyAreCheckedPictures() {
        PortalClient.awaitReady(base);
        String filing = "{\"kind\":\"REPAIR\",\"description\":\"Files\",\"contactPhone\":\"+6591234567\","
                + "\"channel\":\"PHONE\"}";
        HttpResponse<String> forged = sendMultipart(filing, "photo.jpg", concat(new byte[] {(byte) 0xFF, (byte) 0xD8,
            (byte) 0xFF}, "<html><script>alert(1)</script></html>"));
        assertRefused(forged, 422, "files");

        HttpResponse<String> withPdf = sendMultipart(filing, "report.pdf", pdfWithScript());
        assertEquals(201, withPdf.statusCode(), withPdf.body());
        HttpResponse<String> pdf = send("riverside.staff", "GET", R + "/complaints/"
                + PortalClient.json(withPdf).getString("number") + "/attachments/1", null, null);
        assertEquals(200, pdf.statusCode());
        assertTrue(pdf.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"),
                pdf.headers().map().toString());

        String oddName = "../../<script>a\"b;.png";
        HttpResponse<String> withPhoto = sendMultipart(filing, oddName.replace("\"", "%22"), realPng());
        assertEquals(201, withPhoto.statusCode(), withPhoto.body());
        String number = PortalClient.json(withPhoto).getString("number");
        String storedName = PortalClient.json(send("riverside.staff", "GET", R + "/complaints/" + number, null, null))
                .getJsonArray("attachments").getJsonObject(0).getString("fileName");
        assertFalse(storedName.contains("/") || storedName.contains("<") || storedName.contains("\""), storedName);
        HttpResponse<String> photo = send("riverside.staff", "GET", R + "/complaints/" + number + "/attachments/1",
                null, null);
        assertEquals("image/png", photo.headers().firstValue("Content-Type").orElse(""));
        assertEquals("nosniff", photo.headers().firstValue("X-Content-Type-Options").orElse(""));
        String disposition = photo.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(disposition.startsWith("inline;") && disposition.contains("filename*=UTF-8''"), disposition);
    }

    @Test
    void scriptPayloadsAreStoredAsSentAndShownEscapedOnEveryPage() {
        PortalClient.awaitReady(base);
        PortalClient staff = client("riverside.staff");
        String payload = SCRIPT + "'; DROP TABLE complaint; --";
        String json = HostileInput.quoted(payload);
        HttpResponse<String> filed = staff.postJson(R + "/complaints", "{\"kind\":\"COMPLAINT\",\"description\":"
                + json + ",\"location\":" + json + ",\"contactName\":" + json + ",\"desiredOutcome\":" + json
                + ",\"contactPhone\":\"+6591234567\",\"channel\":\"PHONE\"}");
        assertEquals(201, filed.statusCode(), filed.body());
        JsonObject created = PortalClient.json(filed);
        String number = created.getString("number");
        JsonObject stored = PortalClient.json(staff.get(R + "/complaints/" + number));
        assertEquals(payload, stored.getString("description"), "API JSON carries the data as sent");
        PortalClient desk = PortalClient.loggedIn(base, TENANT, "riverside.staff", PASSWORD);
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("tracking page", PortalClient.anonymous(base).get("/t/" + TENANT + "/track/"
                + created.getString("trackingToken")).body());
        pages.put("staff case page", desk.get("/t/" + TENANT + "/staff/cases/" + number).body());
        pages.put("staff inbox", desk.get("/t/" + TENANT + "/staff/").body());
        pages.forEach((name, html) -> {
            assertFalse(html.contains(SCRIPT), name + " shows the script unescaped");
            assertTrue(html.contains("&lt;script&gt;alert("), name + " shows the payload, escaped");
        });
    }

    private static void assertRefused(HttpResponse<String> answer, int status, String field) {
        assertProblem(answer, status);
        if (field != null) {
            assertTrue(namesAny(Json.createReader(new StringReader(answer.body())).readObject(), List.of(field)),
                    "names " + field + ": " + answer.body());
        }
    }

    private static void assertProblem(HttpResponse<String> answer, int status) {
        String shown = answer.statusCode() + " " + answer.headers().firstValue("Content-Type").orElse("") + " "
                + answer.body().substring(0, Math.min(400, answer.body().length()));
        assertEquals(status, answer.statusCode(), shown);
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                shown);
        JsonObject problem = Json.createReader(new StringReader(answer.body())).readObject();
        assertEquals(status, problem.getInt("status"), shown);
        assertFalse(problem.getString("detail", "").isBlank(), shown);
    }

    /** A valid PDF that runs JavaScript when opened (/OpenAction): stored, but never shown in place. */
    private static byte[] pdfWithScript() {
        String body = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript"
                + " /JS (app.alert\\(1\\)) >> >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n";
        int xref = body.length();
        return (body + "xref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000120 00000 n \ntrailer\n"
                + "<< /Size 3 /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    // --- the operations ---------------------------------------------------------------------------------------

    private List<Operation> operations() {
        PortalClient admin = client("riverside.admin");
        PortalClient staff = client("riverside.staff");
        String[] filedA = file(staff, "Corpus case A");
        String caseA = filedA[0];
        String tokenA = filedA[1];
        act(staff, caseA, "accept", "");
        assertEquals(201, staff.postJson(R + "/complaints/" + caseA + "/dispatch-orders", "{\"worker\":\"Tan\","
                + "\"appointment\":\"2030-01-07T10:00:00+08:00\",\"parts\":\"pipe\"}").statusCode());
        String[] filedB = file(staff, "Corpus case B");
        String caseB = filedB[0];
        act(staff, caseB, "accept", "");
        JsonObject resolved = act(staff, caseB, "resolve", ",\"resolution\":\"Fixed\"");
        String callback = resolved.getString("callbackId");
        String tokenB = filedB[1];
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        JsonObject plan = PortalClient.json(admin.postJson(R + "/settings/courtesy-plans", "{\"name\":\"Corpus plan "
                + suffix + "\",\"everyMonths\":3,\"nextDue\":\"2030-01-07\",\"assignee\":\"riverside.staff\","
                + "\"targets\":\"Ms Lee, +6591234567, #01-02\"}"));
        String planId = plan.get("id").toString();
        String template = "corpus-" + suffix;
        assertEquals(201, admin.postJson(R + "/surveys/templates", "{\"code\":\"" + template + "\",\"nameZh\":\"语料\","
                + "\"nameEn\":\"Corpus\",\"questions\":[{\"kind\":\"RATING\",\"required\":true,\"textZh\":\"满意吗\","
                + "\"textEn\":\"Satisfied?\"},{\"kind\":\"TEXT\",\"required\":true,\"textZh\":\"说说\","
                + "\"textEn\":\"Tell us\"}]}").statusCode());
        assertEquals(200, admin.postJson(R + "/surveys/templates/" + template + "/versions/1/publish", "")
                .statusCode());
        String campaign = "corpus-" + suffix;
        JsonObject planned = PortalClient.json(admin.postJson(R + "/surveys/campaigns", "{\"code\":\"" + campaign
                + "\",\"nameZh\":\"语料\",\"nameEn\":\"Corpus\",\"template\":\"" + template + "\",\"opensOn\":\""
                + LocalDate.now(ZoneOffset.UTC).minusDays(1) + "\",\"closesOn\":\""
                + LocalDate.now(ZoneOffset.UTC).plusDays(7) + "\",\"anonymous\":true}"));
        String link = planned.getString("link");
        String key = link.substring(link.lastIndexOf('/') + 1);
        JsonObject workspace = PortalClient.json(admin.get(R + "/settings/workspace"));

        // A signed-in customer's own cases, addressed by number (the same actions as /tracking/{token}).
        String mineA = fileAsResident("Corpus customer case A");
        String mineB = fileAsResident("Corpus customer case B");
        act(staff, mineB, "accept", "");
        act(staff, mineB, "resolve", ",\"resolution\":\"Fixed\"");

        String a = R + "/complaints/" + caseA;
        Map<String, String> tenant = Map.of("tenant", TENANT);
        List<Operation> ops = new ArrayList<>();
        String complaintsKey = "POST /api/v1/tenants/{tenant}/complaints";
        ops.add(new Operation(complaintsKey, "riverside.staff", tenant, "application/json",
                "{\"kind\":%s,\"categoryCode\":%s,\"description\":%s,\"location\":%s,\"contactName\":%s,"
                        + "\"contactPhone\":%s,\"contactEmail\":%s,\"desiredOutcome\":%s,\"anonymous\":%s,"
                        + "\"channel\":%s}",
                List.of(choice("kind", "REPAIR"), text("categoryCode", category(staff)), text("description", "Leak"),
                        text("location", "#01-02"), text("contactName", "Ms Lee"), text("contactPhone", "+6591234567"),
                        text("contactEmail", "lee@example.com"), text("desiredOutcome", "Fix it"),
                        flag("anonymous", false), choice("channel", "PHONE")),
                true, true, List.of(R + "/complaints?size=1&sort=-registeredAt")));
        String actions = "POST /api/v1/tenants/{tenant}/complaints/{number}/actions/{action}";
        Supplier<Long> versionA = () -> version(staff, a);
        ops.add(action(actions, caseA, "route", "{\"departmentCode\":%s,\"note\":%s,\"version\":%s}",
                List.of(text("departmentCode", "engineering"), text("note", "Please look"),
                        HostileInput.version(versionA)),
                a));
        ops.add(action(actions, caseA, "handover", "{\"toUser\":%s,\"reason\":%s,\"version\":%s}",
                List.of(text("toUser", "riverside.supervisor"), text("reason", "Shift"),
                        HostileInput.version(versionA)),
                a));
        ops.add(action(actions, caseA, "classify", "{\"categoryCode\":%s,\"kind\":%s,\"severity\":%s,\"version\":%s}",
                List.of(text("categoryCode", category(staff)), choice("kind", "COMPLAINT"),
                        choice("severity", "SERIOUS"), HostileInput.version(versionA)), a));
        ops.add(action(actions, caseA, "promise", "{\"replyBy\":%s,\"note\":%s,\"version\":%s}",
                List.of(text("replyBy", "2030-01-07T10:00:00+08:00"), text("note", "Tomorrow"),
                        HostileInput.version(versionA)), a));
        ops.add(action(actions, caseA, "reply", "{\"text\":%s,\"version\":%s}",
                List.of(text("text", "Thank you, we are on it."), HostileInput.version(versionA)), a));
        ops.add(action(actions, caseA, "note", "{\"text\":%s,\"version\":%s}",
                List.of(text("text", "Called back"), HostileInput.version(versionA)), a));
        ops.add(new Operation("PUT /api/v1/tenants/{tenant}/complaints/{number}/unit", "riverside.staff",
                Map.of("tenant", TENANT, "number", caseA), "application/json",
                "{\"building\":%s,\"number\":%s,\"version\":%s}", List.of(text("building", "Tower 1"),
                        text("number", "#01-02"), HostileInput.version(versionA)), true, true, List.of(a)));
        quarterly(ops, caseA);
        monthly(ops, caseA);
        confidentiality(ops, caseA);
        records(ops, admin, suffix);
        ops.add(new Operation("POST /api/v1/tenants/{tenant}/complaints/{number}/dispatch-orders", "riverside.staff",
                Map.of("tenant", TENANT, "number", caseA), "application/json",
                "{\"worker\":%s,\"appointment\":%s,\"parts\":%s}", List.of(text("worker", "Tan"),
                        text("appointment", "2030-01-08T10:00:00+08:00"), text("parts", "valve")), true, true,
                List.of(a)));
        ops.add(new Operation("POST /api/v1/tenants/{tenant}/complaints/{number}/dispatch-orders/{seq}/result",
                "riverside.staff", Map.of("tenant", TENANT, "number", caseA, "seq", "1"), "application/json",
                "{\"result\":%s,\"parts\":%s}", List.of(text("result", "Replaced"), text("parts", "valve")), true,
                true, List.of(a)));
        // Compensation: proposal 1 of case A (staff's) is what the supervisor's refusal is tried on.
        assertEquals(201, staff.postJson(a + "/compensations", "{\"type\":\"REFUND\",\"amount\":\"10\","
                + "\"reason\":\"Late repair\"}").statusCode());
        ops.add(new Operation("POST /api/v1/tenants/{tenant}/complaints/{number}/compensations", "riverside.supervisor",
                Map.of("tenant", TENANT, "number", caseA), "application/json",
                "{\"type\":%s,\"amount\":%s,\"reason\":%s}",
                List.of(choice("type", "DISCOUNT"), text("amount", "12.50"), text("reason", "Late repair")), true, true,
                List.of(a + "/compensations")));
        ops.add(new Operation("POST /api/v1/tenants/{tenant}/complaints/{number}/compensations/{seq}/refusal",
                "riverside.supervisor", Map.of("tenant", TENANT, "number", caseA, "seq", "1"), "application/json",
                "{\"reason\":%s}", List.of(text("reason", "Already refunded")), true, true,
                List.of(a + "/compensations")));
        ops.add(pathOnly("POST /api/v1/tenants/{tenant}/complaints/{number}/compensations/{seq}/approval",
                "riverside.supervisor", Map.of("tenant", TENANT, "number", caseA, "seq", "1"), a + "/compensations"));
        // Shift hand-over: riverside.staff works in the day shift; case A is theirs, so it is in their prefill.
        assertEquals(200, admin.putJson(R + "/settings/shifts", "{\"shifts\":[{\"code\":\"day\",\"name\":\"Day\","
                + "\"start\":\"08:00\",\"end\":\"20:00\",\"members\":[\"riverside.staff\"]},{\"code\":\"night\","
                + "\"name\":\"Night\",\"start\":\"20:00\",\"end\":\"08:00\"}]}").statusCode());
        ops.add(settings("PUT /api/v1/tenants/{tenant}/settings/shifts", Map.of("tenant", TENANT),
                "{\"shifts\":[{\"code\":%s,\"name\":%s,\"start\":%s,\"end\":%s,\"members\":%s}]}",
                List.of(text("code", "day").alsoNamed("shifts[1].code"), text("name", "Day")
                        .alsoNamed("shifts[1].name"), text("start", "08:00").alsoNamed("shifts[1].start"),
                        text("end", "20:00").alsoNamed("shifts[1].end"), texts("members", "riverside.staff")
                                .alsoNamed("shifts[1].members")), R + "/settings/shifts"));
        ops.add(new Operation("POST /api/v1/tenants/{tenant}/handovers", "riverside.staff", Map.of("tenant", TENANT),
                "application/json", "{\"shift\":%s,\"items\":[{\"subject\":%s,\"remark\":%s}],\"equipment\":%s,"
                + "\"notes\":%s}", List.of(text("shift", "day"), text("subject", caseA).alsoNamed("items[1].subject"),
                        text("remark", "Call back at 3").alsoNamed("items[1].remark"), text("equipment", "Printer"),
                        text("notes", "Water off in block 3")), false, true, List.of(R + "/handovers?size=100")));
        String handover = PortalClient.json(staff.postJson(R + "/handovers", "{\"notes\":\"Corpus hand-over\"}"))
                .getString("ref");
        ops.add(new Operation("POST /api/v1/tenants/{tenant}/handovers/{ref}/entries", "riverside.staff",
                Map.of("tenant", TENANT, "ref", handover), "application/json", "{\"text\":%s}",
                List.of(text("text", "Printer fixed")), true, true, List.of(R + "/handovers/" + handover)));
        ops.add(pathOnly("POST /api/v1/tenants/{tenant}/handovers/{ref}/acknowledgements", "riverside.supervisor",
                Map.of("tenant", TENANT, "ref", "HO-20310101-0001"), R + "/handovers?size=100"));
        String cb = R + "/callbacks/" + callback;
        Supplier<Long> versionCb = () -> version(staff, cb);
        Map<String, String> callbackPath = Map.of("tenant", TENANT, "id", callback);
        ops.add(new Operation("POST /api/v1/tenants/{tenant}/callbacks/{id}/attempts", "riverside.staff",
                callbackPath, "application/json", "{\"method\":%s,\"reached\":%s,\"satisfaction\":%s,\"score\":%s,"
                        + "\"comment\":%s,\"version\":%s}",
                List.of(choice("method", "PHONE"), flag("reached", true), choice("satisfaction", "SATISFIED"),
                        whole("score", 5), text("comment", "Happy"), HostileInput.version(versionCb)),
                true, true, List.of(cb, R + "/complaints/" + caseB)));
        ops.add(new Operation("POST /api/v1/tenants/{tenant}/callbacks/{id}/assign", "riverside.supervisor",
                callbackPath, "application/json", "{\"assignee\":%s,\"version\":%s}",
                List.of(text("assignee", "riverside.staff"), HostileInput.version(versionCb)), true, true,
                List.of(cb)));
        Map<String, String> trackingA = Map.of("tenant", TENANT, "token", tokenA);
        ops.add(new Operation("POST /api/v1/tenants/{tenant}/tracking/{token}/messages", null, trackingA,
                "application/json", "{\"text\":%s}", List.of(text("text", "More details")), true, true, List.of(a)));
        ops.add(new Operation("POST /api/v1/tenants/{tenant}/tracking/{token}/withdraw", null, trackingA,
                "application/json", "{\"reason\":%s}", List.of(text("reason", "Solved myself")), false, true,
                List.of(a)));
        ops.add(new Operation("POST /api/v1/tenants/{tenant}/tracking/{token}/confirmation", null,
                Map.of("tenant", TENANT, "token", tokenB), "application/json", "{\"satisfied\":%s,\"comment\":%s}",
                List.of(flag("satisfied", true), text("comment", "Thanks")), true, true,
                List.of(R + "/complaints/" + caseB)));

        Map<String, String> mine = Map.of("tenant", TENANT, "number", mineA);
        ops.add(new Operation("POST /api/v1/tenants/{tenant}/my/complaints/{number}/messages", "riverside.customer",
                mine, "application/json", "{\"text\":%s}", List.of(text("text", "More details")), true, true,
                List.of(R + "/complaints/" + mineA)));
        ops.add(new Operation("POST /api/v1/tenants/{tenant}/my/complaints/{number}/withdraw", "riverside.customer",
                mine, "application/json", "{\"reason\":%s}", List.of(text("reason", "Solved myself")), false, true,
                List.of(R + "/complaints/" + mineA)));
        ops.add(new Operation("POST /api/v1/tenants/{tenant}/my/complaints/{number}/confirmation", "riverside.customer",
                Map.of("tenant", TENANT, "number", mineB), "application/json", "{\"satisfied\":%s,\"comment\":%s}",
                List.of(flag("satisfied", true), text("comment", "Thanks")), true, true,
                List.of(R + "/complaints/" + mineB)));

        ops.add(settings("PUT /api/v1/tenants/{tenant}/settings/office", tenant,
                "{\"anonymousAllowed\":%s,\"manager\":%s,\"workingPeriods\":%s,\"restDays\":%s,\"version\":%s}",
                List.of(flag("anonymousAllowed", true), text("manager", "riverside.supervisor"),
                        text("workingPeriods", "09:00-18:00"), choices("restDays", "SUNDAY"),
                        HostileInput.version(() -> version(admin, R + "/settings/office"))), R + "/settings/office"));
        ops.add(settings("PUT /api/v1/tenants/{tenant}/settings/workspace", tenant,
                "{\"nameZh\":%s,\"nameEn\":%s,\"defaultLocale\":%s,\"timeZone\":%s,\"primaryColour\":%s,"
                        + "\"requiredFields\":%s,\"maxFiles\":%s,\"maxFileMb\":%s,"
                        + "\"gradePercents\":{\"A\":%s,\"B\":%s,\"C\":%s},\"version\":%s}",
                List.of(text("nameZh", workspace.getString("nameZh")), text("nameEn", workspace.getString("nameEn")),
                        text("defaultLocale", workspace.getString("defaultLocale")),
                        text("timeZone", workspace.getString("timeZone")), text("primaryColour", "#1f5fa8"),
                        choices("requiredFields", "NAME"), whole("maxFiles", 5), whole("maxFileMb", 10),
                        whole("gradePercents.A", 50), whole("gradePercents.B", 80), whole("gradePercents.C", 100),
                        HostileInput.version(() -> version(admin, R + "/settings/workspace"))),
                R + "/settings/workspace"));
        ops.add(settings("PUT /api/v1/tenants/{tenant}/settings/service-levels/{kind}/{severity}",
                Map.of("tenant", TENANT, "kind", "SUGGESTION", "severity", "ORDINARY"),
                "{\"firstResponseMinutes\":%s,\"resolutionMinutes\":%s}",
                List.of(whole("firstResponseMinutes", 60), whole("resolutionMinutes", 600)),
                R + "/settings/service-levels"));
        ops.add(settings("POST /api/v1/tenants/{tenant}/settings/calendar-days", tenant,
                "{\"day\":%s,\"type\":%s,\"label\":%s}", List.of(text("day", "2031-05-01"), choice("type", "HOLIDAY"),
                        text("label", "Labour Day")), R + "/settings/calendar-days"));
        ops.add(pathOnly("DELETE /api/v1/tenants/{tenant}/settings/calendar-days/{day}", "riverside.admin",
                Map.of("tenant", TENANT, "day", "2031-05-02"), R + "/settings/calendar-days"));
        ops.add(settings("POST /api/v1/tenants/{tenant}/settings/canned-replies", tenant,
                "{\"title\":%s,\"categoryCode\":%s,\"body\":%s}", List.of(text("title", "Corpus " + suffix),
                        text("categoryCode", category(staff)), text("body", "Thank you for telling us.")),
                R + "/settings/canned-replies"));
        ops.add(pathOnly("DELETE /api/v1/tenants/{tenant}/settings/canned-replies/{title}", "riverside.admin",
                Map.of("tenant", TENANT, "title", "absent"), R + "/settings/canned-replies"));
        ops.add(settings("POST /api/v1/tenants/{tenant}/settings/forbidden-phrases", tenant,
                "{\"phrase\":%s,\"suggestion\":%s}", List.of(text("phrase", "corpus " + suffix),
                        text("suggestion", "Let me check")), R + "/settings/forbidden-phrases"));
        ops.add(pathOnly("DELETE /api/v1/tenants/{tenant}/settings/forbidden-phrases/{phrase}", "riverside.admin",
                Map.of("tenant", TENANT, "phrase", "absent"), R + "/settings/forbidden-phrases"));
        ops.add(settings("POST /api/v1/tenants/{tenant}/settings/handlers", tenant,
                "{\"departmentCode\":%s,\"username\":%s}", List.of(text("departmentCode", "engineering"),
                        text("username", "riverside.supervisor")), R + "/settings/handlers"));
        ops.add(pathOnly("DELETE /api/v1/tenants/{tenant}/settings/handlers/{departmentCode}/{username}",
                "riverside.admin", Map.of("tenant", TENANT, "departmentCode", "engineering", "username", "nobody"),
                R + "/settings/handlers"));
        ops.add(settings("PUT /api/v1/tenants/{tenant}/settings/callback-policy", tenant,
                "{\"dueHours\":%s,\"maxAttempts\":%s,\"retryMinutes\":%s,\"callerRoles\":%s,"
                        + "\"onlineConfirmationCounts\":%s,\"validTargetPermille\":%s,\"version\":%s}",
                List.of(whole("dueHours", 24), whole("maxAttempts", 3), whole("retryMinutes", 0),
                        choices("callerRoles", "STAFF", "SUPERVISOR"), flag("onlineConfirmationCounts", true),
                        whole("validTargetPermille", 10),
                        HostileInput.version(() -> version(admin, R + "/settings/callback-policy"))),
                R + "/settings/callback-policy"));
        ops.add(settings("PUT /api/v1/tenants/{tenant}/settings/compensation-policy", tenant,
                "{\"staffLimit\":%s,\"supervisorLimit\":%s,\"managerLimit\":%s,\"promiseWords\":%s,\"version\":%s}",
                List.of(text("staffLimit", "200"), text("supervisorLimit", "2000"), text("managerLimit", "20000"),
                        texts("promiseWords", "refund you", "赔偿您"),
                        HostileInput.version(() -> version(admin, R + "/settings/compensation-policy"))),
                R + "/settings/compensation-policy"));
        ops.add(settings("PUT /api/v1/tenants/{tenant}/settings/customer-base/{month}",
                Map.of("tenant", TENANT, "month", "2031-03"), "{\"customers\":%s}",
                List.of(whole("customers", 1_200)), R + "/settings/customer-base"));
        ops.add(pathOnly("DELETE /api/v1/tenants/{tenant}/settings/customer-base/{month}", "riverside.admin",
                Map.of("tenant", TENANT, "month", "2031-04"), R + "/settings/customer-base"));
        ops.add(settings("POST /api/v1/tenants/{tenant}/settings/courtesy-plans", tenant,
                "{\"name\":%s,\"everyMonths\":%s,\"nextDue\":%s,\"assignee\":%s,\"targets\":%s}",
                List.of(text("name", "Plan " + suffix), whole("everyMonths", 6), text("nextDue", "2031-01-07"),
                        text("assignee", "riverside.staff"), text("targets", "Mr Tan, +6591234568, #02-03")),
                R + "/settings/courtesy-plans"));
        ops.add(settings("PUT /api/v1/tenants/{tenant}/settings/courtesy-plans/{id}",
                Map.of("tenant", TENANT, "id", planId),
                "{\"name\":%s,\"everyMonths\":%s,\"nextDue\":%s,\"assignee\":%s,\"targets\":%s,\"active\":%s,"
                        + "\"version\":%s}",
                List.of(text("name", "Plan " + suffix + " b"), whole("everyMonths", 6), text("nextDue", "2031-01-07"),
                        text("assignee", "riverside.staff"), text("targets", "Mr Tan, +6591234568, #02-03"),
                        flag("active", true), HostileInput.version(() -> versionIn(admin,
                                R + "/settings/courtesy-plans", planId))), R + "/settings/courtesy-plans"));
        ops.add(settings("POST /api/v1/tenants/{tenant}/departments", tenant,
                "{\"code\":%s,\"nameZh\":%s,\"nameEn\":%s}", List.of(text("code", "dept-" + suffix),
                        text("nameZh", "语料部"), text("nameEn", "Corpus")), R + "/departments"));
        ops.add(settings("PUT /api/v1/tenants/{tenant}/departments/{code}",
                Map.of("tenant", TENANT, "code", "engineering"), "{\"nameZh\":%s,\"nameEn\":%s,\"version\":%s}",
                List.of(text("nameZh", "工程部"), text("nameEn", "Engineering"),
                        HostileInput.version(() -> version(admin, R + "/departments/engineering"))),
                R + "/departments"));
        Map<String, String> person = Map.of("tenant", TENANT, "username", "riverside.engineer",
                "department", "engineering");
        String people = R + "/people?size=100";
        ops.add(settings("POST /api/v1/tenants/{tenant}/people", tenant,
                "{\"username\":%s,\"email\":%s,\"displayName\":%s,\"roles\":%s,\"department\":%s}",
                List.of(text("username", "corpus." + suffix), text("email", "corpus." + suffix + "@example.com"),
                        text("displayName", "Corpus"), choices("roles", "STAFF"), text("department", "engineering")),
                people));
        ops.add(settings("PUT /api/v1/tenants/{tenant}/people/{username}/roles", person, "{\"roles\":%s}",
                List.of(choices("roles", "STAFF")), people));
        ops.add(pathOnly("PUT /api/v1/tenants/{tenant}/people/{username}/departments/{department}", "riverside.admin",
                Map.of("tenant", TENANT, "username", "absent.person", "department", "engineering"), people));
        ops.add(pathOnly("DELETE /api/v1/tenants/{tenant}/people/{username}/departments/{department}",
                "riverside.admin", Map.of("tenant", TENANT, "username", "absent.person", "department", "engineering"),
                people));
        ops.add(pathOnly("POST /api/v1/tenants/{tenant}/people/{username}/disable", "riverside.admin",
                Map.of("tenant", TENANT, "username", "absent.person"), people));
        ops.add(pathOnly("POST /api/v1/tenants/{tenant}/people/{username}/enable", "riverside.admin",
                Map.of("tenant", TENANT, "username", "absent.person"), people));
        ops.add(pathOnly("POST /api/v1/tenants/{tenant}/people/{username}/invitation", "riverside.admin",
                Map.of("tenant", TENANT, "username", "absent.person"), people));
        // The person as their own successor is refused too, so no body of the corpus ever removes anybody.
        ops.add(settings("POST /api/v1/tenants/{tenant}/people/{username}/removal", person, "{\"successor\":%s}",
                List.of(text("successor", "riverside.engineer")), people));
        ops.add(pathOnly("POST /api/v1/tenants/{tenant}/notices/read", "riverside.staff", tenant, R + "/notices"));
        ops.add(pathOnly("POST /api/v1/tenants/{tenant}/alerts/{id}/acknowledge", "riverside.supervisor",
                Map.of("tenant", TENANT, "id", "0"), R + "/alerts"));

        String templates = R + "/surveys/templates";
        ops.add(settings("POST /api/v1/tenants/{tenant}/surveys/templates", tenant,
                "{\"code\":%s,\"nameZh\":%s,\"nameEn\":%s,\"questions\":[{\"kind\":%s,\"required\":%s,"
                        + "\"textZh\":%s,\"textEn\":%s}]}",
                List.of(text("code", "t-" + suffix), text("nameZh", "问卷"), text("nameEn", "Survey"),
                        choice("questions[1].kind", "RATING"), flag("questions[1].required", true),
                        text("questions[1].textZh", "满意吗"), text("questions[1].textEn", "Satisfied?")), templates));
        ops.add(settings("PUT /api/v1/tenants/{tenant}/surveys/templates/{code}",
                Map.of("tenant", TENANT, "code", template),
                "{\"nameZh\":%s,\"nameEn\":%s,\"questions\":[{\"kind\":%s,\"required\":%s,\"textZh\":%s,"
                        + "\"textEn\":%s}],\"version\":%s}",
                List.of(text("nameZh", "问卷"), text("nameEn", "Survey"), choice("questions[1].kind", "NPS"),
                        flag("questions[1].required", true), text("questions[1].textZh", "推荐吗"),
                        text("questions[1].textEn", "Recommend?"),
                        HostileInput.version(() -> version(admin, templates + "/" + template))), templates));
        ops.add(pathOnly("POST /api/v1/tenants/{tenant}/surveys/templates/{code}/versions/{n}/publish",
                "riverside.admin", Map.of("tenant", TENANT, "code", "absent-template", "n", "1"), templates));
        ops.add(settings("PUT /api/v1/tenants/{tenant}/surveys/settings", tenant,
                "{\"postCasePercent\":%s,\"delayHours\":%s,\"validityDays\":%s,\"postCaseTemplate\":%s,"
                        + "\"callbackTemplate\":%s,\"version\":%s}",
                List.of(whole("postCasePercent", 100), whole("delayHours", 24), whole("validityDays", 30),
                        text("postCaseTemplate", "satisfaction"), text("callbackTemplate", "satisfaction"),
                        HostileInput.version(() -> version(admin, R + "/surveys/settings"))), R + "/surveys/settings"));
        ops.add(settings("POST /api/v1/tenants/{tenant}/surveys/campaigns", tenant,
                "{\"code\":%s,\"nameZh\":%s,\"nameEn\":%s,\"template\":%s,\"opensOn\":%s,\"closesOn\":%s,"
                        + "\"anonymous\":%s,\"segment\":%s}",
                List.of(text("code", "c-" + suffix), text("nameZh", "调查"), text("nameEn", "Survey"),
                        text("template", "satisfaction"), text("opensOn", "2031-01-01"), text("closesOn", "2031-02-01"),
                        flag("anonymous", true), text("segment", "tower 2")), R + "/surveys/campaigns"));
        ops.add(pathOnly("POST /api/v1/tenants/{tenant}/surveys/campaigns/{code}/close", "riverside.admin",
                Map.of("tenant", TENANT, "code", "absent-campaign"), R + "/surveys/campaigns"));
        String answers = "{\"answers\":[{\"position\":%s,\"score\":%s},{\"position\":2,\"text\":%s}]}";
        ops.add(new Operation("POST /api/v1/tenants/{tenant}/surveys/campaign-responses/{key}", null,
                Map.of("tenant", TENANT, "key", key), "application/json", answers,
                List.of(whole("answers[1].position", 1).alsoNamed("answers", "q1"),
                        whole("answers[1].score", 5).alsoNamed("q1"),
                        text("answers[2].text", "Fine").alsoNamed("q2")), true, true,
                List.of(R + "/surveys/campaigns/" + campaign)));
        // No valid link exists here (it is mailed after a closed case): the body is read before the link is, so
        // every malformed field is still refused; what only the survey could judge ends as the link's 404.
        ops.add(new Operation("POST /api/v1/tenants/{tenant}/surveys/responses/{token}", null,
                Map.of("tenant", TENANT, "token", "no-such-link"), "application/json", answers,
                List.of(whole("answers[1].position", 1), whole("answers[1].score", 5), text("answers[2].text", "Fine")),
                true, false, List.of(R + "/surveys/campaigns/" + campaign)));

        ops.add(pathOnly("PUT /api/v1/tenants/{tenant}/settings/workspace/logo", "riverside.admin", tenant,
                R + "/settings/workspace"));
        ops.add(pathOnly("DELETE /api/v1/tenants/{tenant}/settings/workspace/logo", "riverside.admin", tenant,
                R + "/settings/workspace"));
        ops.add(pathOnly("POST /api/v1/tenants/{tenant}/residents/import", "riverside.admin", tenant,
                R + "/residents?size=1"));

        String platform = "/api/v1/platform/tenants";
        ops.add(new Operation("POST /api/v1/platform/tenants", "platform.it", Map.of(), "application/json",
                "{\"slug\":%s,\"nameZh\":%s,\"nameEn\":%s,\"kind\":%s,\"timeZone\":%s,\"defaultLocale\":%s,"
                        + "\"adminEmail\":%s,\"adminUsername\":%s,\"adminDisplayName\":%s}",
                List.of(text("slug", "corpus-" + suffix), text("nameZh", "语料"), text("nameEn", "Corpus"),
                        choice("kind", "RETAIL"), text("timeZone", "Asia/Singapore"), text("defaultLocale", "en"),
                        text("adminEmail", "admin." + suffix + "@example.com"),
                        text("adminUsername", "admin." + suffix),
                        text("adminDisplayName", "Corpus Admin")), true, true, List.of(platform)));
        ops.add(pathOnly("POST /api/v1/platform/tenants/{slug}/suspend", "platform.it", Map.of("slug", "absent-slug"),
                platform));
        ops.add(pathOnly("POST /api/v1/platform/tenants/{slug}/resume", "platform.it", Map.of("slug", "absent-slug"),
                platform));
        return ops;
    }

    private static Operation action(String key, String number, String action, String template, List<Hole> holes,
            String reread) {
        return new Operation(key, "riverside.staff", Map.of("tenant", TENANT, "number", number, "action", action),
                "application/json", template, holes, true, true, List.of(reread));
    }

    /**
     * The quarterly analysis and its actions, as a supervisor: this quarter's report (the tenant's first action,
     * answering case {@code caseA}, is what the status step is tried on).
     */
    private void quarterly(List<Operation> ops, String caseA) {
        PortalClient boss = client("riverside.supervisor");
        String quarter = LocalDate.now(ZoneOffset.UTC).getYear() + "-Q" + ((LocalDate.now(ZoneOffset.UTC)
                .getMonthValue() - 1) / 3 + 1);
        HttpResponse<String> committed = boss.postJson(R + "/reports/actions", "{\"quarter\":\"" + quarter
                + "\",\"departmentCode\":\"engineering\",\"description\":\"Corpus action\",\"owner\":"
                + "\"riverside.staff\",\"dueDate\":\"2031-01-01\",\"cases\":[\"" + caseA + "\"]}");
        assertEquals(201, committed.statusCode(), committed.body());
        String ref = PortalClient.json(committed).getString("ref");
        Map<String, String> inQuarter = Map.of("tenant", TENANT, "quarter", quarter);
        String report = R + "/reports/quarterly/" + quarter;
        ops.add(new Operation("PUT /api/v1/tenants/{tenant}/reports/quarterly/{quarter}/analysis",
                "riverside.supervisor", inQuarter, "application/json", "{\"cause\":%s,\"text\":%s}",
                List.of(text("cause", "CATEGORY|noise"), text("text", "Worn seals")), true, true, List.of(report)));
        for (String step : List.of("submit", "send-back", "approve")) {
            ops.add(pathOnly("POST /api/v1/tenants/{tenant}/reports/quarterly/{quarter}/" + step,
                    "riverside.supervisor", Map.of("tenant", TENANT, "quarter", "2031-Q1"), report));
        }
        // The quarter's report is a draft here, so every try is refused (409 at best) before its reason is read;
        // QuarterlyReportIT tries the reason on a published report, where the refusal names it.
        ops.add(new Operation("POST /api/v1/tenants/{tenant}/reports/quarterly/{quarter}/revisions",
                "riverside.supervisor", inQuarter, "application/json", "{\"reason\":%s}",
                List.of(text("reason", "Seal count corrected")), true, false, List.of(report)));
        ops.add(new Operation("POST /api/v1/tenants/{tenant}/reports/actions", "riverside.supervisor",
                Map.of("tenant", TENANT), "application/json", "{\"quarter\":%s,\"departmentCode\":%s,"
                        + "\"description\":%s,\"owner\":%s,\"dueDate\":%s,\"causes\":%s,\"cases\":%s}",
                List.of(text("quarter", quarter), text("departmentCode", "engineering"),
                        text("description", "Replace the seals"), text("owner", "riverside.staff"),
                        text("dueDate", "2031-01-01"), HostileInput.texts("causes"),
                        HostileInput.texts("cases", caseA)), true, true, List.of(report)));
        ops.add(new Operation("POST /api/v1/tenants/{tenant}/reports/actions/{ref}/status", "riverside.supervisor",
                Map.of("tenant", TENANT, "ref", ref), "application/json", "{\"status\":%s,\"version\":%s}",
                List.of(choice("status", "DONE"), HostileInput.version(() -> (long) PortalClient.json(boss.get(R
                        + "/reports/actions/" + ref)).getInt("version"))), true, true, List.of(report)));
    }

    /**
     * The monthly statistics table of last month, as a supervisor: its draft is generated first, so that every
     * hostile try meets a table to change. A refusal need not name a field here (a case not closed in the month is
     * 404 before its department is read); what is checked is no server error, a problem document and no change.
     */
    private void monthly(List<Operation> ops, String caseA) {
        PortalClient boss = client("riverside.supervisor");
        String month = java.time.YearMonth.now(ZoneOffset.UTC).minusMonths(1).toString();
        HttpResponse<String> drafted = boss.postJson(R + "/reports/monthly/" + month, "{}");
        assertTrue(drafted.statusCode() < 300, drafted.statusCode() + " " + drafted.body());
        Map<String, String> inMonth = Map.of("tenant", TENANT, "month", month);
        String tables = R + "/reports/monthly";
        ops.add(pathOnly("POST /api/v1/tenants/{tenant}/reports/monthly/{month}", "riverside.supervisor", inMonth,
                tables));
        ops.add(new Operation("PUT /api/v1/tenants/{tenant}/reports/monthly/{month}/attributions/{number}",
                "riverside.supervisor", Map.of("tenant", TENANT, "month", month, "number", caseA), "application/json",
                "{\"department\":%s}", List.of(text("department", "_external")), true, false,
                List.of(tables)));
        for (String step : List.of("submit", "sign-off", "return")) {
            ops.add(new Operation("POST /api/v1/tenants/{tenant}/reports/monthly/{month}/" + step,
                    "riverside.supervisor", inMonth, "application/json", "{\"version\":%s}",
                    List.of(HostileInput.version(() -> 1L)), false, false, List.of(tables)));
        }
        ops.add(new Operation("POST /api/v1/tenants/{tenant}/reports/monthly/{month}/revisions",
                "riverside.supervisor", inMonth, "application/json", "{\"reason\":%s}",
                List.of(text("reason", "更正职责归属")), true, false, List.of(tables)));
    }

    /**
     * Clearances, a record's level and access grants. The riverside record of {@code caseA} is ordinary, so a
     * request or break-glass for it is refused (409) before its reason matters; decisions name an absent grant
     * (404). What is checked is no server error, a problem document and nothing stored.
     */
    private void confidentiality(List<Operation> ops, String caseA) {
        Map<String, String> tenant = Map.of("tenant", TENANT);
        String grants = R + "/grants";
        ops.add(new Operation("PUT /api/v1/tenants/{tenant}/clearances/{username}", "riverside.admin",
                Map.of("tenant", TENANT, "username", "riverside.staff"), "application/json", "{\"level\":%s}",
                List.of(choice("level", "ORDINARY")), true, true, List.of(R + "/clearances")));
        ops.add(new Operation("PUT /api/v1/tenants/{tenant}/customers/{key}/confidentiality", "riverside.supervisor",
                Map.of("tenant", TENANT, "key", "absentkey234"), "application/json", "{\"level\":%s}",
                List.of(choice("level", "SECRET")), true, false, List.of(grants)));
        for (String ask : List.of("requests", "break-glass")) {
            ops.add(new Operation("POST /api/v1/tenants/{tenant}/grants/" + ask, "riverside.staff", tenant,
                    "application/json", "{\"caseNumber\":%s,\"reason\":%s}", List.of(text("caseNumber", caseA),
                            text("reason", "Callback")), true, false, List.of(grants)));
        }
        ops.add(new Operation("POST /api/v1/tenants/{tenant}/grants", "riverside.supervisor", tenant,
                "application/json", "{\"caseNumber\":%s,\"username\":%s,\"reason\":%s,\"hours\":%s}",
                List.of(text("caseNumber", caseA), text("username", "riverside.staff"), text("reason", "Callback"),
                        whole("hours", 2)), true, false, List.of(grants)));
        for (String step : List.of("grant", "refuse")) {
            ops.add(new Operation("POST /api/v1/tenants/{tenant}/grants/{key}/" + step, "riverside.supervisor",
                    Map.of("tenant", TENANT, "key", "absentkey234"), "application/json",
                    "{\"hours\":%s,\"note\":%s}", List.of(whole("hours", 2), text("note", "ok")), false, false,
                    List.of(grants)));
        }
        ops.add(pathOnly("POST /api/v1/tenants/{tenant}/grants/{key}/revoke", "riverside.supervisor",
                Map.of("tenant", TENANT, "key", "absentkey234"), grants));
    }

    /**
     * A customer record's edit, its erasure and the retention policy. The record is a resident imported for the
     * corpus; its erasure is only ever sent with a hostile path segment (the valid call would erase it), and the
     * record read back shows whether anything was erased or changed.
     */
    private void records(List<Operation> ops, PortalClient admin, String suffix) {
        String name = "Corpus customer " + suffix;
        HttpResponse<String> imported = admin.postBytes(R + "/residents/import?name=corpus.csv", "text/csv",
                ("building,unit,name,phone\nTower 9,#09-01," + name + ",+6591230001\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertTrue(imported.statusCode() < 300, imported.body());
        String key = customerKey(admin, name);
        String record = R + "/customers/" + key;
        Map<String, String> ofRecord = Map.of("tenant", TENANT, "key", key);
        ops.add(new Operation("PUT /api/v1/tenants/{tenant}/customers/{key}", "riverside.supervisor", ofRecord,
                "application/json", "{\"version\":%s,\"kind\":%s,\"name\":%s,\"vip\":%s,\"handler\":%s,"
                        + "\"notes\":%s,\"confidentiality\":%s}", List.of(HostileInput.version(() -> version(admin,
                        record)), choice("kind", "RESIDENT"), text("name", name), flag("vip", false),
                        text("handler", "riverside.staff"), text("notes", "Prefers calls after six"),
                        choice("confidentiality", "ORDINARY")), true, true, List.of(record)));
        ops.add(pathOnly("POST /api/v1/tenants/{tenant}/privacy/customers/{key}/erasure", "riverside.admin",
                ofRecord, record));
        String retention = R + "/settings/retention";
        ops.add(settings("PUT /api/v1/tenants/{tenant}/settings/retention", Map.of("tenant", TENANT),
                "{\"months\":%s,\"attachments\":%s,\"version\":%s}", List.of(whole("months", 36),
                        choice("attachments", "KEEP"), HostileInput.version(() -> version(admin, retention))),
                retention));
        String promiseReminder = R + "/settings/promise-reminder";
        ops.add(settings("PUT /api/v1/tenants/{tenant}/settings/promise-reminder", Map.of("tenant", TENANT),
                "{\"minutes\":%s,\"version\":%s}", List.of(whole("minutes", 30),
                        HostileInput.version(() -> version(admin, promiseReminder))), promiseReminder));
    }

    /** The key of the record the import makes for {@code name} (an import may finish after its answer). */
    private static String customerKey(PortalClient admin, String name) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            JsonObject found = PortalClient.json(admin.get(R + "/customers?q="
                    + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)));
            if (!found.getJsonArray("items").isEmpty()) {
                return found.getJsonArray("items").getJsonObject(0).getString("key");
            }
            assertTrue(System.nanoTime() < deadline, "no record for " + name + " after its import");
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static Operation settings(String key, Map<String, String> parameters, String template, List<Hole> holes,
            String reread) {
        return new Operation(key, "riverside.admin", parameters, "application/json", template, holes, true, true,
                List.of(reread));
    }

    private static Operation pathOnly(String key, String caller, Map<String, String> parameters, String reread) {
        return new Operation(key, caller, parameters, null, null, List.of(), false, false, List.of(reread));
    }

    // --- running the corpus -----------------------------------------------------------------------------------

    private void run(Operation op, Tally tally) {
        List<Hole> holes = op.holes().stream().map(h -> {
            String valid = h.valid().get();
            return new Hole(h.name(), h.kind(), () -> valid, h.names());
        }).toList();
        String path = op.path(null, null);
        state = reread(op);
        if (op.template() != null) {
            byte[] valid = HostileInput.render(op.template(), holes, null, null);
            for (Attempt body : HostileInput.bodies(valid, op.bodyNeeded())) {
                attempt(op, path, body.bytes(), op.key() + " body " + body.label(), null, tally);
            }
            // 10 MB of text once for a few operations of each kind: enough to show it is refused, and CI time.
            boolean tenMegabytes = TEN_MEGABYTES.contains(op.key());
            for (Hole hole : holes) {
                for (Attempt value : HostileInput.values(hole.kind(), tenMegabytes)) {
                    attempt(op, path, HostileInput.render(op.template(), holes, hole.name(), value.bytes()),
                            op.key() + " " + hole.name() + ": " + value.label(), op.namesFields() ? hole.names()
                                    : null, tally);
                }
                tenMegabytes &= hole.kind() != HostileInput.Kind.TEXT && hole.kind() != HostileInput.Kind.CHOICE;
            }
            attempt(op, path, valid, op.key() + " as text/plain", null, tally, "text/plain");
        }
        Matcher inPath = PATH_PARAMETER.matcher(op.key());
        while (inPath.find()) {
            String parameter = inPath.group(1);
            byte[] body = op.template() == null ? new byte[0] : HostileInput.render(op.template(), holes, null, null);
            for (String value : HostileInput.pathValues()) {
                String label = op.key() + " {" + parameter + "}=" + (value.length() > 40 ? value.length() + " chars"
                        : value);
                pathAttempt(op, op.path(parameter, value), body, label, tally);
            }
        }
    }

    private void attempt(Operation op, String path, byte[] body, String label, List<String> names, Tally tally) {
        attempt(op, path, body, label, names, tally, op.contentType());
    }

    private void attempt(Operation op, String path, byte[] body, String label, List<String> names, Tally tally,
            String contentType) {
        HttpResponse<String> answer = send(op.caller(), op.method(), path, contentType, body);
        judge(answer, label, names, true, tally);
        unchanged(op, label, tally);
    }

    private void pathAttempt(Operation op, String path, byte[] body, String label, Tally tally) {
        HttpResponse<String> answer = send(op.caller(), op.method(), path, op.contentType(), body);
        judge(answer, label, null, false, tally);
        unchanged(op, label + " → " + answer.statusCode(), tally);
    }

    /** Re-reads what the operation could have changed; a change is a partial write (and the new baseline). */
    private void unchanged(Operation op, String label, Tally tally) {
        List<String> now = reread(op);
        if (!now.equals(state)) {
            tally.partialWrites.add(label);
            state = now;
        }
    }

    /** The answer to one hostile try: never 5xx; a refusal is a problem document naming the field. */
    private static void judge(HttpResponse<String> answer, String label, List<String> names, boolean mustRefuse,
            Tally tally) {
        tally.tries++;
        int status = answer.statusCode();
        String shown = label + " → " + status + " " + answer.body().substring(0, Math.min(240, answer.body().length()));
        if (status >= 500) {
            tally.serverErrors.add(shown);
            return;
        }
        if (status < 400) {
            if (mustRefuse) {
                tally.accepted.add(shown);
            }
            return;
        }
        String type = answer.headers().firstValue("Content-Type").orElse("");
        JsonObject problem;
        try {
            problem = Json.createReader(new StringReader(answer.body())).readObject();
        } catch (RuntimeException notJson) {
            tally.notProblems.add(shown);
            return;
        }
        if (!type.startsWith("application/problem+json") || problem.getInt("status", 0) != status
                || problem.getString("title", "").isBlank() || problem.getString("detail", "").isBlank()) {
            tally.notProblems.add(shown);
            return;
        }
        tally.refused++;
        if (names != null && status != 429 && !namesAny(problem, names)) {
            tally.unnamed.add(shown);
        }
    }

    private static boolean namesAny(JsonObject problem, List<String> names) {
        if (!problem.containsKey("errors")) {
            return false;
        }
        return problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field", "")).anyMatch(field -> names.stream().anyMatch(name ->
                        field.equals(name) || field.startsWith(name + "[") || field.startsWith(name + ".")));
    }

    private List<String> reread(Operation op) {
        String reader = op.caller() == null || op.caller().equals("riverside.supervisor") ? "riverside.staff"
                : op.caller();
        if (op.key().contains("/people")) {
            reader = "riverside.admin";
        }
        List<String> state = new ArrayList<>();
        for (String path : op.rereads()) {
            HttpResponse<String> now = send(reader, "GET", path, null, null);
            state.add(now.statusCode() + " " + now.body());
        }
        return state;
    }

    // --- multipart filings and raw bodies -------------------------------------------------------------------

    /** Files that only claim to be photos or PDFs, and odd names; a valid photo with an odd name is stored safe. */
    private void multipartFilings(Tally tally) {
        String filings = R + "/complaints?size=1&sort=-registeredAt";
        String filing = "{\"kind\":\"REPAIR\",\"description\":\"With files\",\"contactPhone\":\"+6591234567\","
                + "\"channel\":\"PHONE\"}";
        Map<String, byte[]> forged = new LinkedHashMap<>();
        forged.put("PNG magic then garbage", concat(pngMagic(), "garbage".repeat(50)));
        forged.put("JPEG magic then HTML", concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
                "<html><script>alert(document.cookie)</script></html>"));
        forged.put("PDF magic then HTML", HostileInput.utf8("%PDF-1.7\n<html><script>alert(1)</script></html>"));
        forged.put("WebP header then garbage", HostileInput.utf8("RIFF\0\0\0\0WEBPVP8 garbage garbage"));
        forged.put("a program called photo.jpg", HostileInput.utf8("MZ\u0090\0\u0003 this program cannot be run"));
        forged.put("SVG with script", HostileInput.utf8("<svg xmlns='http://www.w3.org/2000/svg'><script>"
                + "alert(1)</script></svg>"));
        forged.put("HTML", HostileInput.utf8("<!DOCTYPE html><script>alert(1)</script>"));
        forged.put("empty", new byte[0]);
        forged.put("11 MB", new byte[11 * HostileInput.MB]);
        for (Map.Entry<String, byte[]> file : forged.entrySet()) {
            String before = send("riverside.staff", "GET", filings, null, null).body();
            HttpResponse<String> answer = sendMultipart(filing, "photo.jpg", file.getValue());
            judge(answer, "multipart filing: " + file.getKey(), List.of("files"), true, tally);
            if (!before.equals(send("riverside.staff", "GET", filings, null, null).body())) {
                tally.partialWrites.add("multipart filing: " + file.getKey());
            }
        }
        String before = send("riverside.staff", "GET", filings, null, null).body();
        judge(sendMultipart(filing.replace("REPAIR", "NOT_A_KIND"), "photo.png", realPng()),
                "multipart filing with a bad field and a good photo", List.of("kind"), true, tally);
        judge(sendMultipart("{\"kind\":\"REPAIR\"", "photo.png", realPng()), "multipart filing, JSON cut short",
                null, true, tally);
        if (!before.equals(send("riverside.staff", "GET", filings, null, null).body())) {
            tally.partialWrites.add("multipart filing with a bad complaint part");
        }
    }

    /**
     * The intake form, as staff registering a call use it (not rate-limited): each field gets text that is too long
     * or cannot be shown, the kind an unknown value. The page must answer with the form again, a message at the
     * field, and no case.
     */
    private void intakePage(Tally tally) {
        PortalClient desk = PortalClient.loggedIn(base, TENANT, "riverside.staff", PASSWORD).language("en");
        String filings = R + "/complaints?size=1&sort=-registeredAt";
        Map<String, byte[]> values = new LinkedHashMap<>();
        values.put("1 MB", HostileInput.utf8("x".repeat(HostileInput.MB)));
        values.put("NUL", HostileInput.utf8("a\u0000b"));
        values.put("escape sequence", HostileInput.utf8("\u001B[31mred"));
        values.put("invalid UTF-8", new byte[] {'a', (byte) 0xFF, (byte) 0xFE, 'b'});
        values.put("UTF-8 of a surrogate", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
        for (String field : List.of("description", "location", "contactName", "contactPhone", "contactEmail",
                "desiredOutcome")) {
            for (Map.Entry<String, byte[]> value : values.entrySet()) {
                String before = send("riverside.staff", "GET", filings, null, null).body();
                String label = "intake page " + field + ": " + value.getKey();
                HttpResponse<String> page = postIntake(desk, Map.of("intake:" + field, value.getValue()));
                judgePage(page, label, "intake:" + field, tally);
                if (!before.equals(send("riverside.staff", "GET", filings, null, null).body())) {
                    tally.partialWrites.add(label);
                }
            }
        }
        HttpResponse<String> page = postIntake(desk, Map.of("intake:kind_input", HostileInput.utf8("NOT_A_VALUE")));
        judgePage(page, "intake page kind: unknown choice", "intake:kind", tally);
    }

    /** A valid filing on the intake form with {@code changed} fields in place of the valid ones. */
    private static HttpResponse<String> postIntake(PortalClient client, Map<String, byte[]> changed) {
        HttpResponse<String> form = client.get("/t/" + TENANT + "/complaints/new");
        assertEquals(200, form.statusCode());
        Map<String, byte[]> fields = new LinkedHashMap<>();
        fields.put("intake", HostileInput.utf8("intake"));
        fields.put("intake:kind_input", HostileInput.utf8("REPAIR"));
        fields.put("intake:description", HostileInput.utf8("Leaking pipe"));
        fields.put("intake:contactPhone", HostileInput.utf8("+6591234567"));
        fields.putAll(changed);
        fields.put("intake:submit", new byte[0]);
        fields.put("jakarta.faces.ViewState", HostileInput.utf8(PortalClient.viewState(form.body())));
        fields.put("primefaces.nonce", HostileInput.utf8(client.pageNonce()));
        String boundary = "kefu-intake-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> {
            body.writeBytes(HostileInput.utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                    + "\"\r\n\r\n"));
            body.writeBytes(value);
            body.writeBytes(HostileInput.utf8("\r\n"));
        });
        body.writeBytes(HostileInput.utf8("--" + boundary + "--\r\n"));
        return client.postBytes("/t/" + TENANT + "/complaints/new", "multipart/form-data; boundary=" + boundary,
                body.toByteArray());
    }

    /** A page's answer to a hostile try: the form again with an error message in the field's row, nothing filed. */
    private static void judgePage(HttpResponse<String> page, String label, String fieldId, Tally tally) {
        tally.tries++;
        String html = page.body();
        if (page.statusCode() >= 500) {
            tally.serverErrors.add(label + " → " + page.statusCode());
            return;
        }
        if (html.contains("id=\"case-number\"")) {
            tally.accepted.add(label);
            return;
        }
        int field = html.indexOf("id=\"" + fieldId + "\"");
        int message = field < 0 ? -1 : html.indexOf("ui-message-error", field);
        int nextRow = field < 0 ? -1 : html.indexOf("class=\"field", field);
        if (page.statusCode() != 200 || message < 0 || (nextRow >= 0 && message > nextRow)) {
            tally.unnamed.add(label + " → " + page.statusCode());
            return;
        }
        tally.refused++;
    }

    /** Raw bodies: logos that are not pictures, resident lists that are not lists. */
    private void rawBodies(Tally tally) {
        String logo = R + "/settings/workspace/logo";
        Map<String, byte[]> notPictures = new LinkedHashMap<>();
        notPictures.put("PNG magic then garbage", concat(pngMagic(), "garbage".repeat(50)));
        notPictures.put("JPEG magic then HTML", concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
                "<html><script>alert(1)</script></html>"));
        notPictures.put("SVG", HostileInput.utf8("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)"
                + "</script></svg>"));
        notPictures.put("empty", new byte[0]);
        notPictures.put("1 MB", new byte[HostileInput.MB]);
        for (Map.Entry<String, byte[]> body : notPictures.entrySet()) {
            String before = send("riverside.admin", "GET", R + "/settings/workspace", null, null).body();
            judge(send("riverside.admin", "PUT", logo, "image/png", body.getValue()), "logo: " + body.getKey(),
                    List.of("logo"), true, tally);
            if (!before.equals(send("riverside.admin", "GET", R + "/settings/workspace", null, null).body())) {
                tally.partialWrites.add("logo: " + body.getKey());
            }
        }
        String residents = R + "/residents?size=1";
        Map<String, byte[]> notLists = new LinkedHashMap<>();
        notLists.put("a picture", realPng());
        notLists.put("HTML", HostileInput.utf8("<html><script>alert(1)</script></html>"));
        notLists.put("no header row", HostileInput.utf8("1,2,3\n4,5,6\n"));
        notLists.put("invalid UTF-8", new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0xFD, 0, 1, 2});
        notLists.put("empty", new byte[0]);
        for (Map.Entry<String, byte[]> body : notLists.entrySet()) {
            String before = send("riverside.admin", "GET", residents, null, null).body();
            judge(send("riverside.admin", "POST", R + "/residents/import?name=x.csv", "text/csv", body.getValue()),
                    "resident import: " + body.getKey(), List.of("file"), true, tally);
            if (!before.equals(send("riverside.admin", "GET", residents, null, null).body())) {
                tally.partialWrites.add("resident import: " + body.getKey());
            }
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private Set<String> writeOperations() {
        JsonObject document = Json.createReader(new StringReader(send(null, "GET", "/openapi", null, null,
                "application/json").body())).readObject();
        Set<String> operations = new TreeSet<>();
        document.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().keySet().forEach(method -> {
            if (Set.of("post", "put", "patch", "delete").contains(method)) {
                operations.add(method.toUpperCase() + " " + path);
            }
        }));
        return operations;
    }

    private PortalClient client(String username) {
        return PortalClient.basic(base, username, password(username)).language("en");
    }

    private static String password(String username) {
        return "platform.it".equals(username) ? System.getProperty("kefu.it.admin.password") : PASSWORD;
    }

    /** A case the demo customer filed online, signed in: its number. */
    private String fileAsResident(String description) {
        HttpResponse<String> filed = PortalClient.basic(base, "riverside.customer", PASSWORD).postJson(
                R + "/complaints",
                "{\"kind\":\"REPAIR\",\"description\":\"" + description + "\",\"contactPhone\":\"+6591234567\"}");
        assertEquals(201, filed.statusCode(), filed.body());
        return PortalClient.json(filed).getString("number");
    }

    /** A case filed by staff: its number and tracking token. */
    private static String[] file(PortalClient staff, String description) {
        HttpResponse<String> filed = staff.postJson(R + "/complaints", "{\"kind\":\"REPAIR\",\"description\":\""
                + description + "\",\"contactPhone\":\"+6591234567\",\"channel\":\"PHONE\"}");
        assertEquals(201, filed.statusCode(), filed.body());
        JsonObject json = PortalClient.json(filed);
        return new String[] {json.getString("number"), json.getString("trackingToken")};
    }

    private static JsonObject act(PortalClient staff, String number, String action, String more) {
        long version = version(staff, R + "/complaints/" + number);
        HttpResponse<String> done = staff.postJson(R + "/complaints/" + number + "/actions/" + action,
                "{\"version\":" + version + more + "}");
        assertEquals(200, done.statusCode(), action + ": " + done.body());
        return PortalClient.json(done);
    }

    private static long version(PortalClient client, String path) {
        return PortalClient.json(client.get(path)).getJsonNumber("version").longValue();
    }

    private static long versionIn(PortalClient client, String path, String id) {
        return PortalClient.jsonArray(client.get(path)).getValuesAs(JsonObject.class).stream()
                .filter(p -> p.get("id").toString().equals(id)).findFirst().orElseThrow()
                .getJsonNumber("version").longValue();
    }

    private static String category(PortalClient client) {
        return PortalClient.json(client.get(R + "/intake")).getJsonArray("categories").getJsonObject(0)
                .getString("code");
    }

    private HttpResponse<String> sendMultipart(String complaint, String fileName, byte[] file) {
        String boundary = "kefu-corpus-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(HostileInput.utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\"complaint\""
                + "\r\nContent-Type: application/json\r\n\r\n" + complaint + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n"));
        body.writeBytes(file);
        body.writeBytes(HostileInput.utf8("\r\n--" + boundary + "--\r\n"));
        return send("riverside.staff", "POST", R + "/complaints", "multipart/form-data; boundary=" + boundary,
                body.toByteArray());
    }

    HttpResponse<String> send(String username, String method, String path, String contentType, byte[] body) {
        return send(username, method, path, contentType, body, null);
    }

    private HttpResponse<String> send(String username, String method, String path, String contentType, byte[] body,
            String accept) {
        if (http == null) {
            http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10)).build();
        }
        // Not URI.resolve: it would take "/api/../x" apart before the server sees it.
        String root = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1)
                : base.toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path))
                .timeout(Duration.ofSeconds(120)).header("Accept-Language", "en")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null && body != null) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (username != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (username + ":" + password(username)).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] realPng() {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0x336699);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] pngMagic() {
        return new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    }

    private static byte[] concat(byte[] first, String rest) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first);
        out.writeBytes(HostileInput.utf8(rest));
        return out.toByteArray();
    }
}
