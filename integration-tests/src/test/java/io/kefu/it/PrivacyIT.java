package io.kefu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Privacy and retention on PostgreSQL. The retention round anonymises the cases its tenant's policy makes due —
 * contact gone, case text, history and every figure of the month's table kept, attachments deleted or kept as the
 * policy says — and leaves younger, open and other tenants' cases alone. The policy refuses bad input and saves
 * nothing. A customer's export holds their cases; after their erasure no page, API answer, search, export or report
 * names them; both are audited. Another tenant's admin gets 404, a staff member 403.
 */
@ExtendWith(ArquillianExtension.class)
class PrivacyIT {

    static final String PASSWORD = "kefu-demo-2026";
    static final String SLUG = "huijing-property";
    static final String HUIJING = "/api/v1/tenants/" + SLUG;
    static final String RIVERSIDE = "/api/v1/tenants/riverside-mall";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Random RANDOM = new Random();

    @Deployment
    static WebArchive deployment() {
        return Deployments.portal(PrivacyProbe.class, CaseSeed.class, PortalClient.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    PrivacyProbe probe;

    private PortalClient client(String username) {
        PortalClient.awaitReady(base);
        return PortalClient.basic(base, username, PASSWORD);
    }

    /** An old case with everything personal the portal keeps about its contact, written as the workflow leaves it. */
    record OldCase(long id, String number, String name, String phone, String email) {
    }

    private OldCase seedClosed(Connection db, String slug, Instant closed, String status, String tag)
            throws SQLException {
        long tenant = CaseSeed.tenant(db, slug);
        Instant registered = closed.minusSeconds(3 * 86_400L);
        String number = YearMonth.from(registered.atZone(SHANGHAI)).toString().replace("-", "") + "-"
                + (9000 + RANDOM.nextInt(1000));
        String name = "保留" + tag + RANDOM.nextInt(100_000);
        String phone = "137" + (10_000_000 + RANDOM.nextInt(89_999_999));
        String email = "keep" + RANDOM.nextInt(1_000_000) + "@example.com";
        boolean finished = closed != null && !status.equals("IN_PROGRESS");
        long id = CaseSeed.of(number, "COMPLAINT", registered).description("老案件：" + tag).category("noise")
                .status(status).departments("customer-service", null)
                .due(registered.plusSeconds(3_600), registered.plusSeconds(7 * 86_400L))
                .firstResponded(registered.plusSeconds(600)).resolved(finished ? closed.minusSeconds(86_400) : null)
                .closed(finished ? closed : null).callbackOutcome(finished ? "SATISFIED" : null).phone(phone)
                .insert(db, tenant);
        execute(db, "UPDATE complaint SET contact_name = ?, contact_email = ?, location = '3栋2单元1502' WHERE id = ?",
                name, email, id);
        execute(db, "INSERT INTO attachment (tenant_id, complaint_id, seq, file_name, media_type, size_bytes, content, "
                + "uploaded_at, uploaded_by) VALUES (?, ?, 1, 'photo.png', 'image/png', 3, '\\x010203'::bytea, ?, "
                + "'huijing.staff')", tenant, id, registered.atOffset(ZoneOffset.UTC));
        execute(db, "INSERT INTO tracking_key (tenant_id, complaint_id, token_hash, issued_at) VALUES (?, ?, ?, ?)",
                tenant, id, Long.toHexString(RANDOM.nextLong()) + number + Long.toHexString(RANDOM.nextLong()),
                registered.atOffset(ZoneOffset.UTC));
        if (finished) {
            long task = CaseSeed.callback(db, tenant, id, "DONE", "SATISFIED", 5, closed.minusSeconds(86_400),
                    ("privacy" + number + RANDOM.nextInt(1_000_000) + "xxxxxxxxxx").substring(0, 22));
            execute(db, "UPDATE callback_task SET contact_name = ?, contact_phone = ?, unit = '3栋 1502' WHERE id = ?",
                    name, phone, task);
        }
        execute(db, "INSERT INTO outbound_mail (tenant_id, recipient, subject, body, created_at, sent_at, attempts) "
                + "VALUES (?, ?, ?, ?, ?, ?, 1)", tenant, email, "您的诉求已登记，编号 " + number, name + "，您好",
                registered.atOffset(ZoneOffset.UTC), registered.atOffset(ZoneOffset.UTC));
        return new OldCase(id, number, name, phone, email);
    }

    @Test
    void aRoundAnonymisesWhatThePolicyMakesDueAndKeepsTheFigures() throws Exception {
        PortalClient admin = client("huijing.admin");
        PortalClient theirAdmin = client("riverside.admin");
        // A policy of 76 months and cases from 2020: the other tests count report periods in 2019, 2021-2023
        // and from 2025 on (a quarter and the same quarter a year before), and these cases must be in none of them.
        setPolicy(admin, HUIJING, 76, "DELETE");
        setPolicy(theirAdmin, RIVERSIDE, 120, "DELETE");
        Instant now = Instant.now();
        OldCase due;
        OldCase young;
        OldCase open;
        OldCase theirs;
        try (Connection db = probe.superuser()) {
            due = seedClosed(db, SLUG, monthsAgo(now, 77), "CLOSED", "甲");
            young = seedClosed(db, SLUG, monthsAgo(now, 75), "CLOSED", "乙");
            open = seedClosed(db, SLUG, monthsAgo(now, 80), "IN_PROGRESS", "丙");
            theirs = seedClosed(db, "riverside-mall", monthsAgo(now, 77), "CLOSED", "丁");
        }
        PortalClient boss = client("huijing.supervisor");
        String month = YearMonth.from(monthsAgo(now, 77).atZone(SHANGHAI)).toString();
        HttpResponse<String> generated = boss.postJson(HUIJING + "/reports/monthly/" + month, "{}");
        assertTrue(generated.statusCode() == 200 || generated.statusCode() == 201, generated.body());
        String tableBefore = figures(boss.get(HUIJING + "/reports/monthly/" + month));
        assertTrue(tableBefore.contains(due.number()), "the old case is a row of its month's table");

        assertTrue(probe.round(now) >= 1);

        try (Connection db = probe.superuser()) {
            assertAnonymised(db, due, false);
            assertKept(db, young);
            assertKept(db, open);
            assertKept(db, theirs);
            assertEquals("老案件：甲", single(db, "SELECT description FROM complaint WHERE id = ?", due.id()),
                    "the case text stays");
        }
        assertEquals(tableBefore, figures(boss.get(HUIJING + "/reports/monthly/" + month)),
                "the month's table has the same rows and figures");
        JsonObject c = PortalClient.json(client("huijing.staff").get(HUIJING + "/complaints/" + due.number()));
        assertFalse(c.toString().contains(due.name()) || c.toString().contains(due.phone()), c.toString());
        assertTrue(c.toString().contains("老案件：甲"));

        // Under KEEP the attachments stay with the case; the contact goes all the same.
        setPolicy(admin, HUIJING, 76, "KEEP");
        OldCase kept;
        try (Connection db = probe.superuser()) {
            kept = seedClosed(db, SLUG, monthsAgo(now, 78), "NOT_UPHELD", "戊");
        }
        probe.round(now);
        try (Connection db = probe.superuser()) {
            assertAnonymised(db, kept, true);
            assertKept(db, theirs);
        }
    }

    @Test
    void thePolicyRefusesBadInputSavesNothingAndIsTheAdminsOnly() {
        PortalClient admin = client("huijing.admin").language("en");
        JsonObject before = PortalClient.json(admin.get(HUIJING + "/settings/retention"));
        HttpResponse<String> refused = admin.putJson(HUIJING + "/settings/retention",
                "{\"months\":2,\"attachments\":\"SHRED\",\"version\":" + before.getInt("version") + "}");
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        String errors = PortalClient.json(refused).getJsonArray("errors").toString();
        assertTrue(errors.contains("\"months\"") && errors.contains("from 6 to 120"), errors);
        assertTrue(errors.contains("\"attachments\"") && errors.contains("SHRED"), errors);
        HttpResponse<String> chinese = client("huijing.admin").language("zh-CN").putJson(HUIJING
                + "/settings/retention", "{\"months\":500,\"attachments\":\"KEEP\",\"version\":"
                + before.getInt("version") + "}");
        assertEquals(422, chinese.statusCode());
        assertTrue(PortalClient.json(chinese).getJsonArray("errors").toString().contains("120"), chinese.body());
        assertEquals(before, PortalClient.json(admin.get(HUIJING + "/settings/retention")), "nothing saved");

        PortalClient staff = client("huijing.staff");
        assertEquals(403, staff.get(HUIJING + "/settings/retention").statusCode());
        assertEquals(403, staff.putJson(HUIJING + "/settings/retention",
                "{\"months\":12,\"attachments\":\"KEEP\",\"version\":0}").statusCode());
        assertEquals(before, PortalClient.json(admin.get(HUIJING + "/settings/retention")));
        JsonObject audit = PortalClient.json(admin.get(HUIJING + "/audit?action=settings.retention&size=5"));
        assertNotNull(audit.getJsonArray("items"));
    }

    @Test
    void aCustomersDataIsExportedThenErasedEverywhereByTheAdminOnly() throws Exception {
        String name = "隐私客户" + RANDOM.nextInt(100_000);
        String phone = "136" + (10_000_000 + RANDOM.nextInt(89_999_999));
        String key;
        long unit;
        try (Connection db = probe.superuser()) {
            long tenant = CaseSeed.tenant(db, SLUG);
            key = ("prv" + Long.toString(Math.abs(RANDOM.nextLong()), 32).replaceAll("[01lo]", "a") + "aaaaaaaaaa")
                    .substring(0, 12);
            long customer = insert(db, "INSERT INTO customer (tenant_id, record_key, kind, name, confidentiality, vip, "
                    + "notes, created_at, version) VALUES (?, ?, 'RESIDENT', ?, 'ORDINARY', FALSE, ?, now(), 1) "
                    + "RETURNING id", tenant, key, name, "喜欢电话联系 " + phone);
            unit = CaseSeed.unit(db, tenant, "隐私楼" + RANDOM.nextInt(10_000), "0101");
            execute(db, "INSERT INTO resident (tenant_id, unit_id, customer_id, name, phone, email, grade, version) "
                    + "VALUES (?, ?, ?, ?, ?, 'privacy@example.com', 'A', 1)", tenant, unit, customer, name, phone);
            // A corrective action of an old quarter answering the customer as a recurring caller: named by phone.
            // Already noticed as overdue, so that the action watch leaves it alone (its reference, 2001-Q1-n, would
            // otherwise be told to its owner with every other tenant's overdue actions).
            execute(db, "INSERT INTO corrective_action (tenant_id, quarter, seq, department_code, description, "
                    + "owner_username, due_date, cause_keys, case_numbers, status, created_by, created_at, "
                    + "overdue_noticed_at, version) VALUES (?, '2001-Q1', ?, 'service', '回访该住户', "
                    + "'huijing.supervisor', DATE '2001-03-31', ?, '', 'OPEN', 'huijing.supervisor', now(), now(), 1)",
                    tenant, 100 + RANDOM.nextInt(900), "RESIDENT|" + phone + "|noise");
        }
        PortalClient desk = client("huijing.staff");
        HttpResponse<String> filed = desk.postJson(HUIJING + "/complaints", "{\"kind\":\"COMPLAINT\",\"categoryCode\":"
                + "\"noise\",\"description\":\"隐私测试：楼道灯不亮\",\"location\":\"隐私楼0101\",\"contactName\":\"" + name
                + "\",\"contactPhone\":\"" + phone + "\",\"channel\":\"PHONE\"}");
        assertEquals(201, filed.statusCode(), filed.body());
        String number = PortalClient.json(filed).getString("number");

        // Nobody but this tenant's admin: a staff member is refused, another tenant's admin finds nothing.
        String export = HUIJING + "/privacy/customers/" + key;
        assertEquals(403, desk.get(export + "/export.json").statusCode());
        assertEquals(403, desk.postJson(export + "/erasure", "{}").statusCode());
        PortalClient theirAdmin = client("riverside.admin");
        assertEquals(404, theirAdmin.get(RIVERSIDE + "/privacy/customers/" + key + "/export.json").statusCode());
        assertEquals(404, theirAdmin.get(RIVERSIDE + "/privacy/customers/" + key + "/export.xlsx").statusCode());
        assertEquals(404, theirAdmin.postJson(RIVERSIDE + "/privacy/customers/" + key + "/erasure", "{}")
                .statusCode());
        int foreign = theirAdmin.get(export + "/export.json").statusCode();
        assertTrue(foreign == 403 || foreign == 404, "not a member of this tenant: " + foreign);

        PortalClient admin = client("huijing.admin").language("en");
        HttpResponse<String> json = admin.get(export + "/export.json");
        assertEquals(200, json.statusCode(), json.body());
        JsonObject dossier = PortalClient.json(json);
        assertEquals(name, dossier.getJsonObject("record").getString("name"));
        assertEquals(phone, dossier.getJsonArray("register").getJsonObject(0).getString("phone"));
        JsonObject exportedCase = dossier.getJsonArray("cases").getJsonObject(0);
        assertEquals(number, exportedCase.getString("number"));
        assertEquals(name, exportedCase.getString("contactName"));
        assertFalse(exportedCase.getJsonArray("history").isEmpty(), "the case comes with its history");
        HttpResponse<byte[]> xlsx = admin.download(export + "/export.xlsx");
        assertEquals(200, xlsx.statusCode());
        String workbook = cells(xlsx.body());
        assertTrue(workbook.contains(number) && workbook.contains(name) && workbook.contains("Case number"), workbook);

        HttpResponse<String> erased = admin.postJson(export + "/erasure", "{}");
        assertEquals(200, erased.statusCode(), erased.body());
        assertEquals(1, PortalClient.json(erased).getInt("registerEntries"));
        assertTrue(PortalClient.json(erased).getInt("cases") >= 1);

        // Nothing names the person any more: the case in the API and on its page, the inbox search, the exports,
        // the audit log, the register. The case text and the unit stay.
        String caseJson = desk.get(HUIJING + "/complaints/" + number).body();
        assertFalse(caseJson.contains(name) || caseJson.contains(phone), caseJson);
        assertTrue(caseJson.contains("隐私测试：楼道灯不亮"));
        String page = PortalClient.loggedIn(base, SLUG, "huijing.staff", PASSWORD)
                .get("/t/" + SLUG + "/staff/cases/" + number).body();
        assertTrue(page.contains(number), "the case page opens");
        assertFalse(page.contains(name) || page.contains(phone), "the case page names nobody");
        assertEquals(0, PortalClient.json(desk.get(HUIJING + "/complaints?q=" + phone)).getInt("total"));
        assertEquals(0, PortalClient.json(desk.get(HUIJING + "/complaints?q="
                + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8))).getInt("total"));
        String after = admin.get(export + "/export.json").body();
        assertFalse(after.contains(name) || after.contains(phone), after);
        String workbookAfter = cells(admin.download(export + "/export.xlsx").body());
        assertFalse(workbookAfter.contains(name) || workbookAfter.contains(phone), workbookAfter);
        String auditLog = admin.get(HUIJING + "/audit?size=50").body();
        assertFalse(auditLog.contains(name) || auditLog.contains(phone), "the audit log names nobody either");
        assertTrue(PortalClient.json(admin.get(HUIJING + "/audit?action=customer.export&size=50"))
                .getInt("total") >= 4);
        assertTrue(PortalClient.json(admin.get(HUIJING + "/audit?action=customer.erasure&size=50")).toString()
                .contains(key));
        try (Connection db = probe.superuser()) {
            assertEquals(0L, single(db, "SELECT COUNT(*) FROM resident WHERE phone = ?", phone));
            assertEquals(1L, single(db, "SELECT COUNT(*) FROM unit WHERE id = ?", unit), "units stay");
            assertEquals(0L, single(db, "SELECT COUNT(*) FROM complaint WHERE contact_phone = ? OR contact_name = ?",
                    phone, name));
            assertEquals(0L, single(db, "SELECT COUNT(*) FROM customer WHERE name = ? OR notes LIKE ?", name,
                    "%" + phone + "%"));
            assertEquals(0L, single(db, "SELECT COUNT(*) FROM corrective_action WHERE cause_keys LIKE ?",
                    "%" + phone + "%"), "the quarterly analysis no longer names the caller by phone");
            assertEquals(1L, single(db, "SELECT COUNT(*) FROM corrective_action WHERE cause_keys = ?",
                    "RESIDENT|erased:" + key + "|noise"), "but still answers the same cause");
        }
        String figures = client("huijing.supervisor").get(HUIJING + "/reports/figures?from="
                + java.time.LocalDate.now(SHANGHAI).withDayOfMonth(1) + "&to=" + java.time.LocalDate.now(SHANGHAI))
                .body();
        assertFalse(figures.contains(name) || figures.contains(phone));
    }

    @Test
    void thePrivacyPageIsTheAdminsOnly() {
        PortalClient.awaitReady(base);
        String page = PortalClient.loggedIn(base, SLUG, "huijing.admin", PASSWORD).get("/t/" + SLUG + "/admin/privacy")
                .body();
        assertTrue(page.contains("privacy-page") && page.contains("retention:months"), page);
        assertEquals(403, PortalClient.loggedIn(base, SLUG, "huijing.staff", PASSWORD).get("/t/" + SLUG
                + "/admin/privacy").statusCode());
    }

    private static void setPolicy(PortalClient admin, String tenant, int months, String attachments) {
        int version = PortalClient.json(admin.get(tenant + "/settings/retention")).getInt("version");
        HttpResponse<String> saved = admin.putJson(tenant + "/settings/retention", "{\"months\":" + months
                + ",\"attachments\":\"" + attachments + "\",\"version\":" + version + "}");
        assertEquals(200, saved.statusCode(), saved.body());
    }

    private static Instant monthsAgo(Instant now, int months) {
        return now.atOffset(ZoneOffset.UTC).minusMonths(months).toInstant();
    }

    /** The month's table without the moment it was taken: its rows, summary and totals. */
    private static String figures(HttpResponse<String> month) {
        assertEquals(200, month.statusCode(), month.body());
        JsonObject table = PortalClient.json(month).getJsonObject("table");
        return List.of("rows", "summary", "total", "totals").stream().map(f -> f + "=" + table.get(f)).toList()
                .toString();
    }

    private void assertAnonymised(Connection db, OldCase c, boolean attachmentsKept) throws SQLException {
        try (PreparedStatement sql = db.prepareStatement("SELECT contact_name, contact_phone, contact_email, location, "
                + "customer_id, anonymised_at, status, closed_at FROM complaint WHERE id = ?")) {
            sql.setLong(1, c.id());
            try (ResultSet row = sql.executeQuery()) {
                assertTrue(row.next());
                for (int column = 1; column <= 5; column++) {
                    assertNull(row.getObject(column), c.number() + " column " + column);
                }
                assertNotNull(row.getObject(6), "anonymised_at");
                assertNotNull(row.getObject(8), "closed_at stays");
            }
        }
        assertEquals(attachmentsKept ? 1L : 0L, single(db, "SELECT COUNT(*) FROM attachment WHERE complaint_id = ?",
                c.id()));
        assertEquals(0L, single(db, "SELECT COUNT(*) FROM tracking_key WHERE complaint_id = ?", c.id()));
        assertEquals(0L, single(db, "SELECT COUNT(*) FROM callback_task WHERE complaint_id = ? AND (contact_name "
                + "IS NOT NULL OR contact_phone IS NOT NULL OR unit IS NOT NULL)", c.id()));
        assertEquals(1L, single(db, "SELECT COUNT(*) FROM callback_task WHERE complaint_id = ? AND outcome = "
                + "'SATISFIED'", c.id()), "the callback and its outcome stay");
        assertEquals(0L, single(db, "SELECT COUNT(*) FROM outbound_mail WHERE recipient = ?", c.email()));
    }

    private void assertKept(Connection db, OldCase c) throws SQLException {
        assertEquals(c.name(), single(db, "SELECT contact_name FROM complaint WHERE id = ? AND anonymised_at IS NULL",
                c.id()), c.number() + " keeps its contact");
        assertEquals(c.phone(), single(db, "SELECT contact_phone FROM complaint WHERE id = ?", c.id()));
        assertEquals(1L, single(db, "SELECT COUNT(*) FROM attachment WHERE complaint_id = ?", c.id()));
        assertEquals(1L, single(db, "SELECT COUNT(*) FROM tracking_key WHERE complaint_id = ?", c.id()));
        assertEquals(1L, single(db, "SELECT COUNT(*) FROM outbound_mail WHERE recipient = ?", c.email()));
    }

    private static String cells(byte[] xlsx) throws Exception {
        StringBuilder text = new StringBuilder();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        text.append(cell).append('|');
                    }
                }
            }
        }
        return text.toString();
    }

    private static Object single(Connection db, String query, Object... parameters) throws SQLException {
        try (PreparedStatement sql = db.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                sql.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = sql.executeQuery()) {
                return row.next() ? row.getObject(1) : null;
            }
        }
    }

    private static long insert(Connection db, String statement, Object... parameters) throws SQLException {
        return (Long) single(db, statement, parameters);
    }

    private static void execute(Connection db, String statement, Object... parameters) throws SQLException {
        try (PreparedStatement sql = db.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                sql.setObject(i + 1, parameters[i]);
            }
            sql.executeUpdate();
        }
    }
}
