package io.kefu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.workload.entity.Workload;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Promised reply times (告知答复时间) and the supervisor's desk, through the API: the owner reminded once before the
 * time and the supervisors told once after it, also when the watch runs twice or two rounds race; a kept promise
 * tells nobody; misses counted in the monthly table and the dashboard; each person's workload exact; nothing of it
 * visible to another tenant, and the workload refused to staff. Its own tenant, so every count is known; its cases
 * are registered now, in this month of its own tenant, which no other test counts.
 */
@ExtendWith(ArquillianExtension.class)
class PromiseIT {

    static final String SLUG = "promise-it";
    static final String API = "/api/v1/tenants/" + SLUG;
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Deployment
    static WebArchive deployment() {
        return Deployments.portal(PromiseProbe.class, PromiseProbe.Reads.class, PortalClient.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    PromiseProbe probe;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    private static boolean prepared;

    private PortalClient person(String role) {
        return PortalClient.basic(base, SLUG + "." + role, PromiseProbe.PASSWORD);
    }

    /**
     * The tenant, once: every day a working day from 00:00 to 23:59 (working time is real time, whatever the day the
     * test runs), an ordinary complaint resolved within 30 days, a repair within 5 minutes, a consultation within an
     * hour.
     */
    private synchronized void prepare() {
        PortalClient.awaitReady(base);
        if (prepared) {
            return;
        }
        probe.open(SLUG);
        PortalClient admin = person("admin");
        JsonObject office = ok(admin.get(API + "/settings/office"));
        ok(admin.putJson(API + "/settings/office", Json.createObjectBuilder(office)
                .add("workingPeriods", "00:00-23:59").add("restDays", Json.createArrayBuilder()).build().toString()));
        level(admin, "COMPLAINT", 60, 30 * 24 * 60);
        level(admin, "REPAIR", 1, 5);
        level(admin, "CONSULTATION", 1, 60);
        prepared = true;
    }

    private static void level(PortalClient admin, String kind, int first, int resolution) {
        HttpResponse<String> changed = admin.putJson(API + "/settings/service-levels/" + kind + "/ORDINARY",
                "{\"firstResponseMinutes\":" + first + ",\"resolutionMinutes\":" + resolution + "}");
        assertEquals(200, changed.statusCode(), changed.body());
    }

    private static JsonObject ok(HttpResponse<String> response) {
        assertTrue(response.statusCode() / 100 == 2, response.statusCode() + " " + response.body());
        return PortalClient.json(response);
    }

    /** A case registered by {@code staff} from a call and accepted by them: its number. */
    private String accepted(PortalClient staff, String kind, String description) {
        JsonObject filed = ok(staff.postJson(API + "/complaints", "{\"kind\":\"" + kind + "\",\"description\":\""
                + description + "\",\"contactPhone\":\"13800138000\",\"channel\":\"PHONE\"}"));
        String number = filed.getString("number");
        act(staff, number, "accept", "{}");
        return number;
    }

    private JsonObject act(PortalClient client, String number, String action, String body) {
        JsonObject current = ok(client.get(API + "/complaints/" + number));
        String withVersion = body.equals("{}") ? "{\"version\":" + current.getJsonNumber("version") + "}"
                : body.substring(0, body.length() - 1) + ",\"version\":" + current.getJsonNumber("version") + "}";
        return ok(client.postJson(API + "/complaints/" + number + "/actions/" + action, withVersion));
    }

    /** Promises a reply by {@code by}. */
    private void promise(PortalClient staff, String number, Instant by) {
        act(staff, number, "promise",
                "{\"replyBy\":\"" + by.atOffset(ZoneOffset.ofHours(8)) + "\",\"note\":\"查明后回复\"}");
    }

    private long notices(String role, String number, String kind) {
        return probe.notices(SLUG, SLUG + "." + role, number, kind);
    }

    @Test
    void theOwnerIsRemindedOnceBeforeAndTheSupervisorsToldOnceAfterAMissedPromise() {
        prepare();
        PortalClient staff = person("staff");
        String number = accepted(staff, "COMPLAINT", "楼道灯不亮，答复时间测试");
        Instant by = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        promise(staff, number, by);

        probe.round(by.minus(Duration.ofMinutes(31)));
        assertEquals(0, notices("staff", number, "PROMISE_DUE"), "30 minutes before by default: not yet");
        probe.round(by.minus(Duration.ofMinutes(29)));
        probe.round(by.minus(Duration.ofMinutes(28)));
        assertEquals(1, notices("staff", number, "PROMISE_DUE"), "reminded once although the watch ran twice");
        assertEquals(0, notices("supervisor", number, "PROMISE_MISSED"));

        probe.round(by.plusSeconds(30));
        probe.round(by.plusSeconds(90));
        assertEquals(1, notices("supervisor", number, "PROMISE_MISSED"), "told once although the watch ran twice");
        assertEquals(0, notices("staff", number, "PROMISE_MISSED"), "the supervisors are told, not the owner");
        assertEquals(1, notices("staff", number, "PROMISE_DUE"));
        JsonObject history = ok(person("supervisor").get(API + "/complaints/" + number));
        assertTrue(history.toString().contains("PROMISE_MISSED"), "the miss is in the case's history");
    }

    @Test
    void theScheduledWatchRemindsByItselfOnce() {
        prepare();
        PortalClient staff = person("staff");
        String number = accepted(staff, "COMPLAINT", "定时提醒测试");
        // Its reminder falls due 5 s from now; the watch runs by itself every round (kefu.jobs.round, 10 s in the
        // test run; a minute in production), on the node with the lease.
        Instant by = Instant.now().plus(Duration.ofMinutes(30)).plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
        promise(staff, number, by);
        long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        while (notices("staff", number, "PROMISE_DUE") == 0 && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
        }
        assertEquals(1, notices("staff", number, "PROMISE_DUE"), "the round reminded the owner");
        HttpResponse<String> mine = staff.get(API + "/notices");
        assertTrue(mine.body().contains("PROMISE_DUE") && mine.body().contains(number), mine.body());
    }

    @Test
    void twoRoundsRacingSendEachNoticeOnce() throws Exception {
        prepare();
        PortalClient staff = person("staff");
        List<String> numbers = List.of(accepted(staff, "COMPLAINT", "竞争提醒一"), accepted(staff, "COMPLAINT", "竞争提醒二"),
                accepted(staff, "COMPLAINT", "竞争提醒三"));
        Instant by = Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        numbers.forEach(n -> promise(staff, n, by));

        race(by.minus(Duration.ofMinutes(10)));
        race(by.plus(Duration.ofMinutes(1)));

        for (String number : numbers) {
            assertEquals(1, notices("staff", number, "PROMISE_DUE"), number);
            assertEquals(1, notices("supervisor", number, "PROMISE_MISSED"), number);
        }
    }

    /** Four rounds at once, as of {@code now}: what the lease would keep apart, raced on purpose. */
    private void race(Instant now) throws Exception {
        List<Callable<Integer>> rounds = List.of(() -> probe.round(now), () -> probe.round(now),
                () -> probe.round(now), () -> probe.round(now));
        for (Future<Integer> round : executor.invokeAll(rounds)) {
            round.get();
        }
    }

    @Test
    void aPromiseKeptByAReplyInTimeTellsNobodyAndTheReminderLeadIsTheTenants() {
        prepare();
        PortalClient admin = person("admin");
        JsonObject setting = ok(admin.get(API + "/settings/promise-reminder"));
        assertEquals(30, setting.getInt("minutes"), "the default");
        HttpResponse<String> bad = admin.putJson(API + "/settings/promise-reminder",
                "{\"minutes\":0,\"version\":" + setting.getJsonNumber("version") + "}");
        assertEquals(422, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("\"minutes\""), bad.body());
        assertEquals(403, person("staff").putJson(API + "/settings/promise-reminder",
                "{\"minutes\":45,\"version\":" + setting.getJsonNumber("version") + "}").statusCode());
        ok(admin.putJson(API + "/settings/promise-reminder",
                "{\"minutes\":45,\"version\":" + setting.getJsonNumber("version") + "}"));
        try {
            PortalClient staff = person("staff");
            String number = accepted(staff, "COMPLAINT", "答复时间守约测试");
            Instant by = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
            promise(staff, number, by);

            probe.round(by.minus(Duration.ofMinutes(44)));
            assertEquals(1, notices("staff", number, "PROMISE_DUE"), "45 minutes before, as the tenant set it");
            act(staff, number, "reply", "{\"text\":\"您好，已安排电工今晚维修。\"}");
            probe.round(by.plus(Duration.ofMinutes(1)));
            assertEquals(0, notices("supervisor", number, "PROMISE_MISSED"), "kept: the customer heard in time");
        } finally {
            JsonObject now = ok(admin.get(API + "/settings/promise-reminder"));
            ok(admin.putJson(API + "/settings/promise-reminder",
                    "{\"minutes\":30,\"version\":" + now.getJsonNumber("version") + "}"));
        }
    }

    @Test
    void missedPromisesAreCountedInTheMonthlyTableAndTheDashboard() {
        prepare();
        PortalClient supervisor = person("supervisor");
        PortalClient staff = person("staff");
        String month = YearMonth.now(ZONE).toString();
        long before = dashboardMissed(supervisor, month);

        String number = accepted(staff, "COMPLAINT", "报表计数测试");
        // Within this month in the tenant's zone, whatever the day the test runs.
        Instant by = Instant.now().plus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.SECONDS);
        promise(staff, number, by);
        probe.round(by.plusSeconds(1));
        assertEquals(1, notices("supervisor", number, "PROMISE_MISSED"));
        assertEquals(before + 1, dashboardMissed(supervisor, month));

        // A table exists for a month that is over: last month of this test's own tenant, which nobody else counts.
        YearMonth last = YearMonth.now(ZONE).minusMonths(1);
        String earlier = accepted(staff, "COMPLAINT", "上月报表计数测试");
        Instant lastBy = last.atDay(10).atTime(10, 0).atZone(ZONE).toInstant();
        probe.promiseMadeAt(SLUG, earlier, SLUG + ".staff", lastBy.minus(Duration.ofHours(3)), lastBy);
        probe.round(lastBy.plusSeconds(60));
        assertEquals(1, notices("supervisor", earlier, "PROMISE_MISSED"));
        assertEquals(1, monthlyMissed(supervisor, last.toString()),
                "last month's table counts the miss recorded in it");
        assertEquals(1, dashboardMissed(supervisor, last.toString()));
        assertEquals(before + 1, dashboardMissed(supervisor, month), "a miss counts in the month it was recorded in");

        JsonObject other = ok(PortalClient.basic(base, "riverside.supervisor", "kefu-demo-2026")
                .get("/api/v1/tenants/riverside-mall/dashboard?period=" + month));
        assertEquals(0, other.getJsonObject("figures").getJsonNumber("missedPromises").longValue(),
                "another tenant counts none of it");
    }

    private long dashboardMissed(PortalClient supervisor, String month) {
        return ok(supervisor.get(API + "/dashboard?period=" + month)).getJsonObject("figures")
                .getJsonNumber("missedPromises").longValue();
    }

    private long monthlyMissed(PortalClient supervisor, String month) {
        HttpResponse<String> made = supervisor.postJson(API + "/reports/monthly/" + month, "");
        assertTrue(made.statusCode() / 100 == 2, made.body());
        return ok(supervisor.get(API + "/reports/monthly/" + month)).getJsonObject("table").getJsonObject("totals")
                .getJsonNumber("missedPromises").longValue();
    }

    @Test
    void eachPersonsWorkloadIsExactAndOnlyForTheTenantsSupervisors() {
        prepare();
        PortalClient staff = person("staff");
        PortalClient staff2 = person("staff2");
        PortalClient supervisor = person("supervisor");
        Map<String, Workload> start = byName(probe.workload(SLUG, Instant.now()));
        Instant registered = Instant.now();
        accepted(staff, "COMPLAINT", "工作量：一月内");
        accepted(staff, "REPAIR", "工作量：五分钟内");
        accepted(staff, "CONSULTATION", "工作量：一小时内");
        accepted(staff2, "COMPLAINT", "工作量：同事的案件");
        String resolved = accepted(staff2, "COMPLAINT", "工作量：回访");
        act(staff2, resolved, "resolve", "{\"resolution\":\"已处理\"}");
        JsonObject callback = ok(supervisor.get(API + "/callbacks?view=open")).getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().filter(c -> resolved.equals(c.getString("caseNumber", "")))
                .findFirst().orElseThrow();
        ok(supervisor.postJson(API + "/callbacks/" + callback.getString("id") + "/assign", "{\"assignee\":\""
                + SLUG + ".staff2\",\"version\":" + callback.getJsonNumber("version") + "}"));
        Instant callbackDue = OffsetDateTime.parse(callback.getString("dueAt")).toInstant();

        // Ten minutes on: the repair is overdue, the consultation due today (unless today ends first).
        Instant later = registered.plus(Duration.ofMinutes(10));
        Instant endOfToday = LocalDate.ofInstant(later, ZONE).plusDays(1).atStartOfDay(ZONE).toInstant();
        Map<String, Workload> then = byName(probe.workload(SLUG, later));
        Workload one = then.get(SLUG + ".staff");
        Workload two = then.get(SLUG + ".staff2");
        Workload was = start.get(SLUG + ".staff");
        Workload was2 = start.get(SLUG + ".staff2");
        boolean consultationToday = registered.plus(Duration.ofMinutes(61)).isBefore(endOfToday);
        assertEquals(was.openCases() + 3, one.openCases());
        assertEquals(was.overdue() + 1, one.overdue(), "the repair, five minutes past");
        assertEquals(was.dueToday() + (consultationToday ? 1 : 0), one.dueToday(), "the consultation");
        assertEquals(was.callbacksDue(), one.callbacksDue());
        assertEquals(was2.openCases() + 2, two.openCases(), "the resolved case is open until its callback closes it");
        assertEquals(was2.overdue(), two.overdue());
        assertEquals(was2.dueToday(), two.dueToday(), "a month's deadline, and a resolved case is not running");
        assertEquals(was2.callbacksDue() + (callbackDue.isBefore(endOfToday) ? 1 : 0), two.callbacksDue());
        Workload later2 = byName(probe.workload(SLUG, callbackDue.minusSeconds(60))).get(SLUG + ".staff2");
        assertEquals(was2.callbacksDue() + 1, later2.callbacksDue(), "due by the end of its day");

        JsonObject api = ok(supervisor.get(API + "/workload"));
        Map<String, JsonObject> people = api.getJsonArray("people").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(p -> p.getString("username"), p -> p));
        Workload now = byName(probe.workload(SLUG, Instant.now())).get(SLUG + ".staff");
        JsonObject mine = people.get(SLUG + ".staff");
        assertEquals(now.openCases(), mine.getJsonObject("openCases").getJsonNumber("count").longValue());
        assertEquals(was.openCases() + 3, mine.getJsonObject("openCases").getJsonNumber("count").longValue());
        String inbox = mine.getJsonObject("openCases").getString("inbox");
        JsonObject listed = ok(supervisor.get(API + "/complaints?size=100&" + inbox));
        assertEquals(was.openCases() + 3, listed.getJsonNumber("total").longValue(), "the figure opens those cases");
        String overdue = mine.getJsonObject("overdue").getString("inbox");
        assertEquals(mine.getJsonObject("overdue").getJsonNumber("count").longValue(),
                ok(supervisor.get(API + "/complaints?size=100&" + overdue)).getJsonNumber("total").longValue());
        assertTrue(people.containsKey(SLUG + ".supervisor"), "everybody who works cases is listed");
        assertTrue(!people.containsKey(SLUG + ".admin") && !people.containsKey("huijing.staff"));

        assertEquals(403, staff.get(API + "/workload").statusCode(), "staff do not see the others' workload");
        int foreign = PortalClient.basic(base, "riverside.supervisor", "kefu-demo-2026").get(API + "/workload")
                .statusCode();
        assertTrue(foreign == 403 || foreign == 404, "another tenant's supervisor: " + foreign);
        JsonObject riverside = ok(PortalClient.basic(base, "riverside.supervisor", "kefu-demo-2026")
                .get("/api/v1/tenants/riverside-mall/workload"));
        assertTrue(!riverside.toString().contains(SLUG), "another tenant sees none of these people");
    }

    private static Map<String, Workload> byName(List<Workload> workloads) {
        return workloads.stream().collect(Collectors.toMap(Workload::username, w -> w));
    }
}
