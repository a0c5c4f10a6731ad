package io.kefu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The public side as a resident's browser and a script see it: filing through the form, the honeypot, the rate
 * limit per address (friendly on the page, 429 with {@code Retry-After} on the API), and a signed-in
 * resident's "my cases", which never shows anybody else's.
 */
@SharedPortal.Client
class PublicIntakeIT {

    static final String PASSWORD = "kefu-demo-2026";
    static final String HUIJING_API = "/api/v1/tenants/huijing-property";
    static final Pattern NUMBER = Pattern.compile("id=\"case-number\">(\\d{6}-\\d{4})<");

    @SharedPortal.Base
    URL base;

    /** The form's own name for this filling-in (IntakePage.submitToken). */
    private static final Pattern SUBMIT_TOKEN = Pattern.compile("name=\"intake:submitToken\"[^>]*value=\"([^\"]+)\"");

    private static Map<String, String> form(String viewState, String description, String honeypot) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("intake", "intake");
        form.put("intake:kind_input", "REPAIR");
        form.put("intake:categoryCode_input", "repairs");
        form.put("intake:description", description);
        form.put("intake:location", "7栋302");
        form.put("intake:contactName", "孙女士");
        form.put("intake:contactPhone", "13700137000");
        form.put("intake:contactEmail", "");
        form.put("intake:desiredOutcome", "");
        form.put("intake:website", honeypot);
        form.put("intake:submit", "");
        form.put("jakarta.faces.ViewState", viewState);
        return form;
    }

    @Test
    void aResidentFilesThroughTheFormAndABotFillingTheHoneypotDoesNot() {
        PortalClient.awaitReady(base);
        PortalClient resident = PortalClient.anonymous(base);
        HttpResponse<String> page = resident.get("/t/huijing-property/complaints/new");
        assertEquals(200, page.statusCode());
        HttpResponse<String> filed = resident.postForm("/t/huijing-property/complaints/new",
                form(PortalClient.viewState(page.body()), "水龙头一直滴水", ""));
        Matcher number = NUMBER.matcher(filed.body());
        assertTrue(number.find(), "the page shows the new case number: " + filed.body());
        assertTrue(filed.body().contains("/t/huijing-property/track/"), "and the private tracking link");
        JsonObject stored = PortalClient.json(PortalClient.basic(base, "huijing.staff", PASSWORD)
                .get("/api/v1/tenants/huijing-property/complaints/" + number.group(1)));
        assertEquals("水龙头一直滴水", stored.getString("description"), "a plain form post is read as UTF-8");

        PortalClient bot = PortalClient.anonymous(base);
        HttpResponse<String> again = bot.get("/t/huijing-property/complaints/new");
        HttpResponse<String> refused = bot.postForm("/t/huijing-property/complaints/new",
                form(PortalClient.viewState(again.body()), "spam spam", "http://spam.example"));
        assertFalse(NUMBER.matcher(refused.body()).find(), "nothing filed for a filled honeypot");
        HttpResponse<String> apiBot = PortalClient.anonymous(base).postJson(
                "/api/v1/tenants/huijing-property/complaints",
                "{\"kind\":\"COMPLAINT\",\"description\":\"spam\",\"contactPhone\":\"13800138000\",\"website\":\"x\"}");
        assertEquals(422, apiBot.statusCode());
    }

    @Test
    void theSameAttemptSentAgainFilesOneCase() {
        PortalClient.awaitReady(base);
        String api = "/api/v1/tenants/huijing-property/complaints";
        String marker = "重试-" + Long.toString(System.nanoTime(), 36);
        String filing = "{\"kind\":\"REPAIR\",\"description\":\"" + marker
                + " 门禁坏了\",\"contactPhone\":\"13800138000\"}";
        PortalClient staff = PortalClient.basic(base, "huijing.staff", PASSWORD);
        PortalClient client = PortalClient.anonymous(base);
        String key = java.util.UUID.randomUUID().toString();

        HttpResponse<String> first = client.postJson(api, filing, "Idempotency-Key", key);
        assertEquals(201, first.statusCode(), first.body());
        assertTrue(first.headers().firstValue("Idempotent-Replayed").isEmpty());
        HttpResponse<String> retry = client.postJson(api, filing, "Idempotency-Key", key);
        assertEquals(201, retry.statusCode(), retry.body());
        assertEquals("true", retry.headers().firstValue("Idempotent-Replayed").orElse(""), "marked as a replay");
        assertEquals(PortalClient.json(first).getString("number"), PortalClient.json(retry).getString("number"));
        assertEquals(PortalClient.json(first).getString("trackingToken"),
                PortalClient.json(retry).getString("trackingToken"), "the retry gets the first answer back");
        assertEquals(1, PortalClient.json(staff.get(api + "?q=" + marker)).getInt("total"), "one case, not two");

        HttpResponse<String> otherContent = client.language("en").postJson(api, filing.replace("门禁", "电梯"),
                "Idempotency-Key", key);
        assertEquals(422, otherContent.statusCode(), "the same key for another request is refused");
        assertTrue(otherContent.body().contains("Idempotency-Key"), otherContent.body());
        HttpResponse<String> shortKey = client.postJson(api, filing, "Idempotency-Key", "1");
        assertEquals(422, shortKey.statusCode(), "a guessable key is refused");
        HttpResponse<String> otherFiler = staff.postJson(api, filing, "Idempotency-Key", key);
        assertEquals(422, otherFiler.statusCode(), "another filer cannot replay somebody's key");
        assertFalse(otherFiler.body().contains(PortalClient.json(first).getString("trackingToken")));
        HttpResponse<String> otherTenant = PortalClient.basic(base, "riverside.staff", PASSWORD).postJson(
                "/api/v1/tenants/riverside-mall/complaints", filing.replace("}", ",\"channel\":\"PHONE\"}"),
                "Idempotency-Key", key);
        assertEquals(201, otherTenant.statusCode(), "keys belong to their tenant: " + otherTenant.body());
        assertTrue(otherTenant.headers().firstValue("Idempotent-Replayed").isEmpty());
        assertFalse(otherTenant.body().contains(PortalClient.json(first).getString("number")));

        // The page: the same form sent twice (a double click, a resend after a timeout) shows one case twice.
        PortalClient resident = PortalClient.anonymous(base);
        HttpResponse<String> page = resident.get("/t/huijing-property/complaints/new");
        Matcher token = SUBMIT_TOKEN.matcher(page.body());
        assertTrue(token.find(), "the form names this filling-in");
        Map<String, String> form = form(PortalClient.viewState(page.body()), marker + " 页面", "");
        form.put("intake:submitToken", token.group(1));
        Matcher once = NUMBER.matcher(resident.postForm("/t/huijing-property/complaints/new", form).body());
        assertTrue(once.find());
        Matcher twice = NUMBER.matcher(resident.postForm("/t/huijing-property/complaints/new", form).body());
        assertTrue(twice.find(), "the second send shows the case too");
        assertEquals(once.group(1), twice.group(1));
        assertEquals(2, PortalClient.json(staff.get(api + "?q=" + marker)).getInt("total"),
                "one case from the API, one from the page");
    }

    @Test
    void tooManyFilingsFromOneAddressAreRefusedUntilTheWindowEnds() {
        PortalClient.awaitReady(base);
        String slug = "rate-" + Long.toString(System.nanoTime(), 36).substring(0, 6);
        PortalClient operator = PortalClient.basic(base, "platform.it", System.getProperty("kefu.it.admin.password"));
        assertEquals(201, operator.postJson("/api/v1/platform/tenants", "{\"slug\":\"" + slug
                + "\",\"nameZh\":\"限流物业\",\"nameEn\":\"Rate Property\",\"kind\":\"PROPERTY\","
                + "\"timeZone\":\"Asia/Shanghai\",\"defaultLocale\":\"zh-CN\"}").statusCode());
        String api = "/api/v1/tenants/" + slug + "/complaints";
        PortalClient script = PortalClient.anonymous(base);
        int limit = Integer.parseInt(System.getProperty("kefu.it.filings.per.address", "40"));
        for (int i = 0; i < limit; i++) {
            HttpResponse<String> ok = script.postJson(api, "{\"kind\":\"COMPLAINT\",\"description\":\"第" + i
                    + "件\",\"contactPhone\":\"13800138000\"}");
            assertEquals(201, ok.statusCode(), "filing " + i + ": " + ok.body());
        }
        HttpResponse<String> limited = script.language("en").postJson(api, "{\"kind\":\"COMPLAINT\","
                + "\"description\":\"one too many\",\"contactPhone\":\"13800138000\"}");
        assertEquals(429, limited.statusCode());
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter > 0 && retryAfter <= 3600, "Retry-After " + retryAfter);
        assertTrue(PortalClient.json(limited).getString("detail").contains("try again"));

        HttpResponse<String> page = script.get("/t/" + slug + "/complaints/new");
        HttpResponse<String> onPage = script.postForm("/t/" + slug + "/complaints/new",
                form(PortalClient.viewState(page.body()), "页面提交", ""));
        assertTrue(onPage.body().contains("分钟后再试"), "a friendly message on the page");
        assertEquals(201, PortalClient.basic(base, "huijing.staff", PASSWORD).postJson(
                "/api/v1/tenants/huijing-property/complaints", "{\"kind\":\"COMPLAINT\",\"description\":\"staff\","
                        + "\"contactPhone\":\"13800138000\",\"channel\":\"PHONE\"}").statusCode(),
                "staff registering cases are not limited");
    }

    @Test
    void aSignedInResidentSeesTheirOwnCasesOnly() {
        PortalClient.awaitReady(base);
        PortalClient resident = PortalClient.basic(base, "huijing.resident", PASSWORD);
        HttpResponse<String> filed = resident.postJson("/api/v1/tenants/huijing-property/complaints",
                "{\"kind\":\"SUGGESTION\",\"description\":\"建议增加充电桩\",\"contactPhone\":\"13800138000\"}");
        assertEquals(201, filed.statusCode(), filed.body());
        String number = PortalClient.json(filed).getString("number");
        String theirs = PortalClient.json(PortalClient.anonymous(base).postJson(
                "/api/v1/tenants/huijing-property/complaints",
                "{\"kind\":\"SUGGESTION\",\"description\":\"someone else\",\"contactPhone\":\"13800138000\"}"))
                .getString("number");

        JsonObject mine = PortalClient.json(resident.get("/api/v1/tenants/huijing-property/my/complaints"));
        assertTrue(mine.getJsonArray("items").stream().anyMatch(c -> c.asJsonObject().getString("number")
                .equals(number)));
        assertTrue(mine.getJsonArray("items").stream().noneMatch(c -> c.asJsonObject().getString("number")
                .equals(theirs)), "another resident's case is not mine");
        assertEquals(403, resident.get("/api/v1/tenants/huijing-property/complaints").statusCode(),
                "residents do not read the inbox");
        assertEquals(403, resident.get("/api/v1/tenants/riverside-mall/my/complaints").statusCode());
        PortalClient browser = PortalClient.loggedIn(base, "huijing-property", "huijing.resident", PASSWORD);
        String page = browser.get("/t/huijing-property/my/cases").body();
        assertTrue(page.contains(number), "my cases page lists it");
        assertFalse(page.contains("someone else"), "and nobody else's");
    }

    /**
     * Tracking tokens are kept as hashes only, so the residents' own cases open by number for them alone:
     * "my cases" links there (page and API), the page and the API's reading and actions work for the resident
     * who filed the case, and another resident's number shows nothing.
     */
    @Test
    void aSignedInResidentOpensTheirOwnCasesByNumberWithoutTheToken() {
        PortalClient.awaitReady(base);
        PortalClient resident = PortalClient.basic(base, "huijing.resident", PASSWORD);
        String number = PortalClient.json(resident.postJson(HUIJING_API + "/complaints", "{\"kind\":\"REPAIR\","
                + "\"description\":\"车库灯不亮\",\"contactPhone\":\"13800138000\"}")).getString("number");
        String theirs = PortalClient.json(PortalClient.anonymous(base).postJson(HUIJING_API + "/complaints",
                "{\"kind\":\"REPAIR\",\"description\":\"别人的诉求\",\"contactPhone\":\"13800138000\"}"))
                .getString("number");

        JsonObject mine = PortalClient.json(resident.get(HUIJING_API + "/my/complaints"));
        assertTrue(mine.getJsonArray("items").getValuesAs(JsonObject.class).stream().anyMatch(c -> number.equals(
                c.getString("number")) && c.getString("trackingUrl").equals("/t/huijing-property/my/cases/" + number)),
                mine.toString());
        JsonObject read = PortalClient.json(resident.get(HUIJING_API + "/my/complaints/" + number));
        assertEquals(number, read.getString("number"));
        assertEquals(404, resident.get(HUIJING_API + "/my/complaints/" + theirs).statusCode(), "not theirs");
        HttpResponse<String> added = resident.postJson(HUIJING_API + "/my/complaints/" + number + "/messages",
                "{\"text\":\"是B2层的灯\"}");
        assertEquals(200, added.statusCode(), added.body());
        assertTrue(added.body().contains("是B2层的灯"), added.body());
        assertEquals(404, resident.postJson(HUIJING_API + "/my/complaints/" + theirs + "/messages",
                "{\"text\":\"x\"}").statusCode());
        assertEquals(401, PortalClient.anonymous(base).get(HUIJING_API + "/my/complaints/" + number).statusCode());

        PortalClient browser = PortalClient.loggedIn(base, "huijing-property", "huijing.resident", PASSWORD);
        assertTrue(browser.get("/t/huijing-property/my/cases").body().contains("my/cases/" + number));
        String own = browser.get("/t/huijing-property/my/cases/" + number).body();
        assertTrue(own.contains("车库灯不亮") && own.contains("是B2层的灯"), "the resident's own case page");
        String other = browser.get("/t/huijing-property/my/cases/" + theirs).body();
        assertFalse(other.contains("别人的诉求"), "another's case does not open by number");
        assertTrue(other.contains("not-found"));
    }

    /** A copy of the database hands out no resident's case page: it holds the hash, never the token. */
    @Test
    void theDatabaseHoldsNoUsableTrackingToken() throws Exception {
        PortalClient.awaitReady(base);
        String address = "hash-" + System.nanoTime() + "@example.com";
        JsonObject filed = PortalClient.json(PortalClient.anonymous(base).postJson(HUIJING_API + "/complaints",
                "{\"kind\":\"REPAIR\",\"description\":\"哈希测试\",\"contactPhone\":\"13800138000\","
                        + "\"contactEmail\":\"" + address + "\"}"));
        String token = filed.getString("trackingToken");
        String number = filed.getString("number");

        List<String> holding = new ArrayList<>();
        int columns = 0;
        try (Connection db = PostgresServer.kefuDatabase(); Statement sql = db.createStatement()) {
            // The confirmation mail keeps the link apart only until it is out: wait for it to go.
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!sent(sql, address)) {
                assertTrue(System.nanoTime() < deadline, "the confirmation mail was not sent");
                LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
            }
            List<String[]> textColumns = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("SELECT table_name, column_name FROM information_schema.columns "
                    + "WHERE table_schema = 'public' AND data_type IN ('character varying', 'text', 'character')")) {
                while (rows.next()) {
                    textColumns.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
            for (String[] column : textColumns) {
                columns++;
                try (ResultSet found = sql.executeQuery("SELECT COUNT(*) FROM \"" + column[0] + "\" WHERE \""
                        + column[1] + "\" LIKE '%" + token + "%'")) {
                    found.next();
                    if (found.getLong(1) > 0) {
                        holding.add(column[0] + "." + column[1]);
                    }
                }
            }
            try (ResultSet hashed = sql.executeQuery("SELECT c.case_number FROM tracking_key k JOIN complaint c "
                    + "ON c.id = k.complaint_id WHERE k.token_hash = '" + sha256(token) + "'")) {
                assertTrue(hashed.next(), "the token's hash is what is kept");
                assertEquals(number, hashed.getString(1));
            }
        }
        assertTrue(columns > 100, "every text column was searched: " + columns);
        assertEquals(List.of(), holding, "columns holding the tracking token in clear");
        assertEquals(number, PortalClient.json(PortalClient.anonymous(base).get(HUIJING_API + "/tracking/" + token))
                .getString("number"), "the token still opens the case");
        assertEquals(404, PortalClient.anonymous(base).get(HUIJING_API + "/tracking/" + sha256(token)).statusCode(),
                "the stored hash opens nothing");
    }

    private static boolean sent(Statement sql, String recipient) throws Exception {
        try (ResultSet mail = sql.executeQuery("SELECT COUNT(*) FROM outbound_mail WHERE recipient = '" + recipient
                + "' AND sent_at IS NOT NULL")) {
            mail.next();
            return mail.getLong(1) > 0;
        }
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.US_ASCII)));
    }
}
