package io.kefu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The complaint workflow through the REST API, as residents and staff use it: filing and tracking, the staff
 * actions with their rules, bad input, concurrent filings, escalation of overdue cases, and every cross-tenant
 * attempt (by number, by tracking token, by department code) failing.
 */
@ExtendWith(ArquillianExtension.class)
class ComplaintFlowIT {

    static final String PASSWORD = "kefu-demo-2026";
    static final String HUIJING = "/api/v1/tenants/huijing-property";
    static final String RIVERSIDE = "/api/v1/tenants/riverside-mall";
    static final String FILING = "{\"kind\":\"COMPLAINT\",\"categoryCode\":\"noise\",\"description\":\"%s\","
            + "\"location\":\"3栋2单元1502\",\"contactName\":\"王女士\",\"contactPhone\":\"13800138000\"%s}";

    @Deployment
    static WebArchive deployment() {
        return Deployments.portal(OverdueProbe.class, OverdueProbe.Reasons.class, PortalClient.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    OverdueProbe probe;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    private PortalClient staff(String tenant) {
        PortalClient.awaitReady(base);
        return PortalClient.basic(base, tenant + ".staff", PASSWORD);
    }

    private JsonObject file(PortalClient client, String tenantPath, String description, String extra) {
        String json = String.format(FILING, description, extra);
        if (RIVERSIDE.equals(tenantPath)) {
            json = json.replace("\"categoryCode\":\"noise\",", "");
        }
        HttpResponse<String> filed = client.postJson(tenantPath + "/complaints", json);
        assertEquals(201, filed.statusCode(), filed.body());
        return PortalClient.json(filed);
    }

    private JsonObject act(PortalClient client, String number, String action, String body, int expected) {
        HttpResponse<String> done = client.postJson(HUIJING + "/complaints/" + number + "/actions/" + action, body);
        assertEquals(expected, done.statusCode(), action + ": " + done.body());
        return PortalClient.json(done);
    }

    @Test
    void aResidentFilesOnlineAndFollowsTheCaseThroughTheTrackingLink() {
        PortalClient.awaitReady(base);
        PortalClient resident = PortalClient.anonymous(base).language("en");
        HttpResponse<String> filed = resident.postJson(HUIJING + "/complaints", String.format(FILING,
                "楼上每晚十二点后装修噪音", ",\"desiredOutcome\":\"请物业尽快协调\""));
        assertEquals(201, filed.statusCode(), filed.body());
        JsonObject body = PortalClient.json(filed);
        String number = body.getString("number");
        assertTrue(number.matches("\\d{6}-\\d{4}"), number);
        assertTrue(filed.headers().firstValue("Location").orElseThrow().endsWith("/complaints/" + number));
        assertEquals("REGISTERED", body.getString("status"));
        assertTrue(body.getString("registeredAt").endsWith("+08:00"), "times in the tenant's zone");
        String token = body.getString("trackingToken");
        assertTrue(token.length() >= 43);

        JsonObject tracked = PortalClient.json(resident.get(HUIJING + "/tracking/" + token));
        assertEquals(number, tracked.getString("number"));
        assertEquals("REGISTERED", tracked.getString("status"));
        HttpResponse<String> added = resident.postJson(HUIJING + "/tracking/" + token + "/messages",
                "{\"text\":\"晚上十一点以后最明显\"}");
        assertEquals(200, added.statusCode(), added.body());
        JsonArray timeline = PortalClient.json(added).getJsonArray("timeline");
        assertEquals(2, timeline.size());

        // The tracking page shows the same case; its public timeline does not show internal notes.
        PortalClient desk = staff("huijing");
        act(desk, number, "accept", "{\"version\":" + version(desk, number) + "}", 200);
        act(desk, number, "note", "{\"version\":" + version(desk, number) + ",\"text\":\"内部：联系楼上业主\"}", 200);
        String page = resident.get("/t/huijing-property/track/" + token).body();
        assertTrue(page.contains(number));
        assertFalse(page.contains("联系楼上业主"), "internal notes never reach the resident");
    }

    @Test
    void staffWorkTheCaseByTheRulesAndAStaleVersionIsRefused() {
        PortalClient desk = staff("huijing");
        JsonObject filed = file(desk, HUIJING, "来电：地下车库照明坏了", ",\"channel\":\"PHONE\"");
        String number = filed.getString("number");
        JsonObject c = PortalClient.json(desk.get(HUIJING + "/complaints/" + number));
        assertEquals("PHONE", c.getString("channel"));
        assertEquals("huijing.staff", c.getString("registeredBy"));

        c = act(desk, number, "accept", "{\"version\":" + c.getInt("version") + "}", 200);
        assertEquals("huijing.staff", c.getString("owner"));
        int before = c.getJsonArray("history").size();

        HttpResponse<String> refused = desk.language("zh-CN").postJson(HUIJING + "/complaints/" + number
                + "/actions/reply", "{\"version\":" + c.getInt("version") + ",\"text\":\"这个我不知道，你自己看着办\"}");
        assertEquals(422, refused.statusCode());
        String message = PortalClient.json(refused).getJsonArray("errors").getJsonObject(0).getString("message");
        assertTrue(message.contains("不知道") && message.contains("你自己看着办"), message);
        assertTrue(message.contains("请您稍候"), "a polite alternative is suggested: " + message);
        c = PortalClient.json(desk.get(HUIJING + "/complaints/" + number));
        assertEquals(before, c.getJsonArray("history").size(), "nothing recorded for a refused reply");

        c = act(desk, number, "reply", "{\"version\":" + c.getInt("version")
                + ",\"text\":\"您好，我们已安排工程部今天下午检修，谢谢！\"}", 200);
        long stale = c.getInt("version");
        c = act(desk, number, "route", "{\"version\":" + stale + ",\"departmentCode\":\"engineering\",\"note\":\"照明\"}",
                200);
        assertEquals("IN_PROGRESS", c.getString("status"));
        HttpResponse<String> conflict = desk.postJson(HUIJING + "/complaints/" + number + "/actions/note",
                "{\"version\":" + stale + ",\"text\":\"old view\"}");
        assertEquals(409, conflict.statusCode(), "the second of two edits from the same version is refused");

        PortalClient other = PortalClient.basic(base, "huijing.engineer", PASSWORD);
        HttpResponse<String> notOwner = other.postJson(HUIJING + "/complaints/" + number + "/actions/resolve",
                "{\"version\":" + c.getInt("version") + ",\"resolution\":\"换了灯管\"}");
        assertEquals(403, notOwner.statusCode(), "only the owner or a supervisor resolves");

        HttpResponse<String> dispatched = other.postJson(HUIJING + "/complaints/" + number + "/dispatch-orders",
                "{\"worker\":\"赵师傅\",\"appointment\":\"2026-12-01T14:00:00+08:00\",\"parts\":\"LED 灯管 x4\"}");
        assertEquals(201, dispatched.statusCode(), "the department's handler dispatches: " + dispatched.body());
        HttpResponse<String> done = other.postJson(HUIJING + "/complaints/" + number + "/dispatch-orders/1/result",
                "{\"result\":\"已更换灯管，照明恢复\"}");
        assertEquals(200, done.statusCode(), done.body());

        c = PortalClient.json(desk.get(HUIJING + "/complaints/" + number));
        c = act(desk, number, "resolve", "{\"version\":" + c.getInt("version") + ",\"resolution\":\"已更换灯管\"}", 200);
        assertEquals("CALLBACK_PENDING", c.getString("status"), "resolved, waiting for its callback");
        assertFalse(c.getJsonArray("allowedActions").toString().contains("close"), "only a callback closes it");
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsStored() throws Exception {
        PortalClient desk = staff("huijing");
        long total = total(desk);
        PortalClient visitor = PortalClient.anonymous(base).language("en");

        HttpResponse<String> missing = visitor.postJson(HUIJING + "/complaints", "{\"kind\":\"NOPE\"}");
        assertEquals(422, missing.statusCode());
        String fields = PortalClient.json(missing).getJsonArray("errors").toString();
        assertTrue(fields.contains("\"kind\"") && fields.contains("\"description\"")
                && fields.contains("\"contactPhone\""), fields);

        String huge = "噪".repeat(5 * 1024 * 1024 / 3);
        HttpResponse<String> tooLong = visitor.postJson(HUIJING + "/complaints", String.format(FILING, huge, ""));
        assertTrue(tooLong.statusCode() == 422 || tooLong.statusCode() == 413, "5 MB of text: " + tooLong.statusCode());

        assertEquals(400, visitor.postJson(HUIJING + "/complaints", "{\"kind\": \"COMPLAINT\", ").statusCode());

        String boundary = "kefu-it-boundary";
        ByteArrayOutputStream multipart = new ByteArrayOutputStream();
        multipart.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"complaint\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + String.format(FILING, "有附件", "") + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"photo.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\nMZ this is really a program\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> renamed = visitor.postBytes(HUIJING + "/complaints",
                "multipart/form-data; boundary=" + boundary, multipart.toByteArray());
        assertEquals(422, renamed.statusCode(), renamed.body());
        assertTrue(renamed.body().contains("photo.jpg"), renamed.body());

        String xss = "<script>alert('x')</script>'; DROP TABLE complaint; --";
        JsonObject stored = file(desk, HUIJING, xss.replace("'", "\\u0027"), ",\"channel\":\"VISIT\"");
        String number = stored.getString("number");
        assertEquals(xss, PortalClient.json(desk.get(HUIJING + "/complaints/" + number)).getString("description"));
        String page = PortalClient.anonymous(base).get("/t/huijing-property/track/" + stored.getString("trackingToken"))
                .body();
        assertFalse(page.contains("<script>alert"), "stored text is escaped on the page");
        assertTrue(page.contains("&lt;script&gt;alert"));
        assertEquals(total + 1, total(desk), "only the valid filing was stored");

        // A real photo is accepted and can be read back by staff.
        byte[] png = java.util.Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
                + "+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        ByteArrayOutputStream good = new ByteArrayOutputStream();
        good.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"complaint\"\r\n\r\n"
                + String.format(FILING, "有照片", "") + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"leak.png\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        good.write(png);
        good.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> withPhoto = desk.postBytes(HUIJING + "/complaints", "multipart/form-data; boundary="
                + boundary, good.toByteArray());
        assertEquals(201, withPhoto.statusCode(), withPhoto.body());
        String photoCase = PortalClient.json(withPhoto).getString("number");
        JsonObject files = PortalClient.json(desk.get(HUIJING + "/complaints/" + photoCase));
        assertEquals("image/png", files.getJsonArray("attachments").getJsonObject(0).getString("mediaType"));
        HttpResponse<String> download = desk.get(HUIJING + "/complaints/" + photoCase + "/attachments/1");
        assertEquals(200, download.statusCode());
        assertEquals("image/png", download.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void theInboxFiltersSortsPagesAndCountsInTheDatabase() {
        PortalClient desk = staff("huijing");
        String marker = "inbox" + Long.toString(System.nanoTime(), 36);
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            numbers.add(file(desk, HUIJING, marker + " 100%_ 第" + i + "件", ",\"channel\":\"LETTER\"")
                    .getString("number"));
        }
        JsonObject c = PortalClient.json(desk.get(HUIJING + "/complaints/" + numbers.get(0)));
        act(desk, numbers.get(0), "accept", "{\"version\":" + c.getInt("version") + "}", 200);

        JsonObject found = PortalClient.json(desk.get(HUIJING + "/complaints?q=" + marker
                + "&sort=-registeredAt&size=2"));
        assertEquals(3, found.getJsonNumber("total").longValue(), found.toString());
        assertEquals(2, found.getJsonArray("items").size(), "one page of two");
        assertEquals(numbers.get(2), found.getJsonArray("items").getJsonObject(0).getString("number"), "newest first");
        JsonObject second = PortalClient.json(desk.get(HUIJING + "/complaints?q=" + marker
                + "&sort=-registeredAt&size=2&page=1"));
        assertEquals(numbers.get(0), second.getJsonArray("items").getJsonObject(0).getString("number"));

        JsonObject accepted = PortalClient.json(desk.get(HUIJING + "/complaints?q=" + marker + "&status=ACCEPTED"));
        assertEquals(1, accepted.getJsonNumber("total").longValue());
        assertEquals(1, accepted.getJsonObject("counts").getInt("ACCEPTED"));
        assertEquals(2, accepted.getJsonObject("counts").getInt("REGISTERED"), "counts per status for the same filter");
        JsonObject mine = PortalClient.json(desk.get(HUIJING + "/complaints?q=" + marker + "&owner=huijing.staff"));
        assertEquals(1, mine.getJsonNumber("total").longValue());
        assertEquals(0, PortalClient.json(desk.get(HUIJING + "/complaints?q=" + marker + "&overdue=true"))
                .getJsonNumber("total").longValue(), "nothing of today is overdue");
        assertEquals(3, PortalClient.json(desk.get(HUIJING + "/complaints?q=" + marker + "&from="
                + java.time.LocalDate.now().minusDays(1) + "&to=" + java.time.LocalDate.now().plusDays(1)))
                .getJsonNumber("total").longValue());
        assertEquals(0, PortalClient.json(desk.get(HUIJING + "/complaints?q=" + marker + "%201%250"))
                .getJsonNumber("total").longValue(), "% in a search is a percent sign, not a wildcard");
        assertEquals(3, PortalClient.json(desk.get(HUIJING + "/complaints?q=" + marker + "%20100%25_"
                + "&sort=nonsense;DROP&size=500")).getJsonNumber("total").longValue(), "an unknown sort falls back");
        assertEquals(0, PortalClient.json(desk.get(HUIJING + "/complaints?q=" + marker + "&kind=PRAISE"))
                .getJsonNumber("total").longValue());
        assertEquals(422, desk.get(HUIJING + "/complaints?status=OPENED").statusCode());
        assertEquals(422, desk.get(HUIJING + "/complaints?page=x").statusCode());
        assertEquals(422, desk.get(HUIJING + "/complaints?from=yesterday").statusCode());
    }

    @Test
    void markupAndSqlInEveryFieldAreStoredAsTextAndShownEscapedEverywhere() {
        PortalClient desk = staff("huijing");
        String evil = "<img src=x onerror=alert(1)>\\u0027\\\"; DROP TABLE complaint; --";
        String json = "{\"kind\":\"COMPLAINT\",\"description\":\"d" + evil + "\",\"location\":\"l" + evil
                + "\",\"contactName\":\"n" + evil + "\",\"contactPhone\":\"13800138000\",\"desiredOutcome\":\"o"
                + evil + "\",\"channel\":\"PHONE\"}";
        HttpResponse<String> filed = desk.postJson(HUIJING + "/complaints", json);
        assertEquals(201, filed.statusCode(), filed.body());
        String number = PortalClient.json(filed).getString("number");
        JsonObject stored = PortalClient.json(desk.get(HUIJING + "/complaints/" + number));
        String plain = "<img src=x onerror=alert(1)>'\"; DROP TABLE complaint; --";
        for (String field : List.of("description", "location", "contactName", "desiredOutcome")) {
            assertTrue(stored.getString(field).endsWith(plain), field + " stored as typed: " + stored.getString(field));
        }
        act(desk, number, "accept", "{\"version\":" + stored.getInt("version") + "}", 200);
        PortalClient browser = PortalClient.loggedIn(base, "huijing-property", "huijing.staff", PASSWORD);
        String casePage = browser.get("/t/huijing-property/staff/cases/" + number).body();
        assertTrue(casePage.contains(number), "the staff case page opens");
        assertFalse(casePage.contains("<img src=x"), "no markup from the input on the case page");
        assertTrue(casePage.contains("&lt;img src=x"));
        String tracking = PortalClient.anonymous(base).get("/t/huijing-property/track/"
                + PortalClient.json(filed).getString("trackingToken")).body();
        assertFalse(tracking.contains("<img src=x"), "nor on the tracking page");
        String inbox = browser.get("/t/huijing-property/staff/").body();
        assertFalse(inbox.contains("<img src=x"), "nor in the inbox");
    }

    @Test
    void anotherTenantsCasesAreOutOfReachByNumberTokenAndDepartment() {
        PortalClient huijing = staff("huijing");
        JsonObject filed = file(huijing, HUIJING, "只属于汇景的案件", "");
        String number = filed.getString("number");
        String token = filed.getString("trackingToken");
        PortalClient riverside = staff("riverside");

        assertEquals(403, riverside.get(HUIJING + "/complaints/" + number).statusCode(), "not a member there");
        assertEquals(403, riverside.get(HUIJING + "/complaints").statusCode());
        assertEquals(403, riverside.postJson(HUIJING + "/complaints/" + number + "/actions/accept", "{\"version\":1}")
                .statusCode());
        HttpResponse<String> byNumber = riverside.get(RIVERSIDE + "/complaints/" + number);
        assertTrue(byNumber.statusCode() == 404 || !byNumber.body().contains("只属于汇景"), byNumber.body());
        assertFalse(PortalClient.json(riverside.get(RIVERSIDE + "/complaints?q=只属于汇景")).toString()
                .contains(number), "the inbox never lists another tenant's case");
        assertEquals(404, PortalClient.anonymous(base).get(RIVERSIDE + "/tracking/" + token).statusCode(),
                "a tracking token works only under its own tenant");
        assertFalse(PortalClient.anonymous(base).get("/t/riverside-mall/track/" + token).body().contains("只属于汇景"),
                "nor does the tracking page");
        assertEquals(403, PortalClient.basic(base, "riverside.staff", PASSWORD)
                .get("/t/huijing-property/staff/cases/" + number).statusCode());
        assertEquals(403, riverside.get(HUIJING + "/complaints/" + number + "/attachments/1").statusCode());
        assertEquals(403, riverside.postJson(HUIJING + "/complaints/" + number + "/dispatch-orders",
                "{\"worker\":\"x\",\"appointment\":\"2030-01-01T10:00:00+08:00\"}").statusCode());
        assertEquals(403, riverside.get(HUIJING + "/notices").statusCode());
        HttpResponse<String> foreignMessage = PortalClient.anonymous(base).postJson(RIVERSIDE + "/tracking/" + token
                + "/messages", "{\"text\":\"injected\"}");
        assertEquals(404, foreignMessage.statusCode(), "a token does not work under another tenant for writing");
        assertFalse(PortalClient.json(huijing.get(HUIJING + "/complaints/" + number)).toString().contains("injected"));

        // Routing to a department only the other tenant has is an input error, and nothing changes.
        JsonObject c = PortalClient.json(huijing.get(HUIJING + "/complaints/" + number));
        c = act(huijing, number, "accept", "{\"version\":" + c.getInt("version") + "}", 200);
        HttpResponse<String> route = huijing.postJson(HUIJING + "/complaints/" + number + "/actions/route",
                "{\"version\":" + c.getInt("version") + ",\"departmentCode\":\"operations\"}");
        assertEquals(422, route.statusCode(), "riverside's 'operations' department does not exist at huijing");
        assertEquals("ACCEPTED", PortalClient.json(huijing.get(HUIJING + "/complaints/" + number)).getString("status"));
    }

    @Test
    void twoHundredConcurrentFilingsAcrossTwoTenantsGetUniqueGaplessNumbers() throws Exception {
        PortalClient huijing = staff("huijing");
        PortalClient riverside = staff("riverside");
        List<Future<String>> filings = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            boolean even = i % 2 == 0;
            filings.add(executor.submit(() -> file(even ? huijing : riverside, even ? HUIJING : RIVERSIDE,
                    "并发登记", ",\"channel\":\"PHONE\"").getString("number")));
        }
        List<String> numbers = new ArrayList<>();
        for (Future<String> filing : filings) {
            numbers.add(filing.get());
        }
        for (int parity = 0; parity < 2; parity++) {
            List<String> mine = new ArrayList<>();
            for (int i = parity; i < numbers.size(); i += 2) {
                mine.add(numbers.get(i));
            }
            Set<Integer> serials = mine.stream().map(n -> Integer.parseInt(n.substring(7)))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(100, serials.size(), "no duplicates: " + mine);
            int first = serials.iterator().next();
            int last = ((TreeSet<Integer>) serials).last();
            assertEquals(99, last - first, "no gaps among one tenant's concurrent filings: " + serials);
        }
    }

    @Test
    void theOverdueJobEscalatesEachCaseExactlyOnce() throws Exception {
        PortalClient desk = staff("huijing");
        String number = file(desk, HUIJING, "逾期测试", ",\"channel\":\"PHONE\"").getString("number");
        Instant later = Instant.now().plus(90, ChronoUnit.DAYS);

        List<Future<Integer>> rounds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rounds.add(executor.submit(() -> probe.round(later)));
        }
        for (Future<Integer> round : rounds) {
            round.get();
        }
        // A round takes at most 200 cases per tenant, oldest first; more rounds reach this one, and never twice.
        for (int i = 0; i < 30 && probe.escalations("huijing-property", number).size() < 2; i++) {
            probe.round(later);
        }
        probe.round(later);

        assertEquals(List.of("OVERDUE", "OVERDUE_MANAGER"), probe.escalations("huijing-property", number));
        assertEquals(1, probe.notices("huijing-property", "huijing.supervisor", number, "OVERDUE"));
        assertEquals(1, probe.notices("huijing-property", "huijing.supervisor", number, "OVERDUE_MANAGER"));
        JsonObject c = PortalClient.json(desk.get(HUIJING + "/complaints/" + number));
        assertEquals(2, c.getInt("escalationLevel"));
        assertEquals(2, c.getJsonArray("history").stream().filter(e -> e.asJsonObject().getString("action")
                .equals("ESCALATE")).count(), "each escalation recorded once in the history");
    }

    private long total(PortalClient desk) {
        return PortalClient.json(desk.get(HUIJING + "/complaints?size=1")).getJsonNumber("total").longValue();
    }

    private long version(PortalClient desk, String number) {
        return PortalClient.json(desk.get(HUIJING + "/complaints/" + number)).getJsonNumber("version").longValue();
    }
}
