package io.kefu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The public side as a resident's browser and a script see it: filing through the form, the honeypot, the rate
 * limit per address (friendly on the page, 429 with {@code Retry-After} on the API), and a signed-in
 * resident's "my cases", which never shows anybody else's.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PublicIntakeIT {

    static final String PASSWORD = "kefu-demo-2026";
    static final Pattern NUMBER = Pattern.compile("id=\"case-number\">(\\d{6}-\\d{4})<");

    @Deployment
    static WebArchive deployment() {
        return Deployments.portal();
    }

    @ArquillianResource
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
        HttpResponse<String> apiBot = PortalClient.anonymous(base).postJson("/api/v1/tenants/huijing-property/complaints",
                "{\"kind\":\"COMPLAINT\",\"description\":\"spam\",\"contactPhone\":\"13800138000\",\"website\":\"x\"}");
        assertEquals(422, apiBot.statusCode());
    }

    @Test
    void theSameAttemptSentAgainFilesOneCase() {
        PortalClient.awaitReady(base);
        String api = "/api/v1/tenants/huijing-property/complaints";
        String marker = "重试-" + Long.toString(System.nanoTime(), 36);
        String filing = "{\"kind\":\"REPAIR\",\"description\":\"" + marker + " 门禁坏了\",\"contactPhone\":\"13800138000\"}";
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
        assertEquals(201, operator.postJson("/api/v1/platform/tenants", "{\"slug\":\"" + slug + "\",\"nameZh\":\"限流物业\","
                + "\"nameEn\":\"Rate Property\",\"kind\":\"PROPERTY\",\"timeZone\":\"Asia/Shanghai\","
                + "\"defaultLocale\":\"zh-CN\"}").statusCode());
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
        String theirs = PortalClient.json(PortalClient.anonymous(base).postJson("/api/v1/tenants/huijing-property/complaints",
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
}
