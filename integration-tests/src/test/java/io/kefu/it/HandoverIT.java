package io.kefu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Shift hand-over (交接班) on PostgreSQL. The prefill holds exactly the leaving person's open items (another staff
 * member's and another tenant's cases absent, finished ones too); a submitted hand-over cannot be changed (the
 * database refuses it) and takes additions as entries; each acknowledgement is recorded; the supervisors are told
 * once when nobody of the next shift acknowledged 30 minutes into it; bad input saves nothing; another tenant sees
 * none of it.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HandoverIT {

    static final String PASSWORD = "kefu-demo-2026";
    static final String SLUG = "huijing-property";
    static final String HUIJING = "/api/v1/tenants/" + SLUG;
    static final String RIVERSIDE = "/api/v1/tenants/riverside-mall";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Random RANDOM = new Random();

    @Deployment
    static WebArchive deployment() {
        return Deployments.portal(HandoverProbe.class, CaseSeed.class, PortalClient.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    HandoverProbe probe;

    private PortalClient client(String username) {
        PortalClient.awaitReady(base);
        return PortalClient.basic(base, username, PASSWORD);
    }

    /**
     * Three shifts of eight hours; huijing.staff works in the one running now, huijing.supervisor in the next. The
     * night shift 16:00–00:00 runs up to midnight.
     */
    @BeforeEach
    void shifts() {
        int hour = Instant.now().atZone(SHANGHAI).getHour();
        String[] codes = {"night", "day", "evening"};
        int current = hour / 8;
        String[] members = {"[]", "[]", "[]"};
        members[current] = "[\"huijing.staff\"]";
        members[(current + 1) % 3] = "[\"huijing.supervisor\"]";
        HttpResponse<String> put = client("huijing.admin").putJson(HUIJING + "/settings/shifts", "{\"shifts\":["
                + "{\"code\":\"" + codes[0] + "\",\"name\":\"夜班\",\"start\":\"00:00\",\"end\":\"08:00\",\"members\":"
                + members[0] + "},{\"code\":\"" + codes[1] + "\",\"name\":\"白班\",\"start\":\"08:00\",\"end\":\"16:00\","
                + "\"members\":" + members[1] + "},{\"code\":\"" + codes[2] + "\",\"name\":\"中班\",\"start\":\"16:00\","
                + "\"end\":\"24:00\",\"members\":" + members[2] + "}]}");
        assertEquals(200, put.statusCode(), put.body());
    }

    private static String number() {
        // A month prefix nobody's counter hands out, so a random number never meets a filed one.
        return "202006-" + (1000 + RANDOM.nextInt(9000));
    }

    private static long seed(Connection db, String slug, String owner, String severity, String status,
            Instant resolutionDue) throws SQLException {
        // Registered now, not in a past month: these cases stay open, and an open case is carried over into every
        // period after its registration (ReportFiguresIT's 2025-01, QuarterlyReportIT's 2022 and 2023 count them).
        Instant registered = Instant.now().minus(Duration.ofHours(2));
        return CaseSeed.of(number(), "COMPLAINT", registered).description("交接测试 " + owner).owner(owner)
                .severity(severity).status(status).due(registered.plusSeconds(3_600), resolutionDue)
                .firstResponded(registered.plusSeconds(600)).insert(db, CaseSeed.tenant(db, slug));
    }

    private static String numberOf(Connection db, long id) throws SQLException {
        try (PreparedStatement sql = db.prepareStatement("SELECT case_number FROM complaint WHERE id = ?")) {
            sql.setLong(1, id);
            try (ResultSet rows = sql.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    private static void execute(Connection db, String statement, Object... values) throws SQLException {
        try (PreparedStatement sql = db.prepareStatement(statement)) {
            for (int i = 0; i < values.length; i++) {
                sql.setObject(i + 1, values[i]);
            }
            sql.executeUpdate();
        }
    }

    private static Set<String> subjects(JsonObject draft) {
        return draft.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(i -> i.getString("subject"))
                .collect(Collectors.toSet());
    }

    private static String section(JsonObject draft, String subject) {
        return draft.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getString("subject").equals(subject)).findFirst().map(i -> i.getString("section"))
                .orElse("absent");
    }

    @Test
    void thePrefillHoldsExactlyTheLeavingPersonsOpenItems() throws Exception {
        Instant now = Instant.now();
        Instant future = now.plus(Duration.ofDays(30));
        String major;
        String overdue;
        String promised;
        String plain;
        String callbackCase;
        String callbackKey = ("ho" + Long.toString(Math.abs(RANDOM.nextLong()), 36) + "xxxxxxxxxxxxxxxxxxxxxx")
                .substring(0, 22);
        String closed;
        String supervisors;
        String theirs;
        Set<String> expected = new HashSet<>();
        try (Connection db = probe.superuser()) {
            major = numberOf(db, seed(db, SLUG, "huijing.staff", "MAJOR", "IN_PROGRESS", future));
            overdue = numberOf(db, seed(db, SLUG, "huijing.staff", "ORDINARY", "IN_PROGRESS", now.minusSeconds(60)));
            long promisedId = seed(db, SLUG, "huijing.staff", "ORDINARY", "ACCEPTED", future);
            promised = numberOf(db, promisedId);
            execute(db, "UPDATE complaint SET promised_reply_by = ? WHERE id = ?",
                    now.plus(Duration.ofHours(2)).atOffset(ZoneOffset.UTC), promisedId);
            plain = numberOf(db, seed(db, SLUG, "huijing.staff", "ORDINARY", "IN_PROGRESS", future));
            long withCallback = seed(db, SLUG, "huijing.staff", "ORDINARY", "CALLBACK_PENDING", future);
            callbackCase = numberOf(db, withCallback);
            CaseSeed.callback(db, CaseSeed.tenant(db, SLUG), withCallback, "OPEN", null, null,
                    now.minus(Duration.ofHours(20)), callbackKey);
            closed = numberOf(db, seed(db, SLUG, "huijing.staff", "ORDINARY", "CLOSED", future));
            supervisors = numberOf(db, seed(db, SLUG, "huijing.supervisor", "MAJOR", "IN_PROGRESS", future));
            theirs = numberOf(db, seed(db, "riverside-mall", "huijing.staff", "MAJOR", "IN_PROGRESS", future));
            // What the database itself holds open for huijing.staff: the prefill must be exactly this.
            try (PreparedStatement sql = db.prepareStatement("SELECT case_number, status FROM complaint WHERE "
                    + "tenant_id = ? AND owner_username = 'huijing.staff' AND status NOT IN ('CLOSED', 'NOT_UPHELD', "
                    + "'WITHDRAWN')")) {
                sql.setLong(1, CaseSeed.tenant(db, SLUG));
                try (ResultSet rows = sql.executeQuery()) {
                    while (rows.next()) {
                        expected.add(rows.getString(1));
                    }
                }
            }
        }
        JsonObject draft = PortalClient.json(client("huijing.staff").get(HUIJING + "/handovers/draft"));
        Set<String> got = subjects(draft);
        Set<String> cases = new HashSet<>(got);
        assertTrue(cases.remove(callbackKey), "the callback due in the next shift is listed: " + draft);
        assertEquals(expected, cases, "exactly the open cases huijing.staff owns");
        assertEquals("MAJOR", section(draft, major));
        assertEquals("OVERDUE", section(draft, overdue));
        assertEquals("PROMISE", section(draft, promised));
        assertEquals("CASE", section(draft, plain));
        assertEquals("CALLBACK", section(draft, callbackKey));
        assertTrue(got.contains(callbackCase));
        assertFalse(got.contains(closed), "a finished case is not handed over");
        assertFalse(got.contains(supervisors), "another staff member's case is not in the prefill");
        assertFalse(got.contains(theirs), "another tenant's case is not in the prefill");
        String[] codes = {"night", "day", "evening"};
        assertEquals(codes[Instant.now().atZone(SHANGHAI).getHour() / 8], draft.getJsonObject("leaving")
                .getString("code"), "the shift huijing.staff works in, running now");
        assertEquals(codes[(Instant.now().atZone(SHANGHAI).getHour() / 8 + 1) % 3], draft.getJsonObject("next")
                .getString("code"));

        // The supervisor's own prefill has their case, and none of the staff member's.
        JsonObject boss = PortalClient.json(client("huijing.supervisor").get(HUIJING + "/handovers/draft"));
        assertTrue(subjects(boss).contains(supervisors));
        assertFalse(subjects(boss).contains(major));

        // The page shows the same prefill.
        PortalClient page = PortalClient.loggedIn(base, SLUG, "huijing.staff", PASSWORD);
        String html = page.get("/t/" + SLUG + "/staff/handover").body();
        assertTrue(html.contains(major) && html.contains(promised) && !html.contains(supervisors), html);
    }

    private JsonObject submit(PortalClient who, String body) {
        HttpResponse<String> answer = who.postJson(HUIJING + "/handovers", body);
        assertEquals(201, answer.statusCode(), answer.body());
        return PortalClient.json(answer);
    }

    @Test
    void aSubmittedHandoverIsImmutableAndTakesEntries() throws Exception {
        String mine;
        String supervisors;
        try (Connection db = probe.superuser()) {
            mine = numberOf(db, seed(db, SLUG, "huijing.staff", "ORDINARY", "IN_PROGRESS",
                    Instant.now().plus(Duration.ofDays(30))));
            supervisors = numberOf(db, seed(db, SLUG, "huijing.supervisor", "ORDINARY", "IN_PROGRESS",
                    Instant.now().plus(Duration.ofDays(30))));
        }
        PortalClient staff = client("huijing.staff").language("en");
        long before = PortalClient.json(staff.get(HUIJING + "/handovers?person=huijing.staff")).getJsonNumber("total")
                .longValue();
        HttpResponse<String> refused = staff.postJson(HUIJING + "/handovers", "{\"items\":[{\"subject\":\""
                + supervisors + "\"},{\"subject\":\"" + mine + "\",\"remark\":\"" + "长".repeat(501) + "\"}],"
                + "\"notes\":\"x\"}");
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        String errors = PortalClient.json(refused).getJsonArray("errors").toString();
        assertTrue(errors.contains("items[1].subject") && errors.contains("not one of your open items"), errors);
        assertTrue(errors.contains("items[2].remark"), errors);
        assertEquals(before, PortalClient.json(staff.get(HUIJING + "/handovers?person=huijing.staff"))
                .getJsonNumber("total").longValue(), "nothing saved");

        JsonObject handover = submit(staff, "{\"items\":[{\"subject\":\"" + mine + "\",\"remark\":\"业主下午来电\"}],"
                + "\"equipment\":\"2号电话线路有杂音\",\"notes\":\"注意3栋停水\"}");
        String ref = handover.getString("ref");
        assertTrue(ref.matches("HO-\\d{8}-\\d{4}"), ref);
        assertEquals(1, handover.getJsonArray("items").size());
        assertEquals("业主下午来电", handover.getJsonArray("items").getJsonObject(0).getString("remark"));
        assertEquals("2号电话线路有杂音", handover.getString("equipment"));

        // No address changes it, and the database refuses it even to its superuser.
        assertEquals(405, staff.putJson(HUIJING + "/handovers/" + ref, "{\"notes\":\"changed\"}").statusCode());
        try (Connection db = probe.superuser()) {
            assertThrows(SQLException.class, () -> execute(db, "UPDATE handover SET notes = 'changed' WHERE ref = ?",
                    ref));
            assertThrows(SQLException.class, () -> execute(db, "UPDATE handover_item SET remark = 'changed' WHERE "
                    + "handover_id = (SELECT id FROM handover WHERE ref = ?)", ref));
            assertThrows(SQLException.class, () -> execute(db, "DELETE FROM handover WHERE ref = ?", ref));
        }
        // Additions are entries, by the author or a supervisor.
        HttpResponse<String> added = staff.postJson(HUIJING + "/handovers/" + ref + "/entries",
                "{\"text\":\"补充：3栋已恢复供水\"}");
        assertEquals(201, added.statusCode(), added.body());
        assertEquals(201, client("huijing.supervisor").postJson(HUIJING + "/handovers/" + ref + "/entries",
                "{\"text\":\"主管已阅\"}").statusCode());
        HttpResponse<String> empty = staff.postJson(HUIJING + "/handovers/" + ref + "/entries", "{\"text\":\"\"}");
        assertEquals(422, empty.statusCode());
        JsonObject read = PortalClient.json(staff.get(HUIJING + "/handovers/" + ref));
        assertEquals("注意3栋停水", read.getString("notes"));
        assertEquals(2, read.getJsonArray("entries").size());
        assertEquals("huijing.staff", read.getJsonArray("entries").getJsonObject(0).getString("author"));

        // Printable: the PDF with its text extractable, and the print page.
        HttpResponse<byte[]> pdf = staff.download(HUIJING + "/handovers/" + ref + "/handover.pdf?lang=zh-CN");
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        // The text is read back in HandoverSheetTest (PDFBox is not in the server the test runs in).
        assertEquals("%PDF-", new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(pdf.body().length > 10_000, "the embedded CJK font subset");
        String print = PortalClient.loggedIn(base, SLUG, "huijing.staff", PASSWORD)
                .get("/t/" + SLUG + "/staff/handover?ref=" + ref).body();
        assertTrue(print.contains(ref) && print.contains("业主下午来电"), print);

        // The history finds it by date, shift and person.
        String day = Instant.now().atZone(SHANGHAI).toLocalDate().toString();
        String shift = read.getJsonObject("shift").getString("code");
        String found = staff.get(HUIJING + "/handovers?from=" + day.substring(0, 8) + "01&shift=" + shift
                + "&person=huijing.staff&size=100").body();
        assertTrue(found.contains(ref), found);
        assertFalse(staff.get(HUIJING + "/handovers?shift=no-such-shift").body().contains(ref));
        assertEquals(422, staff.get(HUIJING + "/handovers?from=yesterday").statusCode());
    }

    @Test
    void acknowledgementsAreRecordedAndTheSupervisorsAreToldOnceWhenNobodyAcknowledges() throws Exception {
        PortalClient staff = client("huijing.staff");
        PortalClient boss = client("huijing.supervisor");
        JsonObject read = submit(staff, "{\"notes\":\"请接班人员签收\"}");
        JsonObject unread = submit(staff, "{\"notes\":\"无人签收的交接\"}");
        String readRef = read.getString("ref");
        String unreadRef = unread.getString("ref");

        String pending = boss.get(HUIJING + "/handovers/pending").body();
        assertTrue(pending.contains(readRef) && pending.contains(unreadRef), pending);
        String desk = PortalClient.loggedIn(base, SLUG, "huijing.supervisor", PASSWORD).get("/t/" + SLUG + "/staff/")
                .body();
        assertTrue(desk.contains("pending-handovers") && desk.contains(unreadRef), "the banner on the desk");

        assertEquals(409, staff.postJson(HUIJING + "/handovers/" + readRef + "/acknowledgements", "").statusCode(),
                "the author does not acknowledge their own hand-over");
        HttpResponse<String> ack = boss.postJson(HUIJING + "/handovers/" + readRef + "/acknowledgements", "");
        assertEquals(200, ack.statusCode(), ack.body());
        JsonObject first = PortalClient.json(ack).getJsonArray("acknowledgements").getJsonObject(0);
        assertEquals("huijing.supervisor", first.getString("username"));
        JsonObject again = PortalClient.json(boss.postJson(HUIJING + "/handovers/" + readRef + "/acknowledgements",
                ""));
        assertEquals(1, again.getJsonArray("acknowledgements").size());
        assertEquals(first, again.getJsonArray("acknowledgements").getJsonObject(0), "the first stays");
        assertFalse(boss.get(HUIJING + "/handovers/pending").body().contains(readRef));

        // 31 minutes into the next shift: the unread one alerts the supervisors once, even when the watch runs twice.
        Instant late = OffsetDateTime.parse(unread.getJsonObject("next").getString("start")).toInstant()
                .plus(Duration.ofMinutes(31));
        assertTrue(probe.round(late) >= 1);
        probe.round(late);
        assertEquals(1, probe.notices(SLUG, "huijing.supervisor", unreadRef, "HANDOVER_UNACKNOWLEDGED"));
        assertEquals(0, probe.notices(SLUG, "huijing.supervisor", readRef, "HANDOVER_UNACKNOWLEDGED"));
        String notices = PortalClient.loggedIn(base, SLUG, "huijing.supervisor", PASSWORD).get("/t/" + SLUG
                + "/staff/").body();
        assertTrue(notices.contains("handover?ref=" + unreadRef), "the notice links to the hand-over");
    }

    @Test
    void shiftSettingsRefuseBadInputAndSaveNothing() {
        PortalClient admin = client("huijing.admin").language("en");
        JsonObject before = PortalClient.json(admin.get(HUIJING + "/settings/shifts"));
        HttpResponse<String> refused = admin.putJson(HUIJING + "/settings/shifts", "{\"shifts\":[{\"code\":\"day\","
                + "\"name\":\"Day\",\"start\":\"25:00\",\"end\":\"16:00\",\"members\":[\"riverside.staff\"]},"
                + "{\"code\":\"day\",\"name\":\"Evening\",\"start\":\"16:00\",\"end\":\"08:00\"},"
                + "{\"code\":\"late\",\"name\":\"\",\"start\":\"16:00\",\"end\":\"08:00\"}]}");
        assertEquals(422, refused.statusCode(), refused.body());
        String errors = PortalClient.json(refused).getJsonArray("errors").toString();
        assertTrue(errors.contains("shifts[1].start") && errors.contains("HH:mm"), errors);
        assertTrue(errors.contains("shifts[1].members") && errors.contains("riverside.staff"), errors);
        assertTrue(errors.contains("shifts[2].code") && errors.contains("shifts[3].name"), errors);
        HttpResponse<String> chinese = client("huijing.admin").language("zh-CN").putJson(HUIJING + "/settings/shifts",
                "{\"shifts\":[{\"code\":\"x\",\"name\":\"x\",\"start\":\"8点\",\"end\":\"16:00\"}]}");
        assertEquals(422, chinese.statusCode());
        assertTrue(chinese.body().contains("请按 HH:mm"), chinese.body());
        assertEquals(before, PortalClient.json(admin.get(HUIJING + "/settings/shifts")), "nothing saved");
        assertEquals(403, client("huijing.staff").putJson(HUIJING + "/settings/shifts", "{\"shifts\":[]}")
                .statusCode());
        // The admin page shows them.
        String page = PortalClient.loggedIn(base, SLUG, "huijing.admin", PASSWORD).get("/t/" + SLUG + "/admin/shifts")
                .body();
        assertTrue(page.contains("16:00") && page.contains("shifts-admin-link"), page);
    }

    @Test
    void anotherTenantSeesNoneOfIt() {
        JsonObject handover = submit(client("huijing.staff"), "{\"notes\":\"汇景内部交接\"}");
        String ref = handover.getString("ref");
        PortalClient stranger = client("riverside.staff");
        PortalClient strangerAdmin = client("riverside.admin");
        for (String path : List.of("/handovers/" + ref, "/handovers", "/handovers/draft", "/handovers/pending",
                "/handovers/" + ref + "/handover.pdf", "/settings/shifts")) {
            int status = stranger.get(HUIJING + path).statusCode();
            assertTrue(status == 403 || status == 404, path + " " + status);
        }
        int ack = stranger.postJson(HUIJING + "/handovers/" + ref + "/acknowledgements", "").statusCode();
        assertTrue(ack == 403 || ack == 404, "ack " + ack);
        int put = strangerAdmin.putJson(HUIJING + "/settings/shifts", "{\"shifts\":[]}").statusCode();
        assertTrue(put == 403 || put == 404, "shifts " + put);
        // References are numbered per tenant: under their own path the same reference is theirs or nothing.
        HttpResponse<String> own = stranger.get(RIVERSIDE + "/handovers/" + ref);
        assertTrue(own.statusCode() == 404 || !PortalClient.json(own).getString("author").startsWith("huijing"),
                own.body());
        assertFalse(own.body().contains("汇景内部交接"));
        for (String path : List.of("/handovers?size=100", "/handovers/pending", "/handovers/draft")) {
            assertFalse(stranger.get(RIVERSIDE + path).body().contains("汇景内部交接"), path);
        }
        String page = PortalClient.loggedIn(base, "riverside-mall", "riverside.staff", PASSWORD)
                .get("/t/riverside-mall/staff/handover?ref=" + ref).body();
        assertFalse(page.contains("汇景内部交接"));
        int theirPage = PortalClient.loggedIn(base, "riverside-mall", "riverside.staff", PASSWORD)
                .get("/t/" + SLUG + "/staff/handover?ref=" + ref).statusCode();
        assertTrue(theirPage == 403 || theirPage == 404 || theirPage == 302, "page " + theirPage);
    }

    /**
     * The pages in Chromium, from the test run's side (the browser's driver is not in the server). Last, so that the
     * prefill it shows has the cases the other tests left open.
     */
    @Test
    @RunAsClient
    @Order(Integer.MAX_VALUE)
    void theLeavingStaffMemberWritesItInTheBrowserAndTheNextShiftAcknowledgesItOnTheDesk() throws Exception {
        HandoverBrowser.walkThrough(base);
    }
}
