package io.kefu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Callbacks (回访) through the REST API and the pages: no case closes without a callback outcome; a "not
 * satisfied" callback reopens it to its owner; the tenant's maximum of unanswered attempts closes it as
 * unreachable with every attempt in its history; the resident's online confirmation counts where the tenant says
 * so; the policy's roles are enforced; overdue callbacks are reported up once; courtesy plans fill the queue once
 * per round; the figures equal what the test counts itself; and another tenant reaches none of it.
 */
@ExtendWith(ArquillianExtension.class)
class CallbackIT {

    static final String PASSWORD = "kefu-demo-2026";
    static final String HUIJING = "/api/v1/tenants/huijing-property";
    static final String RIVERSIDE = "/api/v1/tenants/riverside-mall";

    @Deployment
    static WebArchive deployment() {
        return Deployments.portal(CallbackProbe.class, OverdueProbe.class, OverdueProbe.Reasons.class,
                PortalClient.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    CallbackProbe probe;

    @Inject
    OverdueProbe notices;

    private PortalClient client(String username) {
        PortalClient.awaitReady(base);
        return PortalClient.basic(base, username, PASSWORD);
    }

    /** A case resolved by the test: its number, tracking token and open callback. */
    record Resolved(String number, String token, String callbackId, JsonObject json) {
    }

    /** Files, accepts and resolves a case as huijing.staff (CALLBACK_PENDING). */
    private Resolved resolved(PortalClient desk, String kind, String description) {
        HttpResponse<String> filed = desk.postJson(HUIJING + "/complaints", "{\"kind\":\"" + kind + "\","
                + "\"description\":\"" + description + "\",\"location\":\"5栋301\",\"contactName\":\"陈先生\","
                + "\"contactPhone\":\"13900139000\",\"channel\":\"PHONE\"}");
        assertEquals(201, filed.statusCode(), filed.body());
        String number = PortalClient.json(filed).getString("number");
        String token = PortalClient.json(filed).getString("trackingToken");
        JsonObject c = act(desk, number, "accept", "{\"version\":" + version(desk, number) + "}", 200);
        c = act(desk, number, "resolve", "{\"version\":" + c.getInt("version") + ",\"resolution\":\"已上门处理\"}",
                200);
        assertEquals("CALLBACK_PENDING", c.getString("status"));
        assertEquals("OPEN", c.getString("callbackStatus"));
        return new Resolved(number, token, c.getString("callbackId"), c);
    }

    private JsonObject act(PortalClient client, String number, String action, String body, int expected) {
        HttpResponse<String> done = client.postJson(HUIJING + "/complaints/" + number + "/actions/" + action, body);
        assertEquals(expected, done.statusCode(), action + ": " + done.body());
        return PortalClient.json(done);
    }

    private int version(PortalClient client, String number) {
        return PortalClient.json(client.get(HUIJING + "/complaints/" + number)).getInt("version");
    }

    private JsonObject callback(PortalClient client, String id) {
        HttpResponse<String> got = client.get(HUIJING + "/callbacks/" + id);
        assertEquals(200, got.statusCode(), got.body());
        return PortalClient.json(got);
    }

    private HttpResponse<String> attempt(PortalClient client, String id, String body) {
        return client.postJson(HUIJING + "/callbacks/" + id + "/attempts", "{\"version\":"
                + callback(client, id).getInt("version") + "," + body + "}");
    }

    private JsonObject caseOf(PortalClient client, String number) {
        return PortalClient.json(client.get(HUIJING + "/complaints/" + number));
    }

    private static List<String> actions(JsonObject c) {
        return c.getJsonArray("history").getValuesAs(JsonObject.class).stream().map(e -> e.getString("action"))
                .toList();
    }

    @Test
    void noCaseClosesWithoutACallbackOutcomeAndASatisfiedCallbackClosesIt() {
        PortalClient desk = client("huijing.staff");
        PortalClient boss = client("huijing.supervisor");
        Resolved r = resolved(desk, "REPAIR", "厨房水龙头漏水");
        String number = r.number();
        assertFalse(r.json().getJsonArray("allowedActions").toString().contains("close"), "closing is not an action");
        for (PortalClient who : List.of(desk, boss)) {
            HttpResponse<String> refused = who.language("en").postJson(HUIJING + "/complaints/" + number
                    + "/actions/close", "{\"version\":" + version(who, number) + "}");
            assertEquals(409, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("callback"), refused.body());
        }
        assertEquals("CALLBACK_PENDING", caseOf(desk, number).getString("status"));

        // The case page offers no way to close and leads to the callback instead.
        PortalClient page = PortalClient.loggedIn(base, "huijing-property", "huijing.supervisor", PASSWORD);
        String html = page.get("/t/huijing-property/staff/cases/" + number).body();
        assertFalse(html.contains("action-CLOSE"), "no close button");
        String id = r.callbackId();
        assertTrue(html.contains("/staff/callbacks/" + id), "the case links to its callback");

        // Reached but no satisfaction: refused with the field, nothing recorded, the case still waits.
        HttpResponse<String> bad = attempt(desk, id, "\"method\":\"PHONE\",\"reached\":true,\"score\":7");
        assertEquals(422, bad.statusCode(), bad.body());
        String fields = PortalClient.json(bad).getJsonArray("errors").toString();
        assertTrue(fields.contains("\"satisfaction\"") && fields.contains("\"score\""), fields);
        assertEquals(0, callback(desk, id).getInt("attemptCount"));
        HttpResponse<String> unknown = attempt(desk, id, "\"method\":\"PIGEON\",\"reached\":false");
        assertEquals(422, unknown.statusCode(), unknown.body());

        HttpResponse<String> done = attempt(desk, id, "\"method\":\"PHONE\",\"reached\":true,"
                + "\"satisfaction\":\"SATISFIED\",\"score\":5,\"comment\":\"修好了，谢谢\"");
        assertEquals(201, done.statusCode(), done.body());
        JsonObject task = PortalClient.json(done);
        assertEquals("DONE", task.getString("status"));
        assertEquals("SATISFIED", task.getString("outcome"));
        assertEquals("huijing.staff", task.getString("assignee"));
        JsonObject closed = caseOf(desk, number);
        assertEquals("CLOSED", closed.getString("status"));
        assertEquals("SATISFIED", closed.getString("callbackOutcome"));
        List<String> history = actions(closed);
        assertEquals(List.of("CALLBACK", "CLOSE"), history.subList(history.size() - 2, history.size()));
        HttpResponse<String> again = attempt(desk, id, "\"method\":\"PHONE\",\"reached\":false");
        assertEquals(409, again.statusCode(), "a finished callback takes no more attempts");
    }

    @Test
    void aNotSatisfiedCallbackReopensTheCaseToItsOwnerWithTheComment() {
        PortalClient desk = client("huijing.staff");
        Resolved r = resolved(desk, "COMPLAINT", "保安态度差");
        String number = r.number();
        String id = r.callbackId();
        PortalClient boss = client("huijing.supervisor");
        HttpResponse<String> noWhy = attempt(boss, id, "\"method\":\"PHONE\",\"reached\":true,"
                + "\"satisfaction\":\"NOT_SATISFIED\"");
        assertEquals(422, noWhy.statusCode(), "the owner needs the reason: " + noWhy.body());
        HttpResponse<String> done = attempt(boss, id, "\"method\":\"VISIT\",\"reached\":true,"
                + "\"satisfaction\":\"NOT_SATISFIED\",\"score\":1,\"comment\":\"没有人向我道歉\"");
        assertEquals(201, done.statusCode(), done.body());
        JsonObject reopened = caseOf(desk, number);
        assertEquals("IN_PROGRESS", reopened.getString("status"));
        assertEquals("huijing.staff", reopened.getString("owner"), "back with its owner");
        JsonObject last = reopened.getJsonArray("history").getJsonObject(reopened.getJsonArray("history").size() - 1);
        assertEquals("REOPEN", last.getString("action"));
        assertEquals("没有人向我道歉", last.getString("text"));
        assertEquals(1, notices.notices("huijing-property", "huijing.staff", number, "CALLBACK_NOT_SATISFIED"));

        // Resolved again: a new callback, the old one stays on record as not satisfied.
        JsonObject c = act(desk, number, "resolve", "{\"version\":" + reopened.getInt("version")
                + ",\"resolution\":\"已当面道歉并加强培训\"}", 200);
        String second = c.getString("callbackId");
        assertNotEquals(id, second);
        assertEquals("NOT_SATISFIED", callback(desk, id).getString("outcome"));
        assertEquals("OPEN", callback(desk, second).getString("status"));
    }

    @Test
    void theCallbackQuestionnaireIsAnsweredDuringTheCallAndCountsInTheSurveyResults() {
        PortalClient desk = client("huijing.staff");
        JsonObject settings = PortalClient.json(desk.get(HUIJING + "/surveys/settings"));
        String code = settings.getString("callbackTemplate");
        JsonObject form = PortalClient.jsonArray(desk.get(HUIJING + "/surveys/templates/" + code + "/versions"))
                .getValuesAs(JsonObject.class).stream().filter(t -> t.getBoolean("published"))
                .max(java.util.Comparator.comparingInt(t -> t.getInt("versionNo"))).orElseThrow();
        List<JsonObject> questions = form.getJsonArray("questions").getValuesAs(JsonObject.class);
        String results = HUIJING + "/surveys/templates/" + code + "/versions/" + form.getInt("versionNo") + "/results";
        PortalClient boss = client("huijing.supervisor");
        HttpResponse<String> read = boss.get(results);
        assertEquals(200, read.statusCode(), read.body());
        long before = PortalClient.json(read).getJsonNumber("responses").longValue();

        Resolved r = resolved(desk, "COMPLAINT", "回访问卷测试");
        // Only the first question answered, though more are required: refused per question, nothing recorded.
        JsonObject first = questions.get(0);
        HttpResponse<String> partial = attempt(desk, r.callbackId(), "\"method\":\"PHONE\",\"reached\":true,"
                + "\"satisfaction\":\"SATISFIED\",\"answers\":[" + answer(first) + "]");
        assertEquals(422, partial.statusCode(), partial.body());
        JsonObject missing = questions.stream().skip(1).filter(q -> q.getBoolean("required")).findFirst().orElseThrow();
        assertTrue(partial.body().contains("\"q" + missing.getInt("position") + "\""), partial.body());
        assertEquals(0, callback(desk, r.callbackId()).getInt("attemptCount"), "nothing half-saved");
        assertEquals("CALLBACK_PENDING", caseOf(desk, r.number()).getString("status"));
        HttpResponse<String> unreached = attempt(desk, r.callbackId(), "\"method\":\"PHONE\",\"reached\":false,"
                + "\"answers\":[" + answer(first) + "]");
        assertEquals(422, unreached.statusCode(), "nobody answered the questionnaire: " + unreached.body());

        String all = questions.stream().filter(q -> q.getBoolean("required")).map(CallbackIT::answer)
                .collect(java.util.stream.Collectors.joining(","));
        HttpResponse<String> done = attempt(desk, r.callbackId(), "\"method\":\"PHONE\",\"reached\":true,"
                + "\"satisfaction\":\"SATISFIED\",\"score\":4,\"answers\":[" + all + "]");
        assertEquals(201, done.statusCode(), done.body());
        JsonObject attempt = PortalClient.json(done).getJsonArray("attempts").getJsonObject(0);
        assertFalse(attempt.isNull("surveyResponseId"), "the questionnaire is linked to the attempt");
        assertEquals("CLOSED", caseOf(desk, r.number()).getString("status"));
        assertEquals(before + 1, PortalClient.json(boss.get(results)).getJsonNumber("responses").longValue(),
                "the callback's answers count in the questionnaire's results");
    }

    /** A valid answer to a question: the top of a scale, the first option, or a sentence. */
    private static String answer(JsonObject question) {
        int position = question.getInt("position");
        return switch (question.getString("kind")) {
            case "RATING" -> "{\"position\":" + position + ",\"score\":5}";
            case "NPS" -> "{\"position\":" + position + ",\"score\":9}";
            case "SINGLE", "MULTIPLE" -> "{\"position\":" + position + ",\"choices\":[0]}";
            default -> "{\"position\":" + position + ",\"text\":\"很好\"}";
        };
    }

    @Test
    void threeUnansweredAttemptsCloseTheCaseAsUnreachableWithEveryAttemptInItsHistory() {
        PortalClient desk = client("huijing.staff");
        Resolved r = resolved(desk, "REPAIR", "门禁卡失灵");
        String number = r.number();
        String id = r.callbackId();
        HttpResponse<String> first = attempt(desk, id, "\"method\":\"PHONE\",\"reached\":false,"
                + "\"comment\":\"无人接听 1\"");
        assertEquals(201, first.statusCode(), first.body());
        HttpResponse<String> soon = attempt(desk, id, "\"method\":\"PHONE\",\"reached\":false");
        assertEquals(409, soon.statusCode(), "tries an hour apart by default: " + soon.body());
        assertEquals(1, callback(desk, id).getInt("attemptCount"));
        retryMinutes(0);
        try {
            HttpResponse<String> tried = attempt(desk, id, "\"method\":\"PHONE\",\"reached\":false,"
                    + "\"comment\":\"无人接听 2\"");
            assertEquals(201, tried.statusCode(), tried.body());
            assertEquals("OPEN", PortalClient.json(tried).getString("status"));
            assertEquals("CALLBACK_PENDING", caseOf(desk, number).getString("status"));
            HttpResponse<String> last = attempt(desk, id, "\"method\":\"SMS\",\"reached\":false");
            assertLastUnreachable(desk, number, last);
        } finally {
            retryMinutes(60);
        }
    }

    /** Sets the tenant's minutes between unanswered tries (the rest of the policy unchanged). */
    private void retryMinutes(int minutes) {
        PortalClient admin = client("huijing.admin");
        JsonObject policy = PortalClient.json(admin.get(HUIJING + "/settings/callback-policy"));
        HttpResponse<String> changed = admin.putJson(HUIJING + "/settings/callback-policy", "{\"dueHours\":"
                + policy.getInt("dueHours") + ",\"maxAttempts\":" + policy.getInt("maxAttempts") + ",\"retryMinutes\":"
                + minutes + ",\"callerRoles\":" + policy.getJsonArray("callerRoles") + ",\"onlineConfirmationCounts\":"
                + policy.getBoolean("onlineConfirmationCounts") + ",\"validTargetPermille\":"
                + policy.getInt("validTargetPermille") + ",\"version\":" + policy.getInt("version") + "}");
        assertEquals(200, changed.statusCode(), changed.body());
    }

    private void assertLastUnreachable(PortalClient desk, String number, HttpResponse<String> last) {
        assertEquals(201, last.statusCode(), last.body());
        JsonObject task = PortalClient.json(last);
        assertEquals("UNREACHABLE", task.getString("outcome"));
        assertEquals(3, task.getJsonArray("attempts").size());
        JsonObject closed = caseOf(desk, number);
        assertEquals("CLOSED", closed.getString("status"));
        assertEquals("UNREACHABLE", closed.getString("callbackOutcome"));
        List<JsonObject> attempts = closed.getJsonArray("history").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("action").equals("CALLBACK")).toList();
        assertEquals(3, attempts.size(), "every attempt is in the case's history");
        assertTrue(attempts.get(0).getString("text").contains("无人接听 1"));
        assertTrue(attempts.get(2).getString("text").contains("SMS"));
    }

    /** Sets the tenant's two independence rules through the API (the rest of the policy unchanged). */
    private JsonObject rules(boolean resolverMayCallBack, boolean reopenPendingSupervisorOnly) {
        PortalClient admin = client("huijing.admin");
        JsonObject policy = PortalClient.json(admin.get(HUIJING + "/settings/callback-policy"));
        HttpResponse<String> changed = admin.putJson(HUIJING + "/settings/callback-policy", "{\"dueHours\":"
                + policy.getInt("dueHours") + ",\"maxAttempts\":" + policy.getInt("maxAttempts") + ",\"retryMinutes\":"
                + policy.getInt("retryMinutes") + ",\"callerRoles\":" + policy.getJsonArray("callerRoles")
                + ",\"onlineConfirmationCounts\":" + policy.getBoolean("onlineConfirmationCounts")
                + ",\"validTargetPermille\":" + policy.getInt("validTargetPermille") + ",\"resolverMayCallBack\":"
                + resolverMayCallBack + ",\"reopenPendingSupervisorOnly\":" + reopenPendingSupervisorOnly
                + ",\"version\":" + policy.getInt("version") + "}");
        assertEquals(200, changed.statusCode(), changed.body());
        return PortalClient.json(changed);
    }

    @Test
    void staffNeverRecordAnAttemptAsOnlineWhichIsTheResidentsOwnConfirmation() {
        PortalClient desk = client("huijing.staff").language("en");
        Resolved r = resolved(desk, "REPAIR", "门禁卡失灵");
        HttpResponse<String> online = attempt(desk, r.callbackId(), "\"method\":\"ONLINE\",\"reached\":true,"
                + "\"satisfaction\":\"SATISFIED\",\"score\":5");
        assertEquals(422, online.statusCode(), online.body());
        assertTrue(PortalClient.json(online).getJsonArray("errors").toString().contains("\"method\""), online.body());
        assertTrue(online.body().contains("the customer's own confirmation"), online.body());
        assertEquals(0, callback(desk, r.callbackId()).getInt("attemptCount"), "nothing recorded");
        assertEquals("CALLBACK_PENDING", caseOf(desk, r.number()).getString("status"));
        // The resident's own confirmation still is ONLINE, recorded by the system.
        HttpResponse<String> confirmed = PortalClient.anonymous(base).postJson(HUIJING + "/tracking/" + r.token()
                + "/confirmation", "{\"satisfied\":true}");
        assertEquals(200, confirmed.statusCode(), confirmed.body());
        JsonObject done = callback(desk, r.callbackId());
        assertEquals("CONFIRMED_ONLINE", done.getString("outcome"));
        assertEquals("ONLINE", done.getJsonArray("attempts").getJsonObject(0).getString("method"));
    }

    @Test
    void whereThePolicySaysSoTheResolverDoesNotCallBackAndOnlySupervisorsReopenBeforeTheCallback() {
        PortalClient desk = client("huijing.staff").language("en");
        JsonObject defaults = PortalClient.json(desk.get(HUIJING + "/settings/callback-policy"));
        assertTrue(defaults.getBoolean("resolverMayCallBack"), "a tenant that decided nothing keeps the old way");
        assertFalse(defaults.getBoolean("reopenPendingSupervisorOnly"));
        JsonObject set = rules(false, true);
        try {
            assertFalse(set.getBoolean("resolverMayCallBack"));
            assertTrue(set.getBoolean("reopenPendingSupervisorOnly"));

            // The resolver may neither record the callback nor take it; somebody else calls.
            Resolved own = resolved(desk, "REPAIR", "地下车库漏水");
            HttpResponse<String> refused = attempt(desk, own.callbackId(), "\"method\":\"PHONE\",\"reached\":true,"
                    + "\"satisfaction\":\"SATISFIED\",\"score\":5");
            assertEquals(403, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("You resolved this case yourself"), refused.body());
            HttpResponse<String> take = desk.postJson(HUIJING + "/callbacks/" + own.callbackId() + "/assign",
                    "{\"version\":" + callback(desk, own.callbackId()).getInt("version")
                            + ",\"assignee\":\"huijing.staff\"}");
            assertEquals(403, take.statusCode(), take.body());
            assertEquals(0, callback(desk, own.callbackId()).getInt("attemptCount"));
            assertEquals("CALLBACK_PENDING", caseOf(desk, own.number()).getString("status"));
            PortalClient colleague = client("huijing.engineer");
            HttpResponse<String> called = attempt(colleague, own.callbackId(), "\"method\":\"PHONE\","
                    + "\"reached\":true,\"satisfaction\":\"SATISFIED\",\"score\":5");
            assertEquals(201, called.statusCode(), called.body());
            assertEquals("CLOSED", caseOf(desk, own.number()).getString("status"));

            // Reopening before the callback: refused to the owner (staff), nothing changed; a supervisor may.
            Resolved pending = resolved(desk, "COMPLAINT", "垃圾清运不及时");
            HttpResponse<String> reopen = desk.postJson(HUIJING + "/complaints/" + pending.number()
                    + "/actions/reopen", "{\"version\":" + version(desk, pending.number()) + ",\"reason\":\"还没好\"}");
            assertEquals(403, reopen.statusCode(), reopen.body());
            assertTrue(reopen.body().contains("only a supervisor may reopen it"), reopen.body());
            assertEquals("CALLBACK_PENDING", caseOf(desk, pending.number()).getString("status"));
            assertEquals("OPEN", callback(desk, pending.callbackId()).getString("status"));
            PortalClient boss = client("huijing.supervisor");
            act(boss, pending.number(), "reopen", "{\"version\":" + version(boss, pending.number())
                    + ",\"reason\":\"客户来电说仍未清运\"}", 200);
            assertEquals("IN_PROGRESS", caseOf(desk, pending.number()).getString("status"));
            assertEquals("CANCELLED", callback(desk, pending.callbackId()).getString("status"));

            // Another tenant's admin changes none of it.
            HttpResponse<String> intruder = client("riverside.admin").putJson(HUIJING + "/settings/callback-policy",
                    "{\"resolverMayCallBack\":true,\"version\":" + set.getInt("version") + "}");
            assertEquals(403, intruder.statusCode(), intruder.body());
            assertFalse(PortalClient.json(desk.get(HUIJING + "/settings/callback-policy"))
                    .getBoolean("resolverMayCallBack"));
        } finally {
            rules(true, false);
        }
    }

    /**
     * The same rules on the pages, in a real browser ({@link CallbackRulesBrowser}, kept apart so that the class
     * deployed into the server never names Selenium).
     */
    @Test
    @RunAsClient
    void thePagesSetTheRulesAndSayWhyTheResolverAndStaffAreRefused() throws Exception {
        PortalClient desk = client("huijing.staff");
        Resolved own = resolved(desk, "REPAIR", "单元门闭门器损坏");
        try {
            CallbackRulesBrowser.walkThrough(base, own.number(), own.callbackId());
            assertEquals("CALLBACK_PENDING", caseOf(desk, own.number()).getString("status"), "nothing reopened");
        } finally {
            rules(true, false);
        }
    }

    @Test
    void theResidentsOnlineConfirmationCountsOnlyWhereThePolicySaysSo() {
        PortalClient desk = client("huijing.staff");
        PortalClient admin = client("huijing.admin");
        JsonObject policy = PortalClient.json(admin.get(HUIJING + "/settings/callback-policy"));
        assertTrue(policy.getBoolean("onlineConfirmationCounts"));
        Resolved r = resolved(desk, "REPAIR", "楼道灯不亮");
        PortalClient resident = PortalClient.anonymous(base);
        HttpResponse<String> confirmed = resident.postJson(HUIJING + "/tracking/" + r.token() + "/confirmation",
                "{\"satisfied\":true,\"comment\":\"灯亮了\"}");
        assertEquals(200, confirmed.statusCode(), confirmed.body());
        JsonObject closed = caseOf(desk, r.number());
        assertEquals("CLOSED", closed.getString("status"));
        assertEquals("CONFIRMED_ONLINE", closed.getString("callbackOutcome"));
        HttpResponse<String> late = resident.postJson(HUIJING + "/tracking/" + r.token() + "/confirmation",
                "{\"satisfied\":false,\"comment\":\"又坏了\"}");
        assertEquals(409, late.statusCode(), "a closed case is reopened by the office, not through the link");
        assertEquals("CLOSED", caseOf(desk, r.number()).getString("status"));

        HttpResponse<String> changed = admin.putJson(HUIJING + "/settings/callback-policy", "{\"dueHours\":24,"
                + "\"maxAttempts\":2,\"retryMinutes\":0,\"callerRoles\":[\"SUPERVISOR\"],"
                + "\"onlineConfirmationCounts\":false,\"validTargetPermille\":10,\"version\":"
                + policy.getInt("version") + "}");
        assertEquals(200, changed.statusCode(), changed.body());
        try {
            Resolved other = resolved(desk, "REPAIR", "电梯按钮失灵");
            HttpResponse<String> again = resident.postJson(HUIJING + "/tracking/" + other.token()
                    + "/confirmation", "{\"satisfied\":true}");
            assertEquals(200, again.statusCode(), again.body());
            assertEquals("CALLBACK_PENDING", caseOf(desk, other.number()).getString("status"),
                    "the office still calls back");
            String id = other.callbackId();
            HttpResponse<String> staffRefused = attempt(desk, id, "\"method\":\"PHONE\",\"reached\":false");
            assertEquals(403, staffRefused.statusCode(), "only supervisors call back now: " + staffRefused.body());
            PortalClient boss = client("huijing.supervisor");
            assertEquals(201, attempt(boss, id, "\"method\":\"PHONE\",\"reached\":false").statusCode());
            HttpResponse<String> second = attempt(boss, id, "\"method\":\"PHONE\",\"reached\":false");
            assertEquals("UNREACHABLE", PortalClient.json(second).getString("outcome"), "two attempts now");

            HttpResponse<String> bad = admin.putJson(HUIJING + "/settings/callback-policy", "{\"dueHours\":0,"
                    + "\"maxAttempts\":99,\"callerRoles\":[\"RESIDENT\"],\"onlineConfirmationCounts\":true,"
                    + "\"validTargetPermille\":10,\"version\":" + PortalClient.json(changed).getInt("version") + "}");
            assertEquals(422, bad.statusCode(), bad.body());
            String fields = PortalClient.json(bad).getJsonArray("errors").toString();
            assertTrue(fields.contains("dueHours") && fields.contains("maxAttempts") && fields.contains("callerRoles"),
                    fields);
            assertEquals(24, PortalClient.json(admin.get(HUIJING + "/settings/callback-policy")).getInt("dueHours"),
                    "nothing half-saved");
            assertEquals(403, desk.putJson(HUIJING + "/settings/callback-policy", "{\"version\":0}").statusCode(),
                    "staff read the policy, admins change it");
        } finally {
            JsonObject now = PortalClient.json(admin.get(HUIJING + "/settings/callback-policy"));
            HttpResponse<String> restored = admin.putJson(HUIJING + "/settings/callback-policy", "{\"dueHours\":48,"
                    + "\"maxAttempts\":3,\"retryMinutes\":60,\"callerRoles\":[\"STAFF\",\"SUPERVISOR\"],"
                    + "\"onlineConfirmationCounts\":true,\"validTargetPermille\":10,\"version\":"
                    + now.getInt("version") + "}");
            assertEquals(200, restored.statusCode(), restored.body());
        }
    }

    @Test
    void overdueCallbacksAreReportedUpOnceAndCourtesyPlansFillTheQueueOncePerRound() {
        PortalClient desk = client("huijing.staff");
        Resolved r = resolved(desk, "REPAIR", "垃圾房异味");
        Instant due = OffsetDateTime.parse(callback(desk, r.callbackId()).getString("dueAt")).toInstant();
        Instant later = Instant.now().plus(20, ChronoUnit.DAYS);
        assertTrue(later.isAfter(due));
        probe.round(later);
        probe.round(later);
        assertEquals(1, notices.notices("huijing-property", "huijing.supervisor", r.number(), "CALLBACK_OVERDUE"),
                "the supervisors hear of it once");
        assertEquals(1, notices.notices("huijing-property", "huijing.supervisor", r.number(),
                "CALLBACK_OVERDUE_MANAGER"), "and the manager (the supervisor stands in) a working day later, once");
        JsonObject task = callback(desk, r.callbackId());
        assertEquals(2, task.getInt("escalationLevel"));
        assertFalse(task.getBoolean("overdue"), "not overdue by the real clock: the round ran as of 20 days on");
        long escalated = actions(caseOf(desk, r.number())).stream().filter("ESCALATE"::equals).count();
        assertEquals(2, escalated, "two history entries, no more");
        HttpResponse<String> overdueList = desk.get(HUIJING + "/callbacks?view=overdue&size=100");
        assertEquals(200, overdueList.statusCode(), overdueList.body());

        PortalClient admin = client("huijing.admin");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String name = "季度回访 " + System.nanoTime();
        HttpResponse<String> badPlan = admin.postJson(HUIJING + "/settings/courtesy-plans", "{\"name\":\"" + name
                + "\",\"everyMonths\":3,\"nextDue\":\"" + today + "\",\"targets\":\"张先生, 13800138000\\n李女士, 123\"}");
        assertEquals(422, badPlan.statusCode(), badPlan.body());
        assertTrue(badPlan.body().contains("2"), "the line at fault: " + badPlan.body());
        HttpResponse<String> plan = admin.postJson(HUIJING + "/settings/courtesy-plans", "{\"name\":\"" + name
                + "\",\"everyMonths\":3,\"nextDue\":\"" + today + "\",\"assignee\":\"huijing.staff\","
                + "\"targets\":\"张先生, 13800138000, 1栋101\\n李女士, +85291234567, 2栋202\"}");
        assertEquals(201, plan.statusCode(), plan.body());
        assertEquals(today.toString(), PortalClient.json(plan).getString("nextDue"));
        long before = courtesyCount(desk);
        probe.round(Instant.now());
        probe.round(Instant.now());
        assertEquals(before + 2, courtesyCount(desk), "one callback per person, once per round");
        JsonObject planNow = PortalClient.jsonArray(admin.get(HUIJING + "/settings/courtesy-plans"))
                .getValuesAs(JsonObject.class).stream().filter(p -> p.getString("name").equals(name)).findFirst()
                .orElseThrow();
        assertEquals(today.plusMonths(3).toString(), planNow.getString("nextDue"));
        JsonObject mine = PortalClient.json(desk.get(HUIJING + "/callbacks?mine=true&kind=COURTESY&size=100"));
        assertTrue(mine.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .anyMatch(t -> name.equals(t.getString("plan")) && "13800138000".equals(t.getString("contactPhone"))));
    }

    private long courtesyCount(PortalClient desk) {
        return PortalClient.json(desk.get(HUIJING + "/callbacks?view=all&kind=COURTESY&size=1")).getInt("total");
    }

    @Test
    void theFiguresEqualWhatTheTestCountsFromTheRecords() {
        PortalClient desk = client("huijing.staff");
        JsonObject before = figures(desk);
        Resolved happy = resolved(desk, "COMPLAINT", "噪音投诉 A");
        Resolved partly = resolved(desk, "REPAIR", "报修 B");
        Resolved waiting = resolved(desk, "COMPLAINT", "投诉 C");
        assertEquals(201, attempt(desk, happy.callbackId(), "\"method\":\"PHONE\",\"reached\":true,"
                + "\"satisfaction\":\"SATISFIED\",\"score\":5").statusCode());
        assertEquals(201, attempt(desk, partly.callbackId(), "\"method\":\"PHONE\",\"reached\":true,"
                + "\"satisfaction\":\"PARTLY_SATISFIED\",\"score\":2").statusCode());
        assertEquals(201, attempt(desk, waiting.callbackId(), "\"method\":\"PHONE\",\"reached\":false")
                .statusCode());
        JsonObject after = figures(desk);
        assertEquals(3, after.getInt("resolved") - before.getInt("resolved"));
        assertEquals(2, after.getInt("calledBack") - before.getInt("calledBack"));
        assertEquals(1, outcome(after, "SATISFIED") - outcome(before, "SATISFIED"));
        assertEquals(1, outcome(after, "PARTLY_SATISFIED") - outcome(before, "PARTLY_SATISFIED"));
        assertEquals(3, after.getInt("registered") - before.getInt("registered"));
        assertEquals(2, after.getInt("validComplaints") - before.getInt("validComplaints"),
                "two complaints, one repair");
        double rate = after.getJsonNumber("callbackRate").doubleValue();
        assertEquals((double) after.getInt("calledBack") / after.getInt("resolved"), rate, 1e-9);
        double valid = after.getJsonNumber("validComplaintRate").doubleValue();
        assertEquals((double) after.getInt("validComplaints") / after.getInt("customerBase"), valid, 1e-9,
                "measured against the customers served, not the cases registered");
        assertEquals(0.01, after.getJsonNumber("validComplaintTarget").doubleValue(), 1e-9);
        assertEquals(422, desk.get(HUIJING + "/callbacks/figures?from=2026-13-01").statusCode());
        assertEquals(422, desk.get(HUIJING + "/callbacks/figures?from=2026-11-10&to=2026-11-01").statusCode());
    }

    private JsonObject figures(PortalClient client) {
        HttpResponse<String> got = client.get(HUIJING + "/callbacks/figures");
        assertEquals(200, got.statusCode(), got.body());
        return PortalClient.json(got);
    }

    private static int outcome(JsonObject figures, String outcome) {
        return figures.getJsonObject("outcomes").getInt(outcome);
    }

    /**
     * Database ids appear nowhere: a callback's address and API name are its random public key, and ids fail.
     * From the client, which reads the stored id from the test run's database.
     */
    @Test
    @RunAsClient
    void callbacksAreAddressedByAPublicKeyAndTheirDatabaseIdOpensNothing() throws Exception {
        PortalClient desk = client("huijing.staff");
        Resolved r = resolved(desk, "REPAIR", "公开键测试");
        String key = r.callbackId();
        assertTrue(key.matches("[A-Za-z0-9_-]{22}"), key);
        long id;
        try (Connection db = PostgresServer.kefuDatabase();
                PreparedStatement sql = db.prepareStatement("SELECT id FROM callback_task WHERE public_key = ?")) {
            sql.setString(1, key);
            try (ResultSet row = sql.executeQuery()) {
                assertTrue(row.next(), "the key names a stored callback");
                id = row.getLong(1);
            }
        }
        assertEquals(key, callback(desk, key).getString("id"));
        assertEquals(404, desk.get(HUIJING + "/callbacks/" + id).statusCode(), "not by its database id");
        assertEquals(404, desk.postJson(HUIJING + "/callbacks/" + id + "/attempts", "{\"version\":0,"
                + "\"method\":\"PHONE\",\"reached\":false}").statusCode());
        assertEquals(404, desk.postJson(HUIJING + "/callbacks/" + id + "/assign",
                "{\"version\":0,\"assignee\":\"huijing.staff\"}").statusCode());
        assertEquals(0, callback(desk, key).getInt("attemptCount"), "nothing recorded through the id");

        PortalClient page = PortalClient.loggedIn(base, "huijing-property", "huijing.supervisor", PASSWORD);
        assertEquals(404, page.get("/t/huijing-property/staff/callbacks/" + id).statusCode());
        HttpResponse<String> byKey = page.get("/t/huijing-property/staff/callbacks/" + key);
        assertEquals(200, byKey.statusCode());
        assertTrue(byKey.body().contains(r.number()), "the callback page by its key");
        String casePage = page.get("/t/huijing-property/staff/cases/" + r.number()).body();
        assertTrue(casePage.contains("/staff/callbacks/" + key), "the case links to its callback by key");
        String queue = page.get("/t/huijing-property/staff/callbacks").body();
        assertFalse(queue.contains("/staff/callbacks/" + id + "\"") || queue.contains("data-rk=\"" + id + "\""),
                "the queue shows no database ids");
    }

    @Test
    void anotherTenantReachesNoCallbackNoPolicyAndNoPlan() {
        PortalClient desk = client("huijing.staff");
        Resolved r = resolved(desk, "REPAIR", "租户隔离测试");
        String id = r.callbackId();
        PortalClient intruder = client("riverside.staff");
        PortalClient intruderAdmin = client("riverside.admin");
        assertEquals(403, intruder.get(HUIJING + "/callbacks/" + id).statusCode(), "not their tenant's path");
        assertEquals(403, intruder.get(HUIJING + "/callbacks").statusCode());
        assertEquals(403, intruder.get(HUIJING + "/callbacks/figures").statusCode());
        assertEquals(404, intruder.get(RIVERSIDE + "/callbacks/" + id).statusCode(), "by id under their own path");
        HttpResponse<String> sneaked = intruder.postJson(RIVERSIDE + "/callbacks/" + id + "/attempts",
                "{\"version\":0,\"method\":\"PHONE\",\"reached\":true,\"satisfaction\":\"SATISFIED\"}");
        assertEquals(404, sneaked.statusCode(), sneaked.body());
        assertEquals(404, intruder.postJson(RIVERSIDE + "/callbacks/" + id + "/assign",
                "{\"version\":0,\"assignee\":\"riverside.staff\"}").statusCode());
        assertEquals(403, intruder.postJson(HUIJING + "/callbacks/" + id + "/attempts",
                "{\"version\":0,\"method\":\"PHONE\",\"reached\":false}").statusCode());
        JsonObject listed = PortalClient.json(intruder.get(RIVERSIDE + "/callbacks?view=all&size=100"));
        assertFalse(listed.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .anyMatch(t -> t.getString("id").equals(id)), "not in their queue");
        assertEquals(0, callback(desk, id).getInt("attemptCount"), "nothing changed");
        assertEquals("CALLBACK_PENDING", caseOf(desk, r.number()).getString("status"));

        assertEquals(403, intruderAdmin.get(HUIJING + "/settings/callback-policy").statusCode());
        assertEquals(403, intruderAdmin.putJson(HUIJING + "/settings/callback-policy", "{\"dueHours\":1,"
                + "\"maxAttempts\":1,\"callerRoles\":[\"STAFF\"],\"onlineConfirmationCounts\":false,"
                + "\"validTargetPermille\":1,\"version\":0}").statusCode());
        assertEquals(403, intruderAdmin.get(HUIJING + "/settings/courtesy-plans").statusCode());
        PortalClient admin = client("huijing.admin");
        HttpResponse<String> plan = admin.postJson(HUIJING + "/settings/courtesy-plans", "{\"name\":\"隔离 "
                + System.nanoTime() + "\",\"everyMonths\":12,\"nextDue\":\"2030-01-01\","
                + "\"targets\":\"王经理, 13800138000\"}");
        assertEquals(201, plan.statusCode(), plan.body());
        long planId = PortalClient.json(plan).getJsonNumber("id").longValue();
        assertEquals(404, intruderAdmin.putJson(RIVERSIDE + "/settings/courtesy-plans/" + planId, "{\"name\":\"x\","
                + "\"everyMonths\":1,\"nextDue\":\"2030-01-01\",\"targets\":\"x, 13800138000\",\"version\":0}")
                .statusCode(), "another tenant's plan by id");
        assertTrue(PortalClient.jsonArray(intruderAdmin.get(RIVERSIDE + "/settings/courtesy-plans"))
                .getValuesAs(JsonObject.class).stream().noneMatch(p -> p.getJsonNumber("id").longValue() == planId));
        HttpResponse<String> handler = admin.postJson(HUIJING + "/settings/courtesy-plans", "{\"name\":\"外人 "
                + System.nanoTime() + "\",\"everyMonths\":12,\"nextDue\":\"2030-01-01\","
                + "\"assignee\":\"riverside.staff\",\"targets\":\"王经理, 13800138000\"}");
        assertEquals(422, handler.statusCode(), "another tenant's staff member is nobody here");

        // Pages: the other tenant's callback page under their own address shows nothing of it.
        PortalClient page = PortalClient.loggedIn(base, "riverside-mall", "riverside.staff", PASSWORD);
        String html = page.get("/t/riverside-mall/staff/callbacks/" + id).body();
        assertFalse(html.contains("租户隔离测试") || html.contains("13900139000"), "nothing of huijing's callback");
        assertTrue(html.contains("not-found"));
        HttpResponse<String> foreign = page.get("/t/huijing-property/staff/callbacks/" + id);
        assertEquals(403, foreign.statusCode());
        assertFalse(foreign.body().contains("13900139000"));
        HttpResponse<String> queue = page.get("/t/huijing-property/staff/callbacks");
        assertEquals(403, queue.statusCode());
        assertFalse(queue.body().contains("13900139000"));
        assertFalse(page.get("/t/riverside-mall/staff/callbacks").body().contains("13900139000"),
                "their own queue does not list it");
        PortalClient adminPage = PortalClient.loggedIn(base, "riverside-mall", "riverside.admin", PASSWORD);
        assertEquals(403, adminPage.get("/t/huijing-property/admin/callbacks").statusCode());
    }
}
