package io.kefu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The monthly statistics table (客诉案件统计表) of November 2021 in Asia/Shanghai on PostgreSQL, against cases of known
 * answers written straight into the tables as the workflow leaves them: closed at 23:30 on 30 November (November's)
 * and at midnight (December's), reopened in October and closed again in November, not upheld, withdrawn, a repair, a
 * consultation without a department. Every row and every figure of the table equals what this test counts itself
 * from its rows; the totals are the report figures' own. Then the workflow: responsibility judged per case in the
 * draft, a supervisor submits, the submitter may not sign off, the manager does; the published table does not change
 * when its cases do; a correction is a new revision and the old one stays; the PDF's text and the workbook hold the
 * same figures; the published table is mailed with its PDF. Another tenant's people get nothing of it.
 */
@SharedPortal.Client
class MonthlyReportIT {

    static final String PASSWORD = "kefu-demo-2026";
    static final String SLUG = "huijing-property";
    static final String HUIJING = "/api/v1/tenants/" + SLUG;
    static final String RIVERSIDE = "/api/v1/tenants/riverside-mall";
    static final String MONTH = "2021-11";
    static final String TABLE = HUIJING + "/reports/monthly/" + MONTH;
    /** The demo office's manager (named in its office settings) and the supervisor the test adds for a while. */
    static final String MANAGER = "huijing.supervisor";
    static final String DEPUTY = "huijing.engineer";

    @SharedPortal.Base
    URL base;

    /** A case as the seed writes it; times in Shanghai, {@code null} where the workflow leaves none. */
    record Seed(String number, String kind, String category, String department, String severity, String channel,
            String status, String registered, String firstDue, String firstResponded, String resolutionDue,
            String resolved, String closed) {

        Instant at(Function<Seed, String> field) {
            String value = field.apply(this);
            return value == null ? null : OffsetDateTime.parse(value + "+08:00").toInstant();
        }
    }

    /** A case callback: when it was opened (the resolution), its outcome and the attempt's score. */
    record SeedCallback(String number, String created, String outcome, Integer score) {
    }

    static final List<Seed> CASES = List.of(
            new Seed("202111-8001", "COMPLAINT", "noise", "customer-service", "ORDINARY", "PHONE", "CLOSED",
                    "2021-11-03T10:00", "2021-11-03T17:00", "2021-11-03T11:00", "2021-11-10T18:00",
                    "2021-11-08T15:00", "2021-11-09T10:00"),
            // Closed at 23:30 on the last day of November in Shanghai (15:30 UTC): November's. Both deadlines missed.
            new Seed("202111-8002", "COMPLAINT", "noise", "security", "SERIOUS", "ONLINE", "CLOSED",
                    "2021-11-27T09:00", "2021-11-27T12:00", "2021-11-27T14:00", "2021-11-30T18:00",
                    "2021-11-30T20:00", "2021-11-30T23:30"),
            // Closed at midnight, the first moment of December in Shanghai (still 30 November in UTC): December's,
            // and so carried over open at the end of November.
            new Seed("202111-8003", "COMPLAINT", "billing", "finance", "ORDINARY", "VISIT", "CLOSED",
                    "2021-11-28T10:00", "2021-11-28T17:00", "2021-11-28T10:30", "2021-12-05T18:00",
                    "2021-11-30T22:00", "2021-12-01T00:00"),
            new Seed("202111-8004", "COMPLAINT", "cleaning", "cleaning", "ORDINARY", "PHONE", "NOT_UPHELD",
                    "2021-11-15T09:00", "2021-11-15T17:00", "2021-11-15T09:30", "2021-11-30T18:00", null,
                    "2021-11-25T11:00"),
            new Seed("202111-8005", "COMPLAINT", "noise", "customer-service", "MAJOR", "LETTER", "WITHDRAWN",
                    "2021-11-16T09:00", "2021-11-16T12:00", null, "2021-11-30T18:00", null, "2021-11-17T08:00"),
            // Registered in October, closed, reopened after a "not satisfied" callback, closed again in November.
            new Seed("202110-8006", "COMPLAINT", "repairs", "engineering", "ORDINARY", "ONLINE", "CLOSED",
                    "2021-10-20T09:00", "2021-10-20T17:00", "2021-10-20T09:10", "2021-11-06T18:00",
                    "2021-11-04T10:00", "2021-11-05T10:00"),
            new Seed("202111-8007", "REPAIR", "repairs", "engineering", "ORDINARY", "PHONE", "CLOSED",
                    "2021-11-20T08:00", "2021-11-20T12:00", "2021-11-20T08:30", "2021-11-28T18:00",
                    "2021-11-21T16:00", "2021-11-22T09:00"),
            new Seed("202111-8008", "CONSULTATION", null, null, "ORDINARY", "ONLINE", "CLOSED",
                    "2021-11-29T23:50", "2021-12-01T12:00", "2021-11-30T09:00", "2021-12-10T18:00",
                    "2021-11-30T09:00", "2021-11-30T10:00"),
            new Seed("202112-8009", "COMPLAINT", "noise", "security", "ORDINARY", "PHONE", "CLOSED",
                    "2021-12-01T00:30", "2021-12-01T12:00", "2021-12-01T09:00", "2021-12-10T18:00",
                    "2021-12-04T10:00", "2021-12-05T10:00"),
            new Seed("202110-8010", "COMPLAINT", "noise", "customer-service", "ORDINARY", "PHONE", "CLOSED",
                    "2021-10-30T10:00", "2021-10-30T17:00", "2021-10-30T11:00", "2021-11-05T18:00",
                    "2021-10-31T20:00", "2021-10-31T23:30"));

    static final List<SeedCallback> CALLBACKS = List.of(
            new SeedCallback("202111-8001", "2021-11-08T15:00", "SATISFIED", 5),
            new SeedCallback("202111-8002", "2021-11-30T20:00", "PARTLY_SATISFIED", 3),
            new SeedCallback("202111-8003", "2021-11-30T22:00", "CONFIRMED_ONLINE", null),
            new SeedCallback("202110-8006", "2021-10-25T10:00", "NOT_SATISFIED", 1),
            new SeedCallback("202110-8006", "2021-11-04T10:00", "SATISFIED", 4),
            new SeedCallback("202111-8007", "2021-11-21T16:00", "UNREACHABLE", null),
            new SeedCallback("202112-8009", "2021-12-04T10:00", "SATISFIED", 5),
            new SeedCallback("202110-8010", "2021-10-31T20:00", "SATISFIED", 5));

    static final Instant START = OffsetDateTime.parse("2021-11-01T00:00+08:00").toInstant();
    static final Instant END = OffsetDateTime.parse("2021-12-01T00:00+08:00").toInstant();

    private static boolean seeded;

    private PortalClient client(String username) {
        PortalClient.awaitReady(base);
        return PortalClient.basic(base, username, PASSWORD);
    }

    // --- the table and its workflow ----------------------------------------------------------------------------

    @Test
    void theTableHoldsTheMonthsClosedCasesWithTheFiguresTheTestCountsAndGoesThroughItsWorkflow() throws Exception {
        seedOnce();
        PortalClient boss = client(MANAGER);
        HttpResponse<String> generated = boss.postJson(TABLE, "");
        assertTrue(generated.statusCode() == 201 || generated.statusCode() == 200, generated.body());
        assertEquals(200, boss.postJson(TABLE, "").statusCode(), "generated once; then it is there");
        JsonObject draft = PortalClient.json(boss.get(TABLE));
        assertEquals("DRAFT", draft.getString("status"));
        assertEquals(1, draft.getInt("revision"));

        // The rows and the summary, as this test counts them from its seed (responsibility proposed).
        Map<String, String> responsible = new HashMap<>();
        checkTable(draft.getJsonObject("table"), responsible);
        JsonObject totals = draft.getJsonObject("table").getJsonObject("totals");
        assertEquals(7, totals.getInt("registered"), "8001–8005, 8007, 8008; 8009 came half an hour into December");
        assertEquals(7, totals.getInt("closed"));
        assertEquals(5, totals.getInt("closedUpheld"));
        assertEquals(1, totals.getInt("notUpheld"));
        assertEquals(1, totals.getInt("withdrawn"));
        assertEquals(1, totals.getInt("carriedOverOpen"), "8003, closed at midnight: December's");
        assertEquals(3, totals.getInt("validComplaints"), "8001, 8002, 8003 registered in November");
        assertEquals(5, totals.getInt("resolved"), "8001, 8002, 8003, 8006's second callback, 8007");
        assertEquals(1.0, totals.getJsonNumber("callbackRate").doubleValue(), 1e-12);
        assertEquals(0.75, totals.getJsonNumber("callbackSatisfaction").doubleValue(), 1e-12,
                "8001, 8006 satisfied and 8003 confirmed online of four who gave their view; 8007 unreachable");
        assertEquals(3.0 / totals.getInt("customerBase"), totals.getJsonNumber("validComplaintRate").doubleValue(),
                1e-12, "valid complaints against the customers served");
        // The totals are the report figures' (one definition), not a recount.
        JsonObject figures = PortalClient.json(boss.get(HUIJING + "/reports/figures?from=2021-11-01&to=2021-11-30"));
        assertEquals(figures.getInt("registered"), totals.getInt("registered"));
        assertEquals(figures.getInt("carriedOverOpen"), totals.getInt("carriedOverOpen"));
        assertEquals(figures.getJsonObject("resolution").getInt("measured"), totals.getInt("resolutionMeasured"));
        assertEquals(figures.getJsonObject("resolution").getInt("met"), totals.getInt("resolutionMet"));
        assertEquals(figures.getJsonObject("firstResponse").getInt("met"), totals.getInt("firstResponseMet"));
        assertEquals(figures.getJsonObject("validity").getInt("customerBase"), totals.getInt("customerBase"));

        // Responsibility judged in the draft: engineering handled the leak, cleaning's fault; the repair external.
        attribute(boss, "202111-8001", "cleaning", 200);
        attribute(boss, "202111-8007", "_external", 200);
        responsible.put("202111-8001", "cleaning");
        responsible.put("202111-8007", "_external");
        for (String language : List.of("zh-CN", "en")) {
            HttpResponse<String> unknown = boss.language(language).putJson(TABLE + "/attributions/202111-8002",
                    "{\"department\":\"no-such-dept\"}");
            assertEquals(422, unknown.statusCode(), unknown.body());
            assertTrue(unknown.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            String errors = PortalClient.json(unknown).getJsonArray("errors").toString();
            assertTrue(errors.contains("\"department\"") && errors.contains(language.equals("en") ? "no department"
                    : "没有代码"), errors);
        }
        assertEquals(404, boss.putJson(TABLE + "/attributions/202111-8003", "{\"department\":\"finance\"}")
                .statusCode(), "closed in December: not in November's table");
        assertEquals(403, client("huijing.staff").putJson(TABLE + "/attributions/202111-8002",
                "{\"department\":\"finance\"}").statusCode(), "staff do not judge responsibility");
        JsonObject judged = PortalClient.json(boss.get(TABLE)).getJsonObject("table");
        checkTable(judged, responsible);

        // 制表人 → 阅签: the draft is not signed off; a supervisor submits; they may not sign it off themselves.
        assertEquals(409, boss.postJson(TABLE + "/sign-off", "{}").statusCode(), "a draft is not signed off");
        setRoles(DEPUTY, "[\"STAFF\",\"SUPERVISOR\"]");
        try {
            PortalClient deputy = client(DEPUTY);
            HttpResponse<String> submitted = deputy.postJson(TABLE + "/submit", "{}");
            assertEquals(200, submitted.statusCode(), submitted.body());
            assertEquals("SUBMITTED", PortalClient.json(submitted).getString("status"));
            assertEquals(DEPUTY, PortalClient.json(submitted).getString("preparedBy"));
            assertEquals(409, boss.putJson(TABLE + "/attributions/202111-8002", "{\"department\":\"finance\"}")
                    .statusCode(), "a submitted table does not change");
            HttpResponse<String> own = deputy.language("en").postJson(TABLE + "/sign-off", "{}");
            assertEquals(409, own.statusCode(), own.body());
            assertTrue(PortalClient.json(own).getString("detail").contains("Whoever submitted"), own.body());
            HttpResponse<String> ownZh = deputy.language("zh-CN").postJson(TABLE + "/sign-off", "{}");
            assertTrue(PortalClient.json(ownZh).getString("detail").contains("提交人不能阅签"), ownZh.body());
        } finally {
            setRoles(DEPUTY, "[\"STAFF\"]");
        }
        assertEquals(403, client("huijing.staff").postJson(TABLE + "/sign-off", "{}").statusCode());
        HttpResponse<String> signed = boss.postJson(TABLE + "/sign-off", "{}");
        assertEquals(200, signed.statusCode(), signed.body());
        JsonObject published = PortalClient.json(signed);
        assertEquals("PUBLISHED", published.getString("status"));
        assertEquals(MANAGER, published.getString("signedBy"));

        // Editing the cases afterwards does not change the published table.
        String before = published.getJsonObject("table").toString();
        update("UPDATE complaint SET category_code = 'billing', responsible_department_code = 'finance' "
                + "WHERE case_number = '202111-8002'");
        update("UPDATE complaint SET closed_at = closed_at + INTERVAL '40 days' WHERE case_number = '202111-8007'");
        assertEquals(before, PortalClient.json(boss.get(TABLE)).getJsonObject("table").toString(),
                "the snapshot stands");

        // A correction is a new revision with its reason; the published one stays readable as it was.
        HttpResponse<String> noReason = boss.postJson(TABLE + "/revisions", "{\"reason\":\" \"}");
        assertEquals(422, noReason.statusCode(), noReason.body());
        HttpResponse<String> revised = boss.postJson(TABLE + "/revisions", "{\"reason\":\"8002 的类别更正为收费\"}");
        assertEquals(201, revised.statusCode(), revised.body());
        JsonObject second = PortalClient.json(revised);
        assertEquals(2, second.getInt("revision"));
        assertEquals("DRAFT", second.getString("status"));
        assertEquals("8002 的类别更正为收费", second.getString("reason"));
        assertEquals(2, second.getJsonArray("revisions").size());
        JsonObject live = row(second.getJsonObject("table"), "202111-8002");
        assertEquals("billing", live.getString("category"), "the new draft shows the case as it is now");
        assertFalse(numbers(second.getJsonObject("table")).contains("202111-8007"), "8007 now closes in January");
        JsonObject first = PortalClient.json(boss.get(TABLE + "/revisions/1"));
        assertEquals("PUBLISHED", first.getString("status"));
        assertEquals(before, first.getJsonObject("table").toString(), "revision 1 kept as published");
        assertEquals(409, boss.postJson(TABLE + "/revisions", "{\"reason\":\"again\"}").statusCode(),
                "only a published table is corrected");

        // The files of revision 1: the PDF's text and the workbook hold the same figures.
        PortalClient chinese = boss.language("zh-CN");
        checkPdf(chinese.download(TABLE + "/table.pdf?revision=1").body());
        checkWorkbook(chinese.download(TABLE + "/table.xlsx?revision=1").body());
        assertTrue(boss.language("en").download(TABLE + "/table.xlsx?revision=1").body().length > 0);

        // Published: mailed with its PDF to the supervisors and the manager.
        List<MimeMessage> mails = MailServer.awaitMail("huijing.supervisor@demo.kefu.invalid", "2021-11", 120);
        assertFalse(mails.isEmpty(), "the published table is mailed");
        checkPdf(attachment(mails.get(0)));

        // Unknown and malformed months, unknown revisions: 404; a month not over: 422.
        assertEquals(404, boss.get(HUIJING + "/reports/monthly/2021-05").statusCode());
        assertEquals(404, boss.get(HUIJING + "/reports/monthly/2021-13").statusCode());
        assertEquals(404, boss.get(TABLE + "/revisions/9").statusCode());
        assertEquals(422, boss.postJson(HUIJING + "/reports/monthly/2099-01", "").statusCode());
        assertTrue(PortalClient.jsonArray(boss.get(HUIJING + "/reports/monthly")).toString().contains(MONTH));
    }

    /** The rows and the summary equal what this test counts from its seed; {@code judged}: number → department. */
    private void checkTable(JsonObject table, Map<String, String> judged) {
        List<Seed> closed = CASES.stream().filter(c -> in(c.at(Seed::closed)))
                .sorted(Comparator.comparing((Seed c) -> c.at(Seed::closed)).thenComparing(Seed::number)).toList();
        assertEquals(closed.stream().map(Seed::number).toList(), numbers(table), "the cases closed in November");
        Map<String, Map<String, Object>> expectedRows = new LinkedHashMap<>();
        for (Seed c : closed) {
            Map<String, Object> row = expectedRow(c, judged);
            expectedRows.put(c.number(), row);
            JsonObject got = row(table, c.number());
            row.forEach((field, value) -> assertEquals(value, value(got, field), c.number() + " " + field));
        }
        Map<String, Function<Map<String, Object>, Object>> by = new LinkedHashMap<>();
        by.put("RESPONSIBLE", r -> r.get("responsibleDepartment"));
        by.put("CATEGORY", r -> r.get("category"));
        by.put("SEVERITY", r -> r.get("severity"));
        by.put("CHANNEL", r -> r.get("channel"));
        by.forEach((dimension, key) -> {
            Map<String, List<Object>> expected = new TreeMap<>();
            Map<String, List<Map<String, Object>>> groups = new TreeMap<>();
            expectedRows.values().forEach(r -> groups.computeIfAbsent(String.valueOf(key.apply(r)),
                    k -> new ArrayList<>()).add(r));
            groups.forEach((k, members) -> expected.put(k, group(members, expectedRows.size())));
            Map<String, List<Object>> actual = new TreeMap<>();
            for (JsonValue value : table.getJsonObject("summary").getJsonArray(dimension)) {
                JsonObject g = value.asJsonObject();
                actual.put(g.isNull("key") ? "null" : g.getString("key"), List.of(g.getInt("cases"),
                        round(g.getJsonNumber("share").doubleValue()), g.getInt("valid"), nullable(g, "deadlineRate"),
                        nullable(g, "satisfaction"), nullable(g, "averageScore")));
            }
            assertEquals(expected, actual, "summary by " + dimension);
        });
    }

    private static Map<String, Object> expectedRow(Seed c, Map<String, String> judged) {
        boolean withdrawn = c.status().equals("WITHDRAWN");
        Instant responded = c.at(Seed::firstResponded);
        Instant resolved = c.at(Seed::resolved);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("kind", c.kind());
        row.put("category", c.category());
        row.put("severity", c.severity());
        row.put("channel", c.channel());
        row.put("department", c.department());
        row.put("responsibleDepartment", judged.getOrDefault(c.number(), c.department()));
        row.put("responsibilityJudged", judged.containsKey(c.number()));
        row.put("firstResponseMet", withdrawn ? null : responded != null && !responded.isAfter(c.at(Seed::firstDue)));
        row.put("resolutionMet", withdrawn ? null : resolved != null && !resolved.isAfter(c.at(Seed::resolutionDue))
                || c.status().equals("NOT_UPHELD") && !c.at(Seed::closed).isAfter(c.at(Seed::resolutionDue)));
        row.put("callbackOutcome", outcome(c));
        SeedCallback last = CALLBACKS.stream().filter(t -> t.number().equals(c.number()) && t.score() != null)
                .reduce((a, b) -> b).orElse(null);
        row.put("callbackScore", last == null ? null : last.score());
        row.put("result", c.status().equals("NOT_UPHELD") ? "NOT_UPHELD" : withdrawn ? "WITHDRAWN"
                : c.kind().equals("COMPLAINT") ? "VALID" : "CLOSED");
        row.put("closedAt", c.at(Seed::closed).atOffset(ZoneOffset.ofHours(8)).toString());
        return row;
    }

    /** Cases, share (%), valid, deadlines met (both) rate, satisfaction, mean score, as the summary defines them. */
    private static List<Object> group(List<Map<String, Object>> members, int all) {
        long valid = members.stream().filter(r -> "VALID".equals(r.get("result"))).count();
        List<Map<String, Object>> measured = members.stream().filter(r -> r.get("firstResponseMet") != null).toList();
        long met = measured.stream().filter(r -> Boolean.TRUE.equals(r.get("firstResponseMet"))
                && Boolean.TRUE.equals(r.get("resolutionMet"))).count();
        List<Object> outcomes = members.stream().map(r -> r.get("callbackOutcome")).filter(o -> o != null
                && !o.equals("UNREACHABLE")).toList();
        long satisfied = outcomes.stream().filter(o -> o.equals("SATISFIED") || o.equals("CONFIRMED_ONLINE")).count();
        List<Integer> scores = members.stream().map(r -> (Integer) r.get("callbackScore")).filter(Objects::nonNull)
                .toList();
        return List.of(members.size(), round((double) members.size() / all), (int) valid,
                measured.isEmpty() ? "null" : round((double) met / measured.size()),
                outcomes.isEmpty() ? "null" : round((double) satisfied / outcomes.size()),
                scores.isEmpty() ? "null" : round(scores.stream().mapToInt(Integer::intValue).average().orElseThrow()));
    }

    /** The callback outcome the case was closed with (the seed's rule: its callback's, else satisfied). */
    private static String outcome(Seed c) {
        if (!c.status().equals("CLOSED")) {
            return null;
        }
        return CALLBACKS.stream().filter(t -> t.number().equals(c.number()) && !t.outcome().equals("NOT_SATISFIED"))
                .map(SeedCallback::outcome).findFirst().orElse("SATISFIED");
    }

    private static Object value(JsonObject row, String field) {
        JsonValue value = row.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return switch (value.getValueType()) {
            case TRUE -> true;
            case FALSE -> false;
            case NUMBER -> row.getInt(field);
            default -> row.getString(field);
        };
    }

    private static Object nullable(JsonObject g, String field) {
        return g.isNull(field) ? "null" : round(g.getJsonNumber(field).doubleValue());
    }

    private static double round(double value) {
        return Math.round(value * 1e9) / 1e9;
    }

    private static boolean in(Instant at) {
        return at != null && !at.isBefore(START) && at.isBefore(END);
    }

    private static List<String> numbers(JsonObject table) {
        return table.getJsonArray("rows").stream().map(r -> r.asJsonObject().getString("number")).toList();
    }

    private static JsonObject row(JsonObject table, String number) {
        return table.getJsonArray("rows").stream().map(JsonValue::asJsonObject)
                .filter(r -> r.getString("number").equals(number)).findFirst()
                .orElseThrow(() -> new AssertionError(number + " not in " + numbers(table)));
    }

    private void attribute(PortalClient client, String number, String department, int status) {
        HttpResponse<String> done = client.putJson(TABLE + "/attributions/" + number, "{\"department\":\""
                + department + "\"}");
        assertEquals(status, done.statusCode(), done.body());
    }

    private void setRoles(String username, String roles) {
        HttpResponse<String> done = client("huijing.admin").putJson(HUIJING + "/people/" + username + "/roles",
                "{\"roles\":" + roles + "}");
        assertEquals(200, done.statusCode(), done.body());
    }

    /** The PDF's text: the Chinese title, the tenant's name, the cases and the figures of revision 1. */
    private static void checkPdf(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // Without white space: a cell's text may break over lines in the narrow columns of the cases.
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            for (String expected : List.of("客诉案件统计表", "汇景物业", "202111-8001", "202110-8006", "202111-8007",
                    "保洁部", "外部/无法归属", "28.57", "有效投诉率", "阅签", "李强", "赵师傅")) {
                assertTrue(text.contains(expected), expected + " in the PDF: " + text);
            }
            assertFalse(text.contains("202111-8003"), "December's case is not in November's table");
        }
    }

    /** The workbook: a sheet per section, typed numbers, the same figures. */
    private static void checkWorkbook(byte[] xlsx) throws Exception {
        try (InputStream in = new ByteArrayInputStream(xlsx); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet cases = book.getSheet("本月办结案件");
            assertNotNull(cases, "the cases' sheet");
            assertEquals(7, cases.getLastRowNum(), "a header and the seven cases");
            Map<String, Double> totals = new HashMap<>();
            for (Row r : book.getSheet("本月总计")) {
                if (r.getRowNum() > 0 && r.getCell(1) != null
                        && r.getCell(1).getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                    totals.put(r.getCell(0).getStringCellValue(), r.getCell(1).getNumericCellValue());
                }
            }
            assertEquals(7.0, totals.get("办结件数"));
            assertEquals(7.0, totals.get("登记件数"));
            assertEquals(3.0, totals.get("有效投诉件数"));
            assertEquals(1.0, totals.get("结转未办结"));
            assertEquals(75.0, totals.get("回访满意度 %"));
            Map<String, Double> shares = new HashMap<>();
            for (Row r : book.getSheet("按职责归属部门")) {
                if (r.getRowNum() > 0) {
                    shares.put(r.getCell(0).getStringCellValue(), r.getCell(2).getNumericCellValue());
                }
            }
            assertEquals(28.57, shares.get("保洁部"), 1e-9, "8001 judged cleaning's, 8004: two of seven");
            assertEquals(100.0, shares.get("合计"), 1e-9);
        }
    }

    private static byte[] attachment(MimeMessage mail) throws Exception {
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            Part part = parts.getBodyPart(i);
            if (part.getFileName() != null && part.getContentType().startsWith("application/pdf")) {
                return part.getInputStream().readAllBytes();
            }
        }
        throw new AssertionError("no PDF attached");
    }

    // --- through the page ----------------------------------------------------------------------------------------

    @Test
    void aSupervisorGeneratesAndSubmitsOnTheReportsPageAndTheManagerSignsItOffThere() throws Exception {
        seedOnce();
        String page = "/t/" + SLUG + "/staff/reports";
        String october = page + "?month=2021-10";
        assertEquals(403, PortalClient.loggedIn(base, SLUG, "huijing.staff", PASSWORD).get(page).statusCode(),
                "supervisors only");
        setRoles(DEPUTY, "[\"STAFF\",\"SUPERVISOR\"]");
        try {
            PortalClient deputy = PortalClient.loggedIn(base, SLUG, DEPUTY, PASSWORD);
            Map<String, String> generate = new LinkedHashMap<>();
            generate.put("generate", "generate");
            generate.put("generate:newMonth", "2021-10");
            generate.put("generate:make", "");
            generate.put("jakarta.faces.ViewState", PortalClient.viewState(deputy.get(page).body()));
            int made = deputy.postForm(page, generate).statusCode();
            assertTrue(made == 302 || made == 303 || made == 200, "generated: " + made);
            String draft = deputy.get(october).body();
            assertTrue(draft.contains("202110-8010") && draft.contains("草稿"), "October's draft: 8010, closed at 23:30");
            assertFalse(draft.contains("202110-8006"), "8006 was closed again in November");
            HttpResponse<String> submitted = deputy.postForm(october, step("table:submit", draft));
            assertEquals(200, submitted.statusCode());
            assertTrue(submitted.body().contains("已提交"), "submitted on the page");
            HttpResponse<String> own = deputy.postForm(october, step("table:sign-off", submitted.body()));
            assertTrue(own.body().contains("提交人不能阅签"), "the submitter's own sign-off refused, translated");
        } finally {
            setRoles(DEPUTY, "[\"STAFF\"]");
        }
        PortalClient manager = PortalClient.loggedIn(base, SLUG, MANAGER, PASSWORD);
        String waiting = manager.get(october).body();
        assertTrue(waiting.contains("待阅签"), "awaiting the sign-off");
        HttpResponse<String> signed = manager.postForm(october, step("table:sign-off", waiting));
        assertEquals(200, signed.statusCode());
        assertTrue(signed.body().contains("已阅签并发布"), "signed off on the page");
        JsonObject published = PortalClient.json(client(MANAGER).get(HUIJING + "/reports/monthly/2021-10"));
        assertEquals("PUBLISHED", published.getString("status"));
        assertEquals(DEPUTY, published.getString("preparedBy"));
        assertEquals(MANAGER, published.getString("signedBy"));
        assertEquals(List.of("202110-8010"), numbers(published.getJsonObject("table")));
    }

    /**
     * In a real browser: a supervisor generates December's draft on the reports page and submits it (制表), the
     * manager opens it and signs it off (阅签), and the page shows it published. Screenshots in
     * {@code target/screenshots/monthly}.
     */
    @Test
    void inTheBrowserASupervisorSubmitsTheTableAndTheManagerSignsItOff() throws Exception {
        seedOnce();
        setRoles(DEPUTY, "[\"STAFF\",\"SUPERVISOR\"]");
        WebDriver browser = Chromium.start(Files.createTempDirectory("kefu-chromium"), "zh-CN", "zh-CN,zh",
                "1280,900", Map.of());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        try {
            logIn(browser, wait, DEPUTY);
            browser.get(url("/t/" + SLUG + "/staff/reports"));
            org.openqa.selenium.WebElement month = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.id("generate:newMonth")));
            month.clear();
            month.sendKeys("2021-12");
            browser.findElement(By.id("generate:make")).click();
            wait.until(ExpectedConditions.urlContains("month=2021-12"));
            wait.until(ExpectedConditions.elementToBeClickable(By.id("table:submit")));
            assertTrue(browser.getPageSource().contains("202112-8009"), "December's draft lists its case");
            Chromium.screenshot(browser, "monthly", "01-draft.png");
            browser.findElement(By.id("table:submit")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("table"), "已提交"));
            Chromium.screenshot(browser, "monthly", "02-submitted.png");

            browser.manage().deleteAllCookies();
            logIn(browser, wait, MANAGER);
            browser.get(url("/t/" + SLUG + "/staff/reports?month=2021-12"));
            wait.until(ExpectedConditions.elementToBeClickable(By.id("table:sign-off"))).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("table"), "已阅签并发布"));
            Chromium.screenshot(browser, "monthly", "03-published.png");
        } finally {
            browser.quit();
            setRoles(DEPUTY, "[\"STAFF\"]");
        }
        JsonObject published = PortalClient.json(client(MANAGER).get(HUIJING + "/reports/monthly/2021-12"));
        assertEquals("PUBLISHED", published.getString("status"));
        assertEquals(DEPUTY, published.getString("preparedBy"));
        assertEquals(MANAGER, published.getString("signedBy"));
    }

    private void logIn(WebDriver browser, WebDriverWait wait, String username) {
        browser.get(url("/t/" + SLUG + "/login"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:username"))).sendKeys(username);
        browser.findElement(By.id("login:password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login:submit")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    private static Map<String, String> step(String button, String html) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("table", "table");
        form.put(button, "");
        form.put("jakarta.faces.ViewState", PortalClient.viewState(html));
        return form;
    }

    // --- another tenant ----------------------------------------------------------------------------------------

    @Test
    void anotherTenantsPeopleGetNothingOfTheTableByMonthRevisionOrExport() throws Exception {
        seedOnce();
        PortalClient boss = client(MANAGER);
        boss.postJson(TABLE, "");
        String listed = ours(boss);
        for (String stranger : List.of("riverside.supervisor", "riverside.staff", "riverside.admin")) {
            PortalClient intruder = client(stranger);
            for (String path : List.of(HUIJING + "/reports/monthly", TABLE, TABLE + "/revisions/1",
                    TABLE + "/table.pdf", TABLE + "/table.xlsx?revision=1")) {
                int status = intruder.get(path).statusCode();
                assertTrue(status == 403 || status == 404, stranger + " " + path + ": " + status);
            }
            for (String step : List.of("/submit", "/sign-off", "/return")) {
                int status = intruder.postJson(TABLE + step, "{}").statusCode();
                assertTrue(status == 403 || status == 404, stranger + " " + step + ": " + status);
            }
            assertTrue(List.of(403, 404).contains(intruder.postJson(TABLE + "/revisions", "{\"reason\":\"x\"}")
                    .statusCode()));
            assertTrue(List.of(403, 404).contains(intruder.putJson(TABLE + "/attributions/202111-8002",
                    "{\"department\":\"_external\"}").statusCode()));
        }
        // On their own path the month is theirs: they have no table of it, and ours does not show.
        PortalClient theirs = client("riverside.supervisor");
        assertEquals(404, theirs.get(RIVERSIDE + "/reports/monthly/" + MONTH + "/revisions/1").statusCode());
        assertFalse(theirs.get(RIVERSIDE + "/reports/monthly").body().contains("202111-8001"));
        assertEquals(404, theirs.putJson(RIVERSIDE + "/reports/monthly/" + MONTH + "/attributions/202111-8002",
                "{\"department\":\"_external\"}").statusCode(), "our case is no case of theirs");
        // Staff and residents of the tenant itself: supervisors only.
        assertEquals(403, client("huijing.staff").get(TABLE).statusCode());
        assertEquals(403, client("huijing.resident").get(TABLE + "/table.pdf").statusCode());
        assertEquals(401, PortalClient.anonymous(base).get(TABLE).statusCode());
        assertEquals(listed, ours(boss), "nothing changed");
    }

    @Test
    void theJobDraftsLastMonthsTableWithoutAnybodyAsking() throws Exception {
        PortalClient boss = client(MANAGER);
        String last = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).minusMonths(1).toString();
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(150).toNanos();
        HttpResponse<String> found = boss.get(HUIJING + "/reports/monthly/" + last);
        while (found.statusCode() == 404 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            found = boss.get(HUIJING + "/reports/monthly/" + last);
        }
        assertEquals(200, found.statusCode(),
                "the job's first round (once a minute) drafts last month: " + found.body());
        assertTrue(List.of("DRAFT", "SUBMITTED", "PUBLISHED").contains(PortalClient.json(found).getString("status")));
    }

    /** The list's entries of the test's month (the job may add last month's draft meanwhile). */
    private static String ours(PortalClient boss) {
        return PortalClient.jsonArray(boss.get(HUIJING + "/reports/monthly")).stream()
                .filter(r -> r.asJsonObject().getString("month").equals(MONTH)).toList().toString();
    }

    // --- the seed ----------------------------------------------------------------------------------------------

    private void seedOnce() throws SQLException {
        PortalClient.awaitReady(base);
        synchronized (MonthlyReportIT.class) {
            if (seeded) {
                return;
            }
            try (Connection db = PostgresServer.kefuDatabase()) {
                db.setAutoCommit(false);
                long tenant = CaseSeed.tenant(db, SLUG);
                Map<String, Long> ids = new HashMap<>();
                for (Seed c : CASES) {
                    ids.put(c.number(), CaseSeed.of(c.number(), c.kind(), c.at(Seed::registered)).description("月报测试")
                            .category(c.category()).severity(c.severity()).channel(c.channel()).status(c.status())
                            .owner("huijing.engineer").departments(c.department(), null)
                            .due(c.at(Seed::firstDue), c.at(Seed::resolutionDue))
                            .firstResponded(c.at(Seed::firstResponded)).resolved(c.at(Seed::resolved))
                            .closed(c.at(Seed::closed)).callbackOutcome(outcome(c)).insert(db, tenant));
                }
                int key = 0;
                for (SeedCallback t : CALLBACKS) {
                    CaseSeed.callback(db, tenant, ids.get(t.number()), "DONE", t.outcome(), t.score(),
                            OffsetDateTime.parse(t.created() + "+08:00").toInstant(), "monthly_seed_" + key++);
                }
                db.commit();
            }
            seeded = true;
        }
    }

    private static void update(String statement) throws SQLException {
        try (Connection db = PostgresServer.kefuDatabase(); PreparedStatement sql = db.prepareStatement(statement)) {
            assertEquals(1, sql.executeUpdate(), statement);
        }
    }
}
