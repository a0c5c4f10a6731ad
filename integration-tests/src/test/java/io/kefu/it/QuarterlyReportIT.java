package io.kefu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The case ↔ unit link and the quarterly complaint analysis (用户投诉分析报告) on PostgreSQL, against a data set of
 * known answers written straight into the tables: the third and fourth quarters of 2023 in Asia/Shanghai, several
 * departments, a supervisor's responsibility attribution, one unit complaining of leaks twice, one resident without a
 * unit of noise twice, a building where leaks keep coming back, a case registered at 23:30 on 30 September (the third
 * quarter's) and one ten minutes into 1 October (the fourth's, and the leak coming back), not upheld, withdrawn. Every
 * figure, cause and effectiveness check equals what this test counts from its rows; a published report does not
 * change when a case in it does; the PDF and the workbook hold the figures; another tenant's people get nothing.
 */
@SharedPortal.Client
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuarterlyReportIT {

    static final String PASSWORD = "kefu-demo-2026";
    static final String SLUG = "huijing-property";
    static final String HUIJING = "/api/v1/tenants/" + SLUG;
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String Q3 = "2023-Q3";
    static final String Q4 = "2023-Q4";

    @SharedPortal.Base
    URL base;

    /** A case as the seed writes it: times in Shanghai; building and unit of the register, or none. */
    record Seed(String number, String kind, String category, String department, String responsible,
            String severity, String channel, String status, String building, String unit, String phone,
            String registered, String closed) {

        Instant at(Function<Seed, String> field) {
            String value = field.apply(this);
            return value == null ? null : OffsetDateTime.parse(value + "+08:00").toInstant();
        }

        boolean validComplaint() {
            return kind.equals("COMPLAINT") && !status.equals("NOT_UPHELD") && !status.equals("WITHDRAWN");
        }

        String responsibleDepartment() {
            return responsible != null ? responsible : department;
        }
    }

    static final List<Seed> CASES = List.of(
            new Seed("202307-8001", "COMPLAINT", "leak", "engineering", null, "ORDINARY", "PHONE", "CLOSED",
                    "Q栋", "101", "13700000011", "2023-07-03T10:00", "2023-07-06T10:00"),
            new Seed("202308-8002", "COMPLAINT", "leak", "engineering", null, "SERIOUS", "ONLINE", "IN_PROGRESS",
                    "Q栋", "101", "13700000011", "2023-08-10T09:00", null),
            // 23:30 on the quarter's last day in Shanghai (15:30 UTC): the third quarter's.
            new Seed("202309-8003", "COMPLAINT", "leak", "engineering", "cleaning", "ORDINARY", "PHONE", "CLOSED",
                    "Q栋", "102", "13700000012", "2023-09-30T23:30", "2023-09-30T23:50"),
            // Ten minutes into 1 October in Shanghai (still 30 September in UTC): the fourth quarter's. Leaks again.
            new Seed("202310-8004", "COMPLAINT", "leak", "engineering", null, "ORDINARY", "PHONE", "IN_PROGRESS",
                    "Q栋", "103", "13700000013", "2023-10-01T00:10", null),
            new Seed("202307-8005", "COMPLAINT", "noise", "security", "cleaning", "ORDINARY", "PHONE", "CLOSED",
                    null, null, "13700000001", "2023-07-15T10:00", "2023-07-20T10:00"),
            new Seed("202308-8006", "COMPLAINT", "noise", "security", null, "ORDINARY", "VISIT", "IN_PROGRESS",
                    null, null, "13700000001", "2023-08-15T10:00", null),
            new Seed("202308-8007", "COMPLAINT", "noise", "security", null, "ORDINARY", "PHONE", "NOT_UPHELD",
                    "Q栋", "104", "13700000014", "2023-08-20T10:00", "2023-08-25T10:00"),
            new Seed("202309-8008", "COMPLAINT", "billing", "finance", null, "ORDINARY", "LETTER", "WITHDRAWN",
                    "R栋", "201", "13700000021", "2023-09-02T10:00", "2023-09-03T10:00"),
            new Seed("202309-8009", "REPAIR", "leak", "engineering", null, "ORDINARY", "PHONE", "CLOSED",
                    "R栋", "201", "13700000021", "2023-09-05T10:00", "2023-09-08T10:00"),
            new Seed("202309-8010", "COMPLAINT", "billing", "finance", "_external", "MAJOR", "PHONE", "CLOSED",
                    "R栋", "201", "13700000021", "2023-09-10T10:00", "2023-09-30T23:30"),
            new Seed("202311-8011", "COMPLAINT", "noise", "security", null, "ORDINARY", "PHONE", "IN_PROGRESS",
                    null, null, "13700000002", "2023-11-11T10:00", null),
            new Seed("202312-8012", "COMPLAINT", "billing", "finance", null, "ORDINARY", "ONLINE", "CLOSED",
                    "R栋", "202", "13700000022", "2023-12-01T10:00", "2023-12-03T10:00"));

    private static boolean seeded;

    private PortalClient client(String username) {
        PortalClient.awaitReady(base);
        return PortalClient.basic(base, username, PASSWORD);
    }

    // --- the case ↔ unit link ------------------------------------------------------------------------------

    @Test
    @Order(1)
    void staffLinkACaseToAUnitOfTheRegisterThroughTheApiAndThePage() throws SQLException {
        seedOnce();
        PortalClient desk = client("huijing.staff");
        HttpResponse<String> filed = desk.postJson(HUIJING + "/complaints", "{\"kind\":\"COMPLAINT\",\"description\":"
                + "\"楼上漏水\",\"contactPhone\":\"13700000099\",\"channel\":\"PHONE\",\"unit\":{\"building\":\"q栋\","
                + "\"number\":\"101\"}}");
        assertEquals(201, filed.statusCode(), filed.body());
        String number = PortalClient.json(filed).getString("number");
        JsonObject c = PortalClient.json(desk.get(HUIJING + "/complaints/" + number));
        assertEquals("Q栋", c.getJsonObject("unit").getString("building"), "found in any case, shown as registered");
        assertEquals("101", c.getJsonObject("unit").getString("number"));

        // An unknown unit: a translated 400 on the field, nothing changed.
        for (String language : List.of("zh-CN", "en")) {
            HttpResponse<String> unknown = desk.language(language).send("PUT", HUIJING + "/complaints/" + number
                    + "/unit", "application/json", "{\"building\":\"Q栋\",\"number\":\"999\",\"version\":"
                    + c.getInt("version") + "}");
            assertEquals(422, unknown.statusCode(), unknown.body());
            assertTrue(unknown.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            String errors = PortalClient.json(unknown).getJsonArray("errors").toString();
            assertTrue(errors.contains("\"number\"") && errors.contains(language.equals("en") ? "has no unit"
                    : "没有房号"), errors);
        }
        HttpResponse<String> stale = desk.send("PUT", HUIJING + "/complaints/" + number + "/unit", "application/json",
                "{\"building\":\"Q栋\",\"number\":\"102\",\"version\":" + (c.getInt("version") - 1) + "}");
        assertEquals(409, stale.statusCode(), stale.body());
        HttpResponse<String> moved = desk.send("PUT", HUIJING + "/complaints/" + number + "/unit", "application/json",
                "{\"building\":\"Q栋\",\"number\":\"102\",\"version\":" + c.getInt("version") + "}");
        assertEquals(200, moved.statusCode(), moved.body());
        JsonObject after = PortalClient.json(moved);
        assertEquals("102", after.getJsonObject("unit").getString("number"));
        assertTrue(after.getJsonArray("history").stream().anyMatch(e -> e.asJsonObject().getString("action")
                .equals("LINK_UNIT") && e.asJsonObject().getString("text").equals("Q栋 102")), "the history says so");

        // A resident filing online cannot claim a unit of the register.
        HttpResponse<String> resident = PortalClient.anonymous(base).postJson(HUIJING + "/complaints", "{\"kind\":"
                + "\"COMPLAINT\",\"description\":\"漏水\",\"contactPhone\":\"13700000098\",\"unit\":{\"building\":"
                + "\"Q栋\",\"number\":\"101\"}}");
        assertEquals(422, resident.statusCode(), resident.body());

        // On the case page: the unit shown, and changed through the building and unit fields.
        PortalClient page = PortalClient.loggedIn(base, SLUG, "huijing.staff", PASSWORD);
        String path = "/t/" + SLUG + "/staff/cases/" + number;
        String html = page.get(path).body();
        assertTrue(html.contains("Q栋 102"), "the unit on the page");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("jakarta.faces.partial.ajax", "true");
        form.put("jakarta.faces.source", "case:unit-save");
        form.put("jakarta.faces.partial.execute", "case:unit-save case:unitBuilding case:unitNumber case:version");
        form.put("jakarta.faces.partial.render", "case");
        form.put("case:unit-save", "case:unit-save");
        form.put("case", "case");
        form.put("case:version", String.valueOf(after.getInt("version")));
        form.put("case:unitBuilding_input", "R栋");
        form.put("case:unitNumber_input", "201");
        form.put("jakarta.faces.ViewState", PortalClient.viewState(html));
        HttpResponse<String> saved = page.postForm(path, form);
        assertEquals(200, saved.statusCode(), saved.body());
        assertEquals("R栋 201", unitOf(desk, number), saved.body());
    }

    private static String unitOf(PortalClient client, String number) {
        JsonObject unit = PortalClient.json(client.get(HUIJING + "/complaints/" + number)).getJsonObject("unit");
        return unit.getString("building") + " " + unit.getString("number");
    }

    // --- the quarterly report --------------------------------------------------------------------------------

    @Test
    @Order(2)
    void theQuarterFiguresCausesAndLastQuartersActionsEqualWhatTheRowsSay() throws SQLException {
        seedOnce();
        PortalClient boss = client("huijing.supervisor");
        JsonObject q3 = report(boss, Q3);
        assertEquals("DRAFT", q3.getString("status"));
        Expected third = new Expected(LocalDate.of(2023, 7, 1), LocalDate.of(2023, 9, 30));
        third.check(q3.getJsonObject("figures"));
        new Expected(LocalDate.of(2023, 4, 1), LocalDate.of(2023, 6, 30)).check(q3.getJsonObject("previousQuarter"));
        new Expected(LocalDate.of(2022, 7, 1), LocalDate.of(2022, 9, 30))
                .check(q3.getJsonObject("sameQuarterLastYear"));
        new Expected(LocalDate.of(2023, 10, 1), LocalDate.of(2023, 12, 31))
                .check(report(boss, Q4).getJsonObject("figures"));
        // The one definition: the report's figures are /reports/figures' for the quarter's days.
        JsonObject figures = PortalClient.json(boss.get(HUIJING + "/reports/figures?from=2023-07-01&to=2023-09-30"));
        assertEquals(figures.getJsonObject("validity"), q3.getJsonObject("figures").getJsonObject("validity"));
        assertEquals(figures.getJsonObject("breakdowns"), q3.getJsonObject("figures").getJsonObject("breakdowns"));

        // By hand, so that the test does not only agree with itself.
        JsonObject validity = q3.getJsonObject("figures").getJsonObject("validity");
        assertEquals(6, validity.getInt("validComplaints"), "8001, 8002, 8003 (23:30), 8005, 8006, 8010");
        assertEquals(keys(q3.getJsonObject("figures"), "RESPONSIBLE_DEPARTMENT"),
                Map.of("engineering", 3L, "cleaning", 2L, "security", 2L, "finance", 1L, "_external", 1L),
                "8003 and 8005 attributed to cleaning, 8010 external; registered counts");
        assertEquals(Map.of("Q栋", 4L, "R栋", 3L, "null", 2L), keys(q3.getJsonObject("figures"), "BUILDING"));

        // Main causes: top categories, recurring in a unit, for a resident without one, a building.
        Map<String, List<String>> causes = new LinkedHashMap<>();
        for (JsonValue value : q3.getJsonArray("causes")) {
            causes.put(value.asJsonObject().getString("key"),
                    strings(value.asJsonObject().getJsonArray("caseNumbers")));
        }
        assertEquals(expectedCauses(), causes);

        // The supervisor's analysis of a cause, shown with it.
        String building = "BUILDING|Q栋|leak";
        HttpResponse<String> analysed = boss.send("PUT", HUIJING + "/reports/quarterly/" + Q3 + "/analysis",
                "application/json", "{\"cause\":\"" + building + "\",\"text\":\"Q栋屋面防水老化，雨季集中渗漏。\"}");
        assertEquals(200, analysed.statusCode(), analysed.body());
        assertEquals("Q栋屋面防水老化，雨季集中渗漏。", cause(PortalClient.json(analysed), building)
                .getString("analysis"));
        assertEquals(422, boss.send("PUT", HUIJING + "/reports/quarterly/" + Q3 + "/analysis", "application/json",
                "{\"cause\":\"BUILDING|Z栋|leak\",\"text\":\"无\"}").statusCode(), "not a cause of the quarter");

        // Actions: bad input refused, translated, nothing saved.
        LocalDate due = LocalDate.now(SHANGHAI).plusDays(30);
        for (String language : List.of("zh-CN", "en")) {
            HttpResponse<String> past = boss.language(language).postJson(HUIJING + "/reports/actions",
                    action(Q3, "engineering", "huijing.engineer", LocalDate.now(SHANGHAI).minusDays(1), building));
            assertEquals(422, past.statusCode(), past.body());
            String errors = PortalClient.json(past).getJsonArray("errors").toString();
            assertTrue(errors.contains("\"dueDate\"") && errors.contains(language.equals("en") ? "before today"
                    : "不能早于今天"), errors);
        }
        assertEquals(422, boss.postJson(HUIJING + "/reports/actions", action(Q3, "engineering", "huijing.engineer",
                due, "UNIT|Q栋|999|leak")).statusCode(), "an unknown cause");
        assertEquals(422, boss.postJson(HUIJING + "/reports/actions", action(Q3, "no-such", "nobody", due, building))
                .statusCode(), "unknown department and owner");
        assertEquals(0, PortalClient.jsonArray(boss.get(HUIJING + "/reports/actions?quarter=" + Q3)).size(),
                "nothing saved");
        assertEquals(422, boss.get(HUIJING + "/reports/quarterly/2023-Q5").statusCode());
        assertEquals(422, boss.get(HUIJING + "/reports/actions?quarter=2023Q3").statusCode());
        assertEquals(404, boss.get(HUIJING + "/reports/quarterly/2031-Q1").statusCode(), "not begun");
        assertEquals(404, boss.get(HUIJING + "/reports/actions/" + Q3 + "-99").statusCode());

        HttpResponse<String> leaks = boss.postJson(HUIJING + "/reports/actions", action(Q3, "engineering",
                "huijing.engineer", due, building));
        assertEquals(201, leaks.statusCode(), leaks.body());
        JsonObject leakAction = PortalClient.json(leaks);
        assertEquals(Q3 + "-1", leakAction.getString("ref"));
        assertEquals("OPEN", leakAction.getString("status"));
        HttpResponse<String> noise = boss.postJson(HUIJING + "/reports/actions", action(Q3, "security",
                "huijing.staff", due, "RESIDENT|13700000001|noise"));
        assertEquals(201, noise.statusCode(), noise.body());

        // Open → verified skips a step: 409, translated, with the step allowed.
        for (String language : List.of("zh-CN", "en")) {
            HttpResponse<String> skip = boss.language(language).postJson(HUIJING + "/reports/actions/" + Q3
                    + "-1/status", "{\"status\":\"VERIFIED\",\"version\":" + leakAction.getInt("version") + "}");
            assertEquals(409, skip.statusCode(), skip.body());
            assertTrue(PortalClient.json(skip).getString("detail")
                    .contains(language.equals("en") ? "the next step is DONE" : "下一步只能是 DONE"), skip.body());
        }
        HttpResponse<String> done = boss.postJson(HUIJING + "/reports/actions/" + Q3 + "-1/status",
                "{\"status\":\"DONE\",\"version\":" + leakAction.getInt("version") + "}");
        assertEquals(200, done.statusCode(), done.body());
        assertEquals("DONE", PortalClient.json(done).getString("status"));

        // The next quarter's report checks them: the leaks came back in Q栋 (8004, ten minutes into October); the
        // resident's noise did not (8011 is somebody else's).
        JsonObject q4 = report(boss, Q4);
        Map<String, JsonObject> checked = new HashMap<>();
        q4.getJsonArray("lastQuarterActions").forEach(v -> checked.put(v.asJsonObject().getString("ref"),
                v.asJsonObject()));
        JsonObject leakCheck = checked.get(Q3 + "-1");
        assertTrue(leakCheck.getBoolean("causeRecurred"), leakCheck.toString());
        assertEquals(List.of("202310-8004"), strings(leakCheck.getJsonObject("recurrences").getJsonArray(building)));
        assertTrue(leakCheck.getBoolean("doneOnTime"), "done before its due date");
        JsonObject noiseCheck = checked.get(Q3 + "-2");
        assertFalse(noiseCheck.getBoolean("causeRecurred"), noiseCheck.toString());
        assertTrue(noiseCheck.isNull("doneOnTime"), "open and not yet due");
        assertEquals(Q3 + "-1", report(boss, Q3).getJsonArray("actions").getJsonObject(0).getString("ref"));
    }

    private static Map<String, List<String>> expectedCauses() {
        Map<String, List<String>> causes = expectedCauses(CASES, LocalDate.of(2023, 7, 1), LocalDate.of(2023, 10, 1));
        // As written down: leak ×3, noise ×2, billing ×1; 101 leaked twice; 13700000001 twice noise; Q栋 leaks.
        assertEquals(List.of("CATEGORY|leak", "CATEGORY|noise", "CATEGORY|billing", "UNIT|Q栋|101|leak",
                "RESIDENT|13700000001|noise", "BUILDING|Q栋|leak"), new ArrayList<>(causes.keySet()));
        return causes;
    }

    /**
     * The main causes docs/REPORTS.md defines, counted from {@code cases} registered in [{@code from}, {@code to}) in
     * Shanghai: each cause's key → all its case numbers, registered first first (ties: by number).
     */
    private static Map<String, List<String>> expectedCauses(List<Seed> cases, LocalDate from, LocalDate to) {
        Map<String, List<String>> causes = new LinkedHashMap<>();
        List<Seed> valid = cases.stream().filter(c -> registeredIn(c, from, to) && c.validComplaint())
                .sorted(Comparator.comparing((Seed c) -> c.at(Seed::registered)).thenComparing(Seed::number)).toList();
        Map<String, List<String>> byCategory = group(valid, c -> c.category());
        byCategory.entrySet().stream().sorted((a, b) -> a.getValue().size() != b.getValue().size()
                ? b.getValue().size() - a.getValue().size() : a.getKey().compareTo(b.getKey())).limit(3)
                .forEach(e -> causes.put("CATEGORY|" + e.getKey(), e.getValue()));
        group(valid.stream().filter(c -> c.unit() != null).toList(), c -> "UNIT|" + c.building() + "|" + c.unit()
                + "|" + c.category()).forEach((k, v) -> {
                    if (v.size() >= 2) {
                        causes.put(k, v);
                    }
                });
        group(valid.stream().filter(c -> c.unit() == null).toList(), c -> "RESIDENT|" + c.phone() + "|"
                + c.category()).forEach((k, v) -> {
                    if (v.size() >= 2) {
                        causes.put(k, v);
                    }
                });
        Map<String, List<Seed>> buildings = valid.stream().filter(c -> c.unit() != null).collect(Collectors.groupingBy(
                c -> "BUILDING|" + c.building() + "|" + c.category(), TreeMap::new, Collectors.toList()));
        buildings.forEach((k, v) -> {
            if (v.size() >= 3 && v.stream().map(Seed::unit).distinct().count() >= 2) {
                causes.put(k, v.stream().map(Seed::number).toList());
            }
        });
        return causes;
    }

    private static Map<String, List<String>> group(List<Seed> cases, Function<Seed, String> key) {
        return cases.stream().collect(Collectors.groupingBy(key, TreeMap::new,
                Collectors.mapping(Seed::number, Collectors.toList())));
    }

    private static boolean registeredIn(Seed c, LocalDate from, LocalDate to) {
        Instant at = c.at(Seed::registered);
        return !at.isBefore(from.atStartOfDay(SHANGHAI).toInstant()) && at.isBefore(to.atStartOfDay(SHANGHAI)
                .toInstant());
    }

    @Test
    @Order(3)
    void theGeneralManagerApprovesAndThePublishedReportNoLongerChangesAndPrintsItsFigures() throws SQLException,
            IOException {
        seedOnce();
        PortalClient admin = client("huijing.admin");
        JsonObject office = PortalClient.json(admin.get(HUIJING + "/settings/office"));
        HttpResponse<String> named = admin.putJson(HUIJING + "/settings/office", "{\"manager\":\"huijing.supervisor\","
                + "\"generalManager\":\"huijing.supervisor\",\"version\":" + office.getInt("version") + "}");
        assertEquals(200, named.statusCode(), named.body());
        assertEquals("huijing.supervisor", PortalClient.json(named).getString("generalManager"));
        assertEquals(422, admin.putJson(HUIJING + "/settings/office", "{\"generalManager\":\"huijing.staff\","
                + "\"version\":" + PortalClient.json(named).getInt("version") + "}").statusCode(),
                "a general manager is a supervisor");

        PortalClient boss = client("huijing.supervisor");
        assertEquals(404, boss.postJson(HUIJING + "/reports/quarterly/" + Q4 + "/approve", "{}").statusCode(),
                "nobody wrote in the fourth quarter's report yet");
        // Another supervisor prepares it: the general manager does not approve their own submission (see below).
        HttpResponse<String> submitted = submitAsDeputy(Q3);
        assertEquals(200, submitted.statusCode(), submitted.body());
        assertEquals(409, boss.postJson(HUIJING + "/reports/quarterly/" + Q3 + "/submit", "{}").statusCode(),
                "submitted already");
        assertEquals(403, client("huijing.staff").postJson(HUIJING + "/reports/quarterly/" + Q3 + "/approve", "{}")
                .statusCode());
        HttpResponse<String> approved = boss.postJson(HUIJING + "/reports/quarterly/" + Q3 + "/approve", "{}");
        assertEquals(200, approved.statusCode(), approved.body());
        assertEquals("PUBLISHED", PortalClient.json(approved).getString("status"));
        JsonObject published = report(boss, Q3);
        assertEquals("PUBLISHED", published.getString("status"));
        assertEquals("huijing.supervisor", published.getString("approvedBy"));

        // A case of the quarter changes: the published report does not; the live figures do.
        try (Connection db = PostgresServer.kefuDatabase(); PreparedStatement sql = db.prepareStatement(
                "UPDATE complaint SET category_code = 'billing', unit_id = NULL WHERE case_number = '202307-8001' "
                        + "AND tenant_id = (SELECT id FROM tenant WHERE slug = ?)")) {
            sql.setString(1, SLUG);
            assertEquals(1, sql.executeUpdate());
        }
        assertNotEquals(published.getJsonObject("figures").getJsonObject("breakdowns"), PortalClient.json(
                boss.get(HUIJING + "/reports/figures?from=2023-07-01&to=2023-09-30")).getJsonObject("breakdowns"),
                "the live figures moved");
        assertEquals(published, report(boss, Q3), "the published report did not");
        assertEquals(409, boss.send("PUT", HUIJING + "/reports/quarterly/" + Q3 + "/analysis", "application/json",
                "{\"cause\":\"BUILDING|Q栋|leak\",\"text\":\"改\"}").statusCode());
        assertEquals(409, boss.postJson(HUIJING + "/reports/actions", action(Q3, "engineering", "huijing.engineer",
                LocalDate.now(SHANGHAI).plusDays(3), "CATEGORY|noise")).statusCode());

        // The PDF: the Chinese title, the tenant's name, the figures, the cases and the approval.
        String valid = String.valueOf(published.getJsonObject("figures").getJsonObject("validity")
                .getInt("validComplaints"));
        HttpResponse<byte[]> pdf = boss.language("zh-CN").download(HUIJING + "/reports/quarterly/" + Q3 + "/pdf");
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            for (String expected : List.of("用户投诉分析报告", "汇景物业", Q3, "有效投诉", "202307-8001", "Q栋",
                    "Q栋屋面防水老化", "总经理审批", "huijing.supervisor", "第 1 页")) {
                assertTrue(text.contains(expected), expected + " in\n" + text);
            }
            assertTrue(text.contains("有效投诉 " + valid), "the valid complaints' count in the summary:\n" + text);
        }

        // The workbook: a sheet per section, typed cells with the same figures.
        HttpResponse<byte[]> xlsx = boss.language("zh-CN").download(HUIJING + "/reports/quarterly/" + Q3 + "/xlsx");
        assertEquals(200, xlsx.statusCode());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet summary = workbook.getSheet("季度概况");
            Map<String, Double> figures = new HashMap<>();
            for (Row row : summary) {
                if (row.getRowNum() > 0 && row.getCell(1) != null) {
                    figures.put(row.getCell(0).getStringCellValue(), row.getCell(1).getNumericCellValue());
                }
            }
            JsonObject f = published.getJsonObject("figures");
            assertEquals(f.getInt("registered"), figures.get("登记"), 1e-9);
            assertEquals(f.getInt("closed"), figures.get("结案"), 1e-9);
            assertEquals(f.getJsonObject("validity").getInt("validComplaints"), figures.get("有效投诉"), 1e-9);
            Sheet causes = workbook.getSheet("主要原因");
            assertTrue(causes.getPhysicalNumberOfRows() == 1 + published.getJsonArray("causes").size(),
                    "a row per cause");
            assertEquals(3, workbook.getSheet("纠正和预防措施").getPhysicalNumberOfRows(), "a header, two actions");
        }
    }

    // --- another tenant ------------------------------------------------------------------------------------

    @Test
    @Order(4)
    void anotherTenantsPeopleGetNothingByPeriodOrByReference() throws SQLException {
        seedOnce();
        for (String stranger : List.of("riverside.supervisor", "riverside.staff", "riverside.admin")) {
            PortalClient intruder = client(stranger);
            for (String path : List.of("/reports/quarterly", "/reports/quarterly/" + Q3, "/reports/quarterly/" + Q3
                    + "/pdf", "/reports/quarterly/" + Q3 + "/xlsx", "/reports/actions?quarter=" + Q3,
                    "/reports/actions/" + Q3 + "-1")) {
                int status = intruder.get(HUIJING + path).statusCode();
                assertTrue(status == 403 || status == 404, stranger + " " + path + ": " + status);
            }
            for (String path : List.of("/reports/quarterly/" + Q4 + "/submit", "/reports/quarterly/" + Q3
                    + "/approve", "/reports/actions/" + Q3 + "-2/status")) {
                int status = intruder.postJson(HUIJING + path, "{\"status\":\"DONE\",\"version\":0}").statusCode();
                assertTrue(status == 403 || status == 404, stranger + " " + path + ": " + status);
            }
            // Under their own tenant's path our report and actions are not there.
            PortalClient own = client(stranger);
            if (stranger.equals("riverside.supervisor")) {
                assertEquals(404, own.get("/api/v1/tenants/riverside-mall/reports/actions/" + Q3 + "-1").statusCode());
                JsonObject theirs = PortalClient.json(own.get("/api/v1/tenants/riverside-mall/reports/quarterly/"
                        + Q3));
                assertEquals(0, theirs.getJsonArray("actions").size());
                assertFalse(theirs.toString().contains("202307-8001"));
            }
        }
        PortalClient boss = client("huijing.supervisor");
        assertEquals("DONE", PortalClient.json(boss.get(HUIJING + "/reports/actions/" + Q3 + "-1"))
                .getString("status"), "nothing changed");
        assertEquals("OPEN", PortalClient.json(boss.get(HUIJING + "/reports/actions/" + Q3 + "-2"))
                .getString("status"));
    }

    @Test
    @Order(5)
    void anActionOpenPastItsDueDateTellsItsOwnerAndTheManagerOnce() throws SQLException, InterruptedException {
        seedOnce();
        PortalClient boss = client("huijing.supervisor");
        assertEquals("OPEN", PortalClient.json(boss.get(HUIJING + "/reports/actions/" + Q3 + "-2")).getString("status"),
                "the resident's noise action, owned by huijing.staff");
        // Its due date passes (the API refuses a due date in the past, so the test moves it).
        try (Connection db = PostgresServer.kefuDatabase(); PreparedStatement sql = db.prepareStatement(
                "UPDATE corrective_action SET due_date = DATE '2023-12-31' WHERE quarter = ? AND seq = 2 "
                        + "AND tenant_id = (SELECT id FROM tenant WHERE slug = ?)")) {
            sql.setString(1, Q3);
            sql.setString(2, SLUG);
            assertEquals(1, sql.executeUpdate());
        }
        String ref = Q3 + "-2";
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(100).toNanos();
        while (overdueNotices(client("huijing.staff"), ref) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertEquals(1, overdueNotices(client("huijing.staff"), ref), "the owner is told");
        assertEquals(1, overdueNotices(boss, ref), "the manager is told");
        assertTrue(PortalClient.json(boss.get(HUIJING + "/reports/actions/" + ref)).getBoolean("overdue"));
        try (Connection db = PostgresServer.kefuDatabase(); PreparedStatement sql = db.prepareStatement(
                "SELECT overdue_noticed_at FROM corrective_action WHERE quarter = ? AND seq = 2 "
                        + "AND tenant_id = (SELECT id FROM tenant WHERE slug = ?)")) {
            sql.setString(1, Q3);
            sql.setString(2, SLUG);
            try (ResultSet row = sql.executeQuery()) {
                assertTrue(row.next() && row.getObject(1) != null, "remembered: the next rounds tell nobody again");
            }
        }
        assertEquals(0, overdueNotices(client("huijing.engineer"), ref), "nobody else");
    }

    private static long overdueNotices(PortalClient client, String ref) {
        return PortalClient.json(client.get(HUIJING + "/notices")).getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).filter(n -> n.getString("kind").equals("ACTION_OVERDUE")
                        && n.getString("caseNumber").equals(ref)).count();
    }

    @Test
    @Order(6)
    void aSupervisorWritesTheAnalysisAndCommitsAnActionOnThePage() throws SQLException {
        seedOnce();
        String path = "/t/" + SLUG + "/staff/quarterly?q=" + Q4;
        assertEquals(403, PortalClient.loggedIn(base, SLUG, "huijing.staff", PASSWORD).get(path).statusCode(),
                "supervisors only");
        PortalClient page = PortalClient.loggedIn(base, SLUG, "huijing.supervisor", PASSWORD);
        String html = page.get(path).body();
        assertTrue(html.contains("202310-8004") && html.contains(Q3 + "-1"), "the quarter's cases and last "
                + "quarter's actions on the page");
        java.util.regex.Matcher box = java.util.regex.Pattern.compile("name=\"(quarterly:[^\"]*:0:text)\"")
                .matcher(html);
        assertTrue(box.find(), "an analysis box per cause");
        String text = box.group(1);
        String save = text.replace(":text", ":save");
        Map<String, String> analysis = ajax(html, save, save + " " + text, "quarterly");
        analysis.put("quarterly", "quarterly");
        analysis.put(text, "账单解释不清，收费公示需更新。");
        assertEquals(200, page.postForm(path, analysis).statusCode());
        JsonObject q4 = report(client("huijing.supervisor"), Q4);
        String first = q4.getJsonArray("causes").getJsonObject(0).getString("key");
        assertEquals("账单解释不清，收费公示需更新。", cause(q4, first).getString("analysis"), "saved from the page");

        // An action with a due date in the past: the message at the field, nothing saved; then a good one.
        Map<String, String> action = ajax(html, "action:commit", "action", "action quarterly");
        action.put("action", "action");
        action.put("action:departmentCode_input", "engineering");
        action.put("action:owner_input", "huijing.engineer");
        action.put("action:description", "Q栋屋面排查");
        action.put("action:causes", "CATEGORY|leak");
        action.put("action:cases", "202310-8004");
        action.put("action:dueDate_input", LocalDate.now(SHANGHAI).minusDays(2).toString());
        HttpResponse<String> refused = page.postForm(path, action);
        assertEquals(200, refused.statusCode());
        assertTrue(refused.body().contains("不能早于今天") || refused.body().contains("before today"), refused.body());
        assertEquals(0, PortalClient.jsonArray(client("huijing.supervisor").get(HUIJING + "/reports/actions?quarter="
                + Q4)).size(), "nothing saved");
        action.put("action:dueDate_input", LocalDate.now(SHANGHAI).plusDays(20).toString());
        assertEquals(200, page.postForm(path, action).statusCode());
        JsonArray committed = PortalClient.jsonArray(client("huijing.supervisor").get(HUIJING
                + "/reports/actions?quarter=" + Q4));
        assertEquals(1, committed.size(), "committed from the page");
        assertEquals(List.of("CATEGORY|leak"), strings(committed.getJsonObject(0).getJsonArray("causes")));
        assertEquals("huijing.engineer", committed.getJsonObject(0).getString("owner"));
    }

    // --- a cause with more cases than a report lists -----------------------------------------------------------

    /** docs/REPORTS.md, "Main causes": at most this many case numbers listed per cause. */
    static final int LISTED = 100;

    /**
     * 103 valid leaks in the first quarter of 2022 from two units of one building, three at a time registered in the
     * same minute, numbered out of registration order and written in reverse: each cause counts all of them and
     * lists the first hundred registered (ties: by number), none from another quarter or an invalid case.
     */
    @Test
    @Order(7)
    void aCauseCountsAllItsCasesAndListsTheFirstHundredRegistered() throws SQLException {
        PortalClient.awaitReady(base);
        List<Seed> many = new ArrayList<>();
        LocalDateTime first = LocalDateTime.of(2022, 1, 10, 10, 0);
        for (int i = 0; i < 103; i++) {
            many.add(new Seed("202201-" + (9100 + i * 37 % 103), "COMPLAINT", "leak", "engineering", null, "ORDINARY",
                    "PHONE", "IN_PROGRESS", "S栋", i % 2 == 0 ? "301" : "302", "13700000031",
                    first.plusHours(i / 3).toString(), null));
        }
        // Registered before all of them in the same unit, but not upheld; and one the quarter after.
        many.add(new Seed("202201-9300", "COMPLAINT", "leak", "engineering", null, "ORDINARY", "PHONE",
                "NOT_UPHELD", "S栋", "301", "13700000031", "2022-01-01T08:00", "2022-01-05T08:00"));
        many.add(new Seed("202204-9301", "COMPLAINT", "leak", "engineering", null, "ORDINARY", "PHONE",
                "IN_PROGRESS", "S栋", "301", "13700000031", "2022-04-01T00:10", null));
        try (Connection db = PostgresServer.kefuDatabase()) {
            db.setAutoCommit(false);
            long tenant = CaseSeed.tenant(db, SLUG);
            Map<String, Long> units = Map.of("301", CaseSeed.unit(db, tenant, "S栋", "301"),
                    "302", CaseSeed.unit(db, tenant, "S栋", "302"));
            for (int i = many.size() - 1; i >= 0; i--) {
                Seed c = many.get(i);
                Instant registered = c.at(Seed::registered);
                CaseSeed.of(c.number(), c.kind(), registered).category(c.category()).status(c.status())
                        .departments(c.department(), null).phone(c.phone()).unit(units.get(c.unit()))
                        .due(registered.plusSeconds(3_600), registered.plusSeconds(7 * 86_400))
                        .closed(c.at(Seed::closed)).insert(db, tenant);
            }
            db.commit();
        }

        Map<String, List<String>> expected = expectedCauses(many, LocalDate.of(2022, 1, 1), LocalDate.of(2022, 4, 1));
        assertEquals(List.of("CATEGORY|leak", "UNIT|S栋|301|leak", "UNIT|S栋|302|leak", "BUILDING|S栋|leak"),
                new ArrayList<>(expected.keySet()), "as written down");
        JsonArray causes = report(client("huijing.supervisor"), "2022-Q1").getJsonArray("causes");
        assertEquals(expected.size(), causes.size(), causes.toString());
        for (JsonValue value : causes) {
            JsonObject cause = value.asJsonObject();
            List<String> numbers = expected.get(cause.getString("key"));
            assertEquals(numbers.size(), cause.getJsonNumber("count").longValue(), cause.getString("key"));
            assertEquals(numbers.subList(0, Math.min(LISTED, numbers.size())),
                    strings(cause.getJsonArray("caseNumbers")), cause.getString("key"));
        }
    }

    /** A PrimeFaces ajax post of {@code source}, executing and rendering the ids given. */
    private static Map<String, String> ajax(String html, String source, String execute, String render) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("jakarta.faces.partial.ajax", "true");
        form.put("jakarta.faces.source", source);
        form.put("jakarta.faces.partial.execute", execute);
        form.put("jakarta.faces.partial.render", render);
        form.put(source, source);
        form.put("jakarta.faces.ViewState", PortalClient.viewState(html));
        return form;
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    /** The figures as this test counts them from its rows (docs/REPORTS.md): registrations, closings, validity. */
    static final class Expected {
        final Instant start;
        final Instant end;

        Expected(LocalDate from, LocalDate to) {
            start = from.atStartOfDay(SHANGHAI).toInstant();
            end = to.plusDays(1).atStartOfDay(SHANGHAI).toInstant();
        }

        boolean in(Instant at) {
            return at != null && !at.isBefore(start) && at.isBefore(end);
        }

        void check(JsonObject got) {
            String label = got.getString("from") + ".." + got.getString("to") + ": ";
            Predicate<Seed> registered = c -> in(c.at(Seed::registered));
            Predicate<Seed> closed = c -> in(c.at(Seed::closed));
            assertEquals(count(registered), got.getInt("registered"), label + "registered");
            assertEquals(count(closed), got.getInt("closed"), label + "closed");
            for (String status : List.of("CLOSED", "NOT_UPHELD", "WITHDRAWN")) {
                assertEquals(count(c -> closed.test(c) && c.status().equals(status)),
                        got.getJsonObject("closedBy").getInt(status), label + status);
            }
            assertEquals(count(c -> registered.test(c) && c.validComplaint()),
                    got.getJsonObject("validity").getInt("validComplaints"), label + "valid");
            Map<String, Function<Seed, String>> dimensions = new LinkedHashMap<>();
            dimensions.put("CATEGORY", Seed::category);
            dimensions.put("DEPARTMENT", Seed::department);
            dimensions.put("RESPONSIBLE_DEPARTMENT", Seed::responsibleDepartment);
            dimensions.put("SEVERITY", Seed::severity);
            dimensions.put("CHANNEL", Seed::channel);
            dimensions.put("KIND", Seed::kind);
            dimensions.put("BUILDING", Seed::building);
            dimensions.forEach((dimension, key) -> assertEquals(Breakdowns.counted(CASES, key, registered, closed,
                    c -> registered.test(c) && c.validComplaint()), Breakdowns.answered(got, dimension),
                    label + "breakdown by " + dimension));
        }

        long count(Predicate<Seed> which) {
            return CASES.stream().filter(which).count();
        }
    }

    private static Map<String, Long> keys(JsonObject figures, String dimension) {
        Map<String, Long> registered = new HashMap<>();
        for (JsonValue value : figures.getJsonObject("breakdowns").getJsonArray(dimension)) {
            JsonObject group = value.asJsonObject();
            if (group.getJsonNumber("registered").longValue() > 0) {
                registered.put(group.isNull("key") ? "null" : group.getString("key"),
                        group.getJsonNumber("registered").longValue());
            }
        }
        return registered;
    }

    private static JsonObject cause(JsonObject report, String key) {
        return report.getJsonArray("causes").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("key").equals(key)).findFirst().orElseThrow();
    }

    private static String action(String quarter, String department, String owner, LocalDate due, String cause) {
        return "{\"quarter\":\"" + quarter + "\",\"departmentCode\":\"" + department + "\",\"description\":"
                + "\"屋面防水翻新，雨季前完成\",\"owner\":\"" + owner + "\",\"dueDate\":\"" + due + "\",\"causes\":[\""
                + cause + "\"],\"cases\":[\"202309-8003\"]}";
    }

    private static JsonObject report(PortalClient client, String quarter) {
        HttpResponse<String> got = client.get(HUIJING + "/reports/quarterly/" + quarter);
        assertEquals(200, got.statusCode(), got.body());
        return PortalClient.json(got);
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    /**
     * Closes what the seeds of 2022 and 2023 left open, a day after each was registered. The test run's classes share
     * one database, and a case left open in 2023 is carried over into every later period: ReportFiguresIT's 2025
     * figures counted 108 of them when this class ran first.
     */
    @AfterAll
    static void closeTheSeedsLeftOpen() throws SQLException {
        try (Connection db = PostgresServer.kefuDatabase(); PreparedStatement sql = db.prepareStatement(
                "UPDATE complaint SET status = 'CLOSED', closed_at = registered_at + INTERVAL '1 day' "
                        + "WHERE tenant_id = ? AND closed_at IS NULL AND registered_at < TIMESTAMP WITH TIME ZONE "
                        + "'2024-01-01 00:00:00+08' AND (case_number LIKE '2022%' OR case_number LIKE '2023%')")) {
            sql.setLong(1, CaseSeed.tenant(db, SLUG));
            sql.executeUpdate();
        }
    }

    /** Writes the register's units and the cases once, as the superuser (as the workflow would have left them). */
    private void seedOnce() throws SQLException {
        PortalClient.awaitReady(base);
        synchronized (QuarterlyReportIT.class) {
            if (seeded) {
                return;
            }
            try (Connection db = PostgresServer.kefuDatabase()) {
                db.setAutoCommit(false);
                long tenant = CaseSeed.tenant(db, SLUG);
                Map<String, Long> units = new HashMap<>();
                for (String unit : List.of("Q栋|101", "Q栋|102", "Q栋|103", "Q栋|104", "R栋|201", "R栋|202")) {
                    String[] parts = unit.split("\\|");
                    units.put(unit, CaseSeed.unit(db, tenant, parts[0], parts[1]));
                }
                for (Seed c : CASES) {
                    Instant registered = c.at(Seed::registered);
                    CaseSeed.of(c.number(), c.kind(), registered).description("季度分析测试").category(c.category())
                            .severity(c.severity()).channel(c.channel()).status(c.status())
                            .departments(c.department(), c.responsible()).phone(c.phone())
                            .unit(c.unit() == null ? null : units.get(c.building() + "|" + c.unit()))
                            .due(registered.plusSeconds(3_600), registered.plusSeconds(7 * 86_400))
                            .firstResponded(registered.plusSeconds(600)).closed(c.at(Seed::closed)).insert(db, tenant);
                }
                db.commit();
            }
            seeded = true;
        }
    }

    // --- corrections of the published report (revisions with reason) -----------------------------------------

    static final String DEPUTY = "huijing.engineer";
    static final String REASON = "9 月 30 日晚的漏水投诉归属有误，按复核结果更正";

    @Test
    @Order(8)
    void aCorrectionIsRevisionTwoWithItsReasonAndRevisionOneStaysAsApproved() throws Exception {
        seedOnce();
        PortalClient boss = client("huijing.supervisor");
        String q3 = HUIJING + "/reports/quarterly/" + Q3;
        JsonObject first = withoutRevisions(report(boss, Q3));
        assertEquals("PUBLISHED", first.getString("status"), "published by the approval above");
        assertEquals(1, first.getInt("revision"));
        assertEquals(first, withoutRevisions(PortalClient.json(boss.get(q3 + "/revisions/1"))));

        // A case of the quarter changes again: revision 1 does not.
        try (Connection db = PostgresServer.kefuDatabase(); PreparedStatement sql = db.prepareStatement(
                "UPDATE complaint SET severity = 'MAJOR', channel = 'ONLINE' WHERE case_number = '202308-8006' "
                        + "AND tenant_id = (SELECT id FROM tenant WHERE slug = ?)")) {
            sql.setString(1, SLUG);
            assertEquals(1, sql.executeUpdate());
        }
        assertEquals(first, withoutRevisions(report(boss, Q3)));

        // Bad input: a translated problem naming the reason, nothing saved.
        for (String language : List.of("en", "zh-CN")) {
            for (String body : List.of("{}", "{\"reason\":\"   \"}", "{\"reason\":\"" + "因".repeat(1_001) + "\"}")) {
                HttpResponse<String> refused = boss.language(language).postJson(q3 + "/revisions", body);
                assertEquals(422, refused.statusCode(), body + ": " + refused.body());
                assertTrue(refused.headers().firstValue("Content-Type").orElse("")
                        .startsWith("application/problem+json"), refused.headers().toString());
                JsonObject problem = PortalClient.json(refused);
                JsonObject error = problem.getJsonArray("errors").getJsonObject(0);
                assertEquals("reason", error.getString("field"), refused.body());
                assertTrue(error.getString("message").matches(language.equals("en") ? "[ -~]+" : ".*[\u4e00-\u9fff].*"),
                        "translated: " + refused.body());
            }
        }
        assertEquals(400, boss.postJson(q3 + "/revisions", "{\"reason\":").statusCode(), "malformed JSON");
        assertEquals(403, client("huijing.staff").postJson(q3 + "/revisions", "{\"reason\":\"改\"}").statusCode(),
                "supervisors only");
        assertEquals(1, PortalClient.jsonArray(boss.get(q3 + "/revisions")).size(), "nothing half-saved");

        // The correction: revision 2, a draft with its reason, counted live again; revision 1 kept.
        HttpResponse<String> revised = boss.postJson(q3 + "/revisions", "{\"reason\":\"  " + REASON + " \"}");
        assertEquals(201, revised.statusCode(), revised.body());
        JsonObject second = PortalClient.json(revised);
        assertEquals(2, second.getInt("revision"));
        assertEquals("DRAFT", second.getString("status"));
        assertEquals(REASON, second.getString("reason"));
        assertEquals(List.of(2, 1), second.getJsonArray("revisions").stream()
                .map(r -> r.asJsonObject().getInt("revision")).toList());
        // The leaks of Q栋 were three in revision 1; one of them is billing now, so the correction counts no such
        // cause (and drops its analysis from view) while revision 1 keeps it with its analysis.
        String building = "BUILDING|Q栋|leak";
        assertEquals("Q栋屋面防水老化，雨季集中渗漏。", cause(first, building).getString("analysis"));
        assertTrue(second.getJsonArray("causes").stream().noneMatch(c -> c.asJsonObject().getString("key")
                .equals(building)), second.getJsonArray("causes").toString());
        assertNotEquals(first.getJsonObject("figures"), second.getJsonObject("figures"), "counted live again");
        assertEquals(409, boss.postJson(q3 + "/revisions", "{\"reason\":\"再改\"}").statusCode(),
                "a draft is not corrected");
        String key = second.getJsonArray("causes").getJsonObject(0).getString("key");
        assertEquals(200, boss.send("PUT", q3 + "/analysis", "application/json", "{\"cause\":\"" + key
                + "\",\"text\":\"复核后更正的分析\"}").statusCode());
        assertEquals(first, withoutRevisions(PortalClient.json(boss.get(q3 + "/revisions/1"))), "revision 1 kept");

        // The submitter of revision 2 may not approve it: 409, translated; another supervisor submits it.
        assertEquals(200, boss.postJson(q3 + "/submit", "{}").statusCode());
        HttpResponse<String> own = boss.language("en").postJson(q3 + "/approve", "{}");
        assertEquals(409, own.statusCode(), own.body());
        assertTrue(PortalClient.json(own).getString("detail").contains("Whoever submitted"), own.body());
        HttpResponse<String> ownZh = boss.language("zh-CN").postJson(q3 + "/approve", "{}");
        assertEquals(409, ownZh.statusCode(), ownZh.body());
        assertTrue(PortalClient.json(ownZh).getString("detail").contains("提交人不能审批"), ownZh.body());
        assertEquals("SUBMITTED", report(boss, Q3).getString("status"), "not approved");
        assertEquals(200, boss.postJson(q3 + "/send-back", "{}").statusCode());
        assertEquals(200, submitAsDeputy(Q3).statusCode());
        HttpResponse<String> approved = boss.postJson(q3 + "/approve", "{}");
        assertEquals(200, approved.statusCode(), approved.body());
        assertEquals(2, PortalClient.json(approved).getInt("revision"));

        JsonObject published = report(boss, Q3);
        assertEquals(2, published.getInt("revision"));
        assertEquals("PUBLISHED", published.getString("status"));
        assertEquals(REASON, published.getString("reason"));
        assertEquals(DEPUTY, published.getString("preparedBy"));
        assertEquals("huijing.supervisor", published.getString("approvedBy"));
        assertEquals("复核后更正的分析", cause(published, key).getString("analysis"));
        assertEquals(withoutRevisions(published), withoutRevisions(PortalClient.json(boss.get(q3 + "/revisions/2"))));
        JsonObject one = withoutRevisions(PortalClient.json(boss.get(q3 + "/revisions/1")));
        assertEquals(first, one, "revision 1 exactly as it was published");
        JsonArray listed = PortalClient.jsonArray(boss.get(q3 + "/revisions"));
        assertEquals(List.of("PUBLISHED", "PUBLISHED"), listed.stream().map(r -> r.asJsonObject()
                .getString("status")).toList());
        assertEquals(JsonValue.NULL, listed.getJsonObject(1).get("reason"));

        // Each revision prints as it was published.
        String firstPdf = pdfText(boss.language("zh-CN").download(q3 + "/pdf?revision=1"));
        assertTrue(firstPdf.contains("第1版") && !firstPdf.contains("更正原因"), firstPdf);
        String secondPdf = pdfText(boss.language("zh-CN").download(q3 + "/pdf"));
        assertTrue(secondPdf.contains(("更正原因：" + REASON).replaceAll("\\s+", "")) && secondPdf.contains("第2版")
                && secondPdf.contains(DEPUTY), secondPdf);
        for (int revision : List.of(1, 2)) {
            HttpResponse<byte[]> xlsx = boss.language("zh-CN").download(q3 + "/xlsx?revision=" + revision);
            assertEquals(200, xlsx.statusCode());
            assertTrue(xlsx.headers().firstValue("Content-Disposition").orElse("").contains("-r" + revision));
            JsonObject f = (revision == 1 ? first : published).getJsonObject("figures");
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
                Sheet summary = workbook.getSheet("季度概况");
                for (Row row : summary) {
                    if (row.getCell(0) != null && row.getCell(0).getStringCellValue().equals("登记")) {
                        assertEquals(f.getInt("registered"), row.getCell(1).getNumericCellValue(), 1e-9);
                    }
                }
            }
        }

        // Unknown revisions are 404 problems, by path and by query.
        for (String path : List.of("/revisions/3", "/revisions/0", "/revisions/x", "/revisions/99999",
                "/pdf?revision=3", "/xlsx?revision=abc")) {
            HttpResponse<String> missing = boss.get(q3 + path);
            assertEquals(404, missing.statusCode(), path + ": " + missing.body());
            assertTrue(missing.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    path);
        }
        assertEquals(404, boss.get(HUIJING + "/reports/quarterly/2099-Q1/revisions/1").statusCode(), "not begun");
    }

    @Test
    @Order(9)
    void anotherTenantsPeopleGetNoRevisionByQuarterOrNumber() throws SQLException {
        seedOnce();
        PortalClient boss = client("huijing.supervisor");
        String q3 = HUIJING + "/reports/quarterly/" + Q3;
        JsonArray before = PortalClient.jsonArray(boss.get(q3 + "/revisions"));
        assertTrue(before.size() >= 2, "the correction above: " + before);
        for (String stranger : List.of("riverside.supervisor", "riverside.staff", "riverside.admin")) {
            PortalClient intruder = client(stranger);
            for (String path : List.of("/revisions", "/revisions/1", "/revisions/2", "/pdf?revision=1",
                    "/xlsx?revision=2")) {
                int status = intruder.get(q3 + path).statusCode();
                assertTrue(status == 403 || status == 404, stranger + " " + path + ": " + status);
            }
            int status = intruder.postJson(q3 + "/revisions", "{\"reason\":\"越权更正\"}").statusCode();
            assertTrue(status == 403 || status == 404, stranger + " revise: " + status);
        }
        PortalClient theirs = client("riverside.supervisor");
        String own = "/api/v1/tenants/riverside-mall/reports/quarterly/" + Q3;
        assertEquals(0, PortalClient.jsonArray(theirs.get(own + "/revisions")).size(), "their quarter has none");
        assertEquals(404, theirs.get(own + "/revisions/1").statusCode());
        assertEquals(404, theirs.get(own + "/pdf?revision=2").statusCode());
        assertEquals(before, PortalClient.jsonArray(boss.get(q3 + "/revisions")), "nothing changed");
    }

    @Test
    @Order(10)
    void aSupervisorReadsEachRevisionAndOpensACorrectionOnThePage() throws SQLException {
        seedOnce();
        PortalClient page = PortalClient.loggedIn(base, SLUG, "huijing.supervisor", PASSWORD);
        String first = page.get("/t/" + SLUG + "/staff/quarterly?q=" + Q3 + "&revision=1").body();
        assertTrue(first.contains("id=\"report-revision\"") && first.contains("版本 1"), first);
        assertFalse(first.contains("id=\"revision-reason\""), "revision 1 has no reason");
        assertFalse(first.contains("id=\"quarterly:revise\""), "an earlier revision is only read");
        assertTrue(first.contains("pdf?revision=1"), "its own PDF");

        String path = "/t/" + SLUG + "/staff/quarterly?q=" + Q3;
        String latest = page.get(path).body();
        assertTrue(latest.contains("版本 2") && latest.contains("更正原因：" + REASON), latest);
        assertTrue(latest.contains("id=\"open-1\"") && latest.contains("id=\"open-2\""), "the revisions listed");
        int revisions = PortalClient.jsonArray(client("huijing.supervisor").get(HUIJING + "/reports/quarterly/" + Q3
                + "/revisions")).size();

        Map<String, String> form = new LinkedHashMap<>();
        form.put("quarterly", "quarterly");
        form.put("quarterly:reason", " ");
        form.put("quarterly:revise", "quarterly:revise");
        form.put("jakarta.faces.ViewState", PortalClient.viewState(latest));
        HttpResponse<String> refused = page.postForm(path, form);
        assertEquals(200, refused.statusCode());
        assertTrue(refused.body().contains("此项为必填项"), "the message at the reason: " + refused.body());
        assertEquals(revisions, PortalClient.jsonArray(client("huijing.supervisor").get(HUIJING
                + "/reports/quarterly/" + Q3 + "/revisions")).size(), "nothing saved");

        form.put("quarterly:reason", "页面上发起的更正");
        form.put("jakarta.faces.ViewState", PortalClient.viewState(refused.body()));
        HttpResponse<String> opened = page.postForm(path, form);
        assertEquals(200, opened.statusCode());
        assertTrue(opened.body().contains("已建立新版本草稿"), opened.body());
        JsonObject draft = report(client("huijing.supervisor"), Q3);
        assertEquals(revisions + 1, draft.getInt("revision"));
        assertEquals("DRAFT", draft.getString("status"));
        assertEquals("页面上发起的更正", draft.getString("reason"));
        JsonObject corrected = PortalClient.json(client("huijing.supervisor").get(HUIJING + "/reports/quarterly/" + Q3
                + "/revisions/2"));
        for (JsonValue cause : corrected.getJsonArray("causes")) {
            JsonValue text = cause.asJsonObject().get("analysis");
            if (text instanceof JsonString written) {
                assertEquals(written.getString(), cause(draft, cause.asJsonObject().getString("key"))
                        .getString("analysis"), "the analysis carried into the new draft");
            }
        }
        assertTrue(draft.toString().contains("复核后更正的分析"), "revision 2's analysis carried over");
    }

    /** Submits the quarter's draft as {@link #DEPUTY}, a supervisor for the moment. */
    private HttpResponse<String> submitAsDeputy(String quarter) {
        setRoles(DEPUTY, "[\"STAFF\",\"SUPERVISOR\"]");
        try {
            return client(DEPUTY).postJson(HUIJING + "/reports/quarterly/" + quarter + "/submit", "{}");
        } finally {
            setRoles(DEPUTY, "[\"STAFF\"]");
        }
    }

    private void setRoles(String username, String roles) {
        HttpResponse<String> done = client("huijing.admin").putJson(HUIJING + "/people/" + username + "/roles",
                "{\"roles\":" + roles + "}");
        assertEquals(200, done.statusCode(), done.body());
    }

    /** The document of a revision without the list of the quarter's revisions, which grows with each correction. */
    private static JsonObject withoutRevisions(JsonObject answer) {
        return jakarta.json.Json.createObjectBuilder(answer).remove("revisions").build();
    }

    /** The PDF's text without white space: a line may break anywhere in a long reason. */
    private static String pdfText(HttpResponse<byte[]> pdf) throws IOException {
        assertEquals(200, pdf.statusCode());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", "");
        }
    }
}
