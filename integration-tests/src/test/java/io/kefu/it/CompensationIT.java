package io.kefu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Compensation, refunds and returns (折让、赔款、退货) approved by authority (核决权限) on PostgreSQL: proposals through
 * the API, approval refused beyond the approver's limit and to the proposer, a refusal with its reason in the
 * history, the limits the tenant admin sets taking effect at once, a reply promising compensation stopped until a
 * proposal is approved, the approved amounts in the monthly table (JSON and workbook) and the quarterly report, the
 * panel of the case page in Chromium, and nothing of it for another tenant's people.
 */
@SharedPortal.Client
class CompensationIT {

    static final String PASSWORD = "kefu-demo-2026";
    static final String HUIJING = "/api/v1/tenants/huijing-property";
    static final String RIVERSIDE = "/api/v1/tenants/riverside-mall";
    /** The month the approvals are dated into, so its table is over and no other test's figures mix in. */
    static final String MONTH = "2019-07";

    @SharedPortal.Base
    URL base;

    @Test
    void proposalsAreApprovedByAuthorityAndCountInTheReports() throws Exception {
        PortalClient.awaitReady(base);
        PortalClient staff = client("huijing.staff");
        PortalClient engineer = client("huijing.engineer");
        PortalClient supervisor = client("huijing.supervisor");
        PortalClient admin = client("huijing.admin");
        String number = openCase(staff);
        String compensations = HUIJING + "/complaints/" + number + "/compensations";

        // A promise before any approval is stopped like a forbidden phrase; the same reply without it is not.
        HttpResponse<String> promise = reply(staff, number, "王女士您好，我们会赔偿您的误工损失。");
        assertEquals(422, promise.statusCode(), promise.body());
        assertEquals(Set.of("text"), fields(promise));
        assertTrue(promise.body().contains("赔偿您"), promise.body());
        assertEquals(200, reply(staff, number, "王女士您好，我们已安排工程部检修电梯。").statusCode());

        // Bad proposals: every field at fault in one answer, nothing saved.
        HttpResponse<String> bad = staff.postJson(compensations, "{\"amount\":\"-5\",\"reason\":\" \"}");
        assertEquals(422, bad.statusCode(), bad.body());
        assertEquals(Set.of("type", "amount", "reason"), fields(bad));
        assertEquals(422, staff.postJson(compensations, "{\"type\":\"REFUND\",\"amount\":\"1.005\",\"reason\":\"x\"}")
                .statusCode());
        assertEquals(422, staff.postJson(compensations, "{\"type\":\"REFUND\",\"amount\":\"1000000.01\","
                + "\"reason\":\"x\"}").statusCode());
        assertEquals(Set.of("amount"), fields(staff.postJson(compensations, "{\"type\":\"REFUND\",\"amount\":150,"
                + "\"reason\":\"x\"}")), "money as text, never a binary fraction");
        assertEquals(422, staff.postJson(compensations, "{\"type\":\"GIFT\",\"amount\":\"5\",\"reason\":\"x\"}")
                .statusCode());
        assertEquals(0, PortalClient.json(staff.get(compensations)).getJsonArray("items").size(), "nothing half-saved");

        JsonObject refund = created(staff.postJson(compensations, "{\"type\":\"REFUND\",\"amount\":\"250\","
                + "\"reason\":\"电梯停运两天，退还两天的电梯费\"}"));
        assertEquals(1, refund.getInt("seq"));
        assertEquals("250.00", refund.getString("amount"));
        assertEquals("PROPOSED", refund.getString("state"));
        created(staff.postJson(compensations, "{\"type\":\"COMPENSATION\",\"amount\":\"1500\","
                + "\"reason\":\"困梯一小时，赔偿误工\"}"));
        JsonObject discount = created(staff.postJson(compensations, "{\"type\":\"DISCOUNT\",\"amount\":\"100.5\","
                + "\"reason\":\"减免当月物业费\"}"));
        assertEquals("100.50", discount.getString("amount"));

        // Nobody approves their own proposal; staff may not go beyond the staff limit (200 元 by default).
        assertProblem(staff.send(compensations + "/1/approval", "POST"), 403, "不能审批自己提出的补偿申请");
        assertProblem(engineer.send(compensations + "/1/approval", "POST"), 403, "250.00");
        assertEquals(List.of(), PortalClient.json(engineer.get(compensations)).getJsonArray("items").getJsonObject(0)
                .getJsonArray("allowedActions").getValuesAs(JsonValue::toString));

        // The admin's limits take effect at once: staff up to 300 元 now cover the refund.
        JsonObject policy = PortalClient.json(admin.get(HUIJING + "/settings/compensation-policy"));
        assertEquals("200.00", policy.getString("staffLimit"));
        assertEquals("2000.00", policy.getString("supervisorLimit"));
        assertTrue(!policy.containsKey("managerLimit") || policy.isNull("managerLimit"), "the manager: any amount");
        assertEquals(Set.of("supervisorLimit"), fields(admin.putJson(HUIJING + "/settings/compensation-policy",
                "{\"staffLimit\":\"3000\",\"supervisorLimit\":\"2000\",\"version\":" + policy.getInt("version")
                        + "}")));
        assertEquals(403, staff.putJson(HUIJING + "/settings/compensation-policy", "{\"staffLimit\":\"9000\","
                + "\"supervisorLimit\":\"9000\",\"version\":" + policy.getInt("version") + "}").statusCode());
        HttpResponse<String> changed = admin.putJson(HUIJING + "/settings/compensation-policy", "{\"staffLimit\":"
                + "\"300\",\"supervisorLimit\":\"2000\",\"managerLimit\":null,\"version\":" + policy.getInt("version")
                + "}");
        assertEquals(200, changed.statusCode(), changed.body());
        JsonObject approved = PortalClient.json(engineer.send(compensations + "/1/approval", "POST"));
        assertEquals("APPROVED", approved.getString("state"));
        assertEquals("huijing.engineer", approved.getString("decidedBy"));
        assertProblem(engineer.send(compensations + "/1/approval", "POST"), 409, "已审批");

        // 1,500 元 is beyond staff; the supervisor (the office's named manager) approves it.
        assertProblem(engineer.send(compensations + "/2/approval", "POST"), 403, "1500.00");
        JsonObject list = PortalClient.json(supervisor.get(compensations));
        assertEquals("MANAGER", list.getString("authority"));
        assertEquals(List.of("approve", "refuse"), list.getJsonArray("items").getJsonObject(1)
                .getJsonArray("allowedActions").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals("APPROVED", PortalClient.json(supervisor.send(compensations + "/2/approval", "POST"))
                .getString("state"));

        // A refusal needs its reason, and the history keeps it.
        assertEquals(Set.of("reason"), fields(engineer.postJson(compensations + "/3/refusal", "{\"reason\":\"\"}")));
        JsonObject refused = PortalClient.json(engineer.postJson(compensations + "/3/refusal",
                "{\"reason\":\"已退还电梯费，不再减免物业费\"}"));
        assertEquals("REFUSED", refused.getString("state"));
        List<JsonObject> history = PortalClient.json(staff.get(HUIJING + "/complaints/" + number))
                .getJsonArray("history").getValuesAs(JsonObject.class);
        assertEquals(List.of("COMPENSATION_PROPOSE", "COMPENSATION_PROPOSE", "COMPENSATION_PROPOSE",
                "COMPENSATION_APPROVE", "COMPENSATION_APPROVE", "COMPENSATION_REFUSE"), history.stream()
                .map(e -> e.getString("action")).filter(a -> a.startsWith("COMPENSATION")).toList());
        JsonObject refusal = history.stream().filter(e -> e.getString("action").equals("COMPENSATION_REFUSE"))
                .findFirst().orElseThrow();
        assertEquals("huijing.engineer", refusal.getString("actor"));
        assertTrue(refusal.getString("text").contains("已退还电梯费，不再减免物业费"), refusal.toString());

        // Approved: now the promise may be made.
        assertEquals(200, reply(staff, number, "王女士您好，我们会赔偿您的误工损失 1500 元。").statusCode());

        // Another tenant's people get nothing of it, by any address.
        PortalClient stranger = client("riverside.supervisor");
        for (HttpResponse<String> foreign : List.of(stranger.get(compensations),
                stranger.send(compensations + "/3/approval", "POST"),
                stranger.postJson(compensations, "{\"type\":\"REFUND\",\"amount\":\"1\",\"reason\":\"x\"}"),
                stranger.get(RIVERSIDE + "/complaints/" + number + "/compensations"),
                stranger.send(RIVERSIDE + "/complaints/" + number + "/compensations/3/approval", "POST"),
                stranger.get(HUIJING + "/settings/compensation-policy"),
                client("riverside.admin").putJson(HUIJING + "/settings/compensation-policy", "{\"staffLimit\":\"1\","
                        + "\"supervisorLimit\":\"1\",\"version\":1}"))) {
            assertTrue(foreign.statusCode() == 403 || foreign.statusCode() == 404, foreign.statusCode() + " "
                    + foreign.body());
            assertFalse(foreign.body().contains("电梯"), foreign.body());
        }
        assertEquals("REFUSED", PortalClient.json(staff.get(compensations)).getJsonArray("items").getJsonObject(2)
                .getString("state"), "unchanged");

        // The approvals of this case dated into July 2019: that month's table and Q3's report count them.
        try (Connection db = PostgresServer.kefuDatabase(); PreparedStatement sql = db.prepareStatement(
                "UPDATE compensation SET decided_at = TIMESTAMP WITH TIME ZONE '2019-07-15 10:00:00+08' "
                        + "WHERE complaint_id = (SELECT id FROM complaint WHERE case_number = ? AND tenant_id = "
                        + "(SELECT id FROM tenant WHERE slug = 'huijing-property'))")) {
            sql.setString(1, number);
            assertEquals(3, sql.executeUpdate());
        }
        HttpResponse<String> generated = supervisor.postJson(HUIJING + "/reports/monthly/" + MONTH, "");
        assertTrue(generated.statusCode() == 201 || generated.statusCode() == 200, generated.body());
        List<JsonObject> totals = PortalClient.json(supervisor.get(HUIJING + "/reports/monthly/" + MONTH))
                .getJsonObject("table").getJsonArray("compensations").getValuesAs(JsonObject.class);
        assertEquals(Map.of("COMPENSATION", "1:1500.00", "REFUND", "1:250.00"), totals.stream()
                .filter(t -> "engineering".equals(t.getString("department", null))).collect(Collectors.toMap(
                        t -> t.getString("type"), t -> t.getInt("count") + ":" + t.getString("amount"))),
                "approved only, per department and type: " + totals);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(supervisor.download(
                HUIJING + "/reports/monthly/" + MONTH + "/table.xlsx").body()))) {
            Sheet sheet = book.getSheet("已批准的折让、赔款、退货");
            assertTrue(sheet != null, "the workbook has the compensation sheet");
            Map<String, Double> amounts = new java.util.HashMap<>();
            for (Row row : sheet) {
                if (row.getRowNum() > 0 && row.getCell(3) != null
                        && row.getCell(3).getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                    amounts.put(row.getCell(1) == null ? row.getCell(0).getStringCellValue()
                            : row.getCell(1).getStringCellValue(), row.getCell(3).getNumericCellValue());
                }
            }
            assertEquals(250.0, amounts.get("退款"), amounts.toString());
            assertEquals(1500.0, amounts.get("赔款"), amounts.toString());
        }
        List<JsonObject> quarter = PortalClient.json(supervisor.get(HUIJING + "/reports/quarterly/2019-Q3"))
                .getJsonArray("compensations").getValuesAs(JsonObject.class);
        assertTrue(quarter.stream().anyMatch(t -> t.getString("month").equals(MONTH) && t.getString("type")
                .equals("COMPENSATION") && t.getString("amount").equals("1500.00")), quarter.toString());
        assertEquals(403, stranger.get(HUIJING + "/reports/monthly/" + MONTH).statusCode());
    }

    @Test
    void theCasePagesPanelProposesAndApproves() throws Exception {
        PortalClient.awaitReady(base);
        String number = openCase(client("huijing.staff"));
        Path profile = Files.createTempDirectory("kefu-chromium");
        WebDriver browser = Chromium.start(profile, "zh-CN", "zh-CN,zh", "1280,1100", Map.of());
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            String page = new URL(base, "/t/huijing-property/staff/cases/" + number).toString();
            logIn(browser, wait, page, "huijing.staff", "case:compensation");
            // The menu's panel opens with an animation: a click on its item before it settles can miss, so the
            // choice is made again until the menu shows it.
            new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.WebDriverException.class)
                    .until(b -> {
                if (!b.findElement(By.id("case:type_label")).getText().contains("折让")) {
                    b.findElement(By.id("case:type")).click();
                    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                            "#case\\:type_items li[data-label='折让']"))).click();
                }
                return b.findElement(By.id("case:type_label")).getText().contains("折让");
            });
            browser.findElement(By.id("case:amount")).sendKeys("80");
            browser.findElement(By.id("case:reason")).sendKeys("维修延误，减免部分物业费");
            browser.findElement(By.id("case:compensation-propose")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("case:compensation"), "待审批"));
            Chromium.screenshot(browser, "PostgreSQL", "compensation-proposed.png");
            assertTrue(browser.findElements(By.cssSelector("[id$=':approve']")).isEmpty(), "not for the proposer");
            assertTrue(browser.findElement(By.id("case:compensation")).getText().contains("80.00"));
            assertTrue(browser.getPageSource().contains("#1 折让 80.00 元：维修延误"), "the history shows the step at once");

            Chromium.logOut(browser);
            logIn(browser, wait, page, "huijing.engineer", "case:compensation");
            browser.findElement(By.cssSelector("[id$=':approve']")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("case:compensation"), "已批准"));
            Chromium.screenshot(browser, "PostgreSQL", "compensation-approved.png");
            assertTrue(browser.findElement(By.id("case:compensation")).getText().contains("huijing.engineer"));

            Chromium.logOut(browser);
            logIn(browser, wait, new URL(base, "/t/huijing-property/admin/compensation").toString(), "huijing.admin",
                    "policy:staffLimit");
            Chromium.screenshot(browser, "PostgreSQL", "compensation-admin.png");
            assertTrue(browser.findElement(By.id("policy:staffLimit")).getAttribute("value").matches("\\d+\\.\\d\\d"));
            assertTrue(browser.findElement(By.id("policy:promiseWords")).getAttribute("value").contains("赔偿您"));
        } finally {
            browser.quit();
        }
        JsonObject seen = PortalClient.json(client("huijing.staff").get(HUIJING + "/complaints/" + number
                + "/compensations")).getJsonArray("items").getJsonObject(0);
        assertEquals("APPROVED", seen.getString("state"));
        assertEquals("8000", String.valueOf(Math.round(Double.parseDouble(seen.getString("amount")) * 100)));
        HttpResponse<String> foreignPage = PortalClient.loggedIn(base, "riverside-mall", "riverside.staff", PASSWORD)
                .get("/t/huijing-property/staff/cases/" + number);
        assertTrue(List.of(403, 404).contains(foreignPage.statusCode()), "another tenant's staff do not see the page: "
                + foreignPage.statusCode());
        assertFalse(foreignPage.body().contains("维修延误"));
    }

    private void logIn(WebDriver browser, WebDriverWait wait, String page, String username, String shown) {
        browser.get(page);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:username")));
        browser.findElement(By.id("login:username")).sendKeys(username);
        browser.findElement(By.id("login:password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login:submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(shown)));
    }

    /** A phone complaint the staff member accepts (they own it) and routes to engineering. */
    private String openCase(PortalClient staff) {
        JsonObject filed = created(staff.postJson(HUIJING + "/complaints", "{\"kind\":\"COMPLAINT\",\"description\":"
                + "\"电梯困人一小时，要求赔偿\",\"contactName\":\"王女士\",\"contactPhone\":\"13800138000\","
                + "\"channel\":\"PHONE\"}"));
        String number = filed.getString("number");
        int version = PortalClient.json(staff.get(HUIJING + "/complaints/" + number)).getInt("version");
        JsonObject accepted = PortalClient.json(staff.postJson(HUIJING + "/complaints/" + number + "/actions/accept",
                "{\"version\":" + version + "}"));
        HttpResponse<String> routed = staff.postJson(HUIJING + "/complaints/" + number + "/actions/route",
                "{\"version\":" + accepted.getInt("version") + ",\"departmentCode\":\"engineering\"}");
        assertEquals(200, routed.statusCode(), routed.body());
        return number;
    }

    private HttpResponse<String> reply(PortalClient staff, String number, String text) {
        int version = PortalClient.json(staff.get(HUIJING + "/complaints/" + number)).getInt("version");
        return staff.postJson(HUIJING + "/complaints/" + number + "/actions/reply", "{\"version\":" + version
                + ",\"text\":\"" + text + "\"}");
    }

    private PortalClient client(String username) {
        return PortalClient.basic(base, username, PASSWORD);
    }

    private static JsonObject created(HttpResponse<String> response) {
        assertEquals(201, response.statusCode(), response.body());
        return PortalClient.json(response);
    }

    private static Set<String> fields(HttpResponse<String> response) {
        assertEquals(422, response.statusCode(), response.body());
        return PortalClient.json(response).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).collect(Collectors.toSet());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detailPart) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.body().contains(detailPart), response.body());
    }
}
