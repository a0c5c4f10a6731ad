package io.kefu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The supervisor's dashboard on PostgreSQL against seeded cases of known shape: the third quarter of 2025 in
 * Asia/Shanghai (a case registered at 23:30 on 31 August, one at 23:50 on the quarter's last day, one ten minutes
 * into the next quarter), cases linked to units of two buildings, open cases of every age up to today, overdue and
 * not. Every count the dashboard shows equals what this test counts itself from the tenant's rows; the report
 * figures in it are ReportFigures' own; every drill-down query lists exactly as many cases through
 * {@code GET /complaints} and the inbox page; other tenants' people, staff and residents are refused.
 */
@SharedPortal.Client
class DashboardIT {

    static final String PASSWORD = "kefu-demo-2026";
    static final String SLUG = "huijing-property";
    static final String HUIJING = "/api/v1/tenants/" + SLUG;
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Set<String> OPEN = Set.of("REGISTERED", "ACCEPTED", "IN_PROGRESS", "WAITING_ON_RESIDENT",
            "REJECTION_REQUESTED", "CALLBACK_PENDING");
    static final Set<String> RUNNING = Set.of("REGISTERED", "ACCEPTED", "IN_PROGRESS", "REJECTION_REQUESTED");
    static final List<String> KINDS = List.of("COMPLAINT", "REPAIR", "CONSULTATION", "SUGGESTION", "PRAISE");
    static final int[] AGES = {0, 1, 3, 7, 14, 30};
    static final Pattern PAGE_TOTAL = Pattern.compile("\\d+–\\d+ / (\\d+)");

    @SharedPortal.Base
    URL base;

    /** A case as seeded: times local to Shanghai; {@code unit} "building/number" or null. */
    record Seed(String number, String kind, String category, String department, String status, String registered,
            String firstDue, String firstResponded, String resolutionDue, String unit) {
    }

    /** A case as the database holds it, whoever wrote it: what the test counts from. */
    record Row(String status, String kind, String category, String department, Instant registered,
            Instant firstDue, Instant firstResponded, Instant resolutionDue, String building, Instant closed,
            String responsible) {

        boolean open() {
            return OPEN.contains(status);
        }

        boolean overdue(Instant now) {
            return RUNNING.contains(status) && (resolutionDue.isBefore(now)
                    || (firstResponded == null && firstDue.isBefore(now)));
        }

        boolean registeredIn(LocalDate from, LocalDate to) {
            return !registered.isBefore(from.atStartOfDay(SHANGHAI).toInstant())
                    && registered.isBefore(to.plusDays(1).atStartOfDay(SHANGHAI).toInstant());
        }
    }

    static final List<Seed> QUARTER = List.of(
            new Seed("202507-8001", "COMPLAINT", "noise", "property", "CLOSED", "2025-07-02T10:00",
                    "2025-07-02T17:00", "2025-07-02T11:00", "2025-07-10T18:00", "DB-A/101"),
            new Seed("202507-8002", "COMPLAINT", "noise", "property", "CLOSED", "2025-07-15T09:00",
                    "2025-07-15T17:00", "2025-07-15T10:00", "2025-07-25T18:00", "DB-A/101"),
            new Seed("202507-8003", "REPAIR", "repairs", "engineering", "CLOSED", "2025-07-20T08:00",
                    "2025-07-20T12:00", "2025-07-20T09:00", "2025-07-28T18:00", "DB-A/102"),
            new Seed("202508-8004", "COMPLAINT", "cleaning", "cleaning", "NOT_UPHELD", "2025-08-05T09:00",
                    "2025-08-05T17:00", "2025-08-05T09:30", "2025-08-20T18:00", "DB-B/201"),
            // Open and long overdue.
            new Seed("202508-8005", "COMPLAINT", "noise", "security", "IN_PROGRESS", "2025-08-10T09:00",
                    "2025-08-10T17:00", "2025-08-10T09:30", "2025-08-20T18:00", "DB-B/201"),
            // 23:30 on Sunday 31 August in Shanghai: August, and the week of 25 August. Never responded: overdue.
            new Seed("202508-8006", "CONSULTATION", null, null, "REGISTERED", "2025-08-31T23:30",
                    "2025-09-01T12:00", null, "2025-09-15T18:00", null),
            new Seed("202509-8007", "SUGGESTION", "billing", "finance", "WAITING_ON_RESIDENT", "2025-09-30T23:50",
                    "2025-10-08T12:00", "2025-10-01T09:00", "2025-10-20T18:00", "DB-A/101"),
            new Seed("202509-8008", "PRAISE", null, null, "CLOSED", "2025-09-14T10:00", "2025-09-16T17:00",
                    "2025-09-14T11:00", "2025-09-30T18:00", null),
            new Seed("202509-8009", "COMPLAINT", "repairs", "engineering", "WITHDRAWN", "2025-09-20T10:00",
                    "2025-09-20T17:00", null, "2025-09-30T18:00", "DB-A/102"),
            // The previous quarter's, and the next quarter's first minutes: neither is the third quarter's.
            new Seed("202506-8010", "COMPLAINT", "noise", "property", "CLOSED", "2025-06-20T10:00",
                    "2025-06-20T17:00", "2025-06-20T11:00", "2025-06-30T18:00", "DB-A/101"),
            new Seed("202510-8011", "COMPLAINT", "noise", "property", "ACCEPTED", "2025-10-01T00:10",
                    "2025-10-01T17:00", "2025-10-01T09:00", "2031-01-01T18:00", "DB-A/101"));

    private static boolean seeded;

    private PortalClient client(String username) {
        PortalClient.awaitReady(base);
        return PortalClient.basic(base, username, PASSWORD);
    }

    @Test
    void everyDashboardCountEqualsTheRowsAndEveryDrillDownListsExactlyThoseCases() throws SQLException {
        seedOnce();
        PortalClient boss = client("huijing.supervisor");
        Instant now = Instant.now();
        JsonObject dashboard = PortalClient.json(boss.get(HUIJING + "/dashboard?period=2025-Q3"));
        List<Row> rows = rows();
        LocalDate from = LocalDate.of(2025, 7, 1);
        LocalDate to = LocalDate.of(2025, 9, 30);

        assertEquals("2025-Q3", dashboard.getJsonObject("period").getString("name"));
        assertEquals("2025-Q2", dashboard.getJsonObject("previousPeriod").getString("name"));
        assertCount(count(rows, r -> r.registeredIn(from, to)), dashboard.getJsonObject("registered"), "registered");
        assertTrue(dashboard.getJsonObject("registered").getInt("count") >= 9, "8001 to 8009 at least");
        assertCount(count(rows, r -> r.registeredIn(from, to) && r.kind().equals("COMPLAINT")
                && !r.status().equals("NOT_UPHELD") && !r.status().equals("WITHDRAWN")),
                dashboard.getJsonObject("validComplaints"), "valid complaints");

        Map<String, Long> byStatus = new HashMap<>();
        for (JsonValue v : dashboard.getJsonArray("openByStatus")) {
            byStatus.put(v.asJsonObject().getString("status"), (long) v.asJsonObject().getInt("count"));
        }
        for (String status : OPEN) {
            assertEquals(count(rows, r -> r.status().equals(status)), byStatus.get(status), "open " + status);
        }
        assertCount(count(rows, r -> r.overdue(now)), dashboard.getJsonObject("overdueNow"), "overdue now");

        LocalDate today = LocalDate.ofInstant(now, SHANGHAI);
        List<JsonValue> ageing = dashboard.getJsonArray("ageing");
        assertEquals(AGES.length, ageing.size());
        for (int i = 0; i < AGES.length; i++) {
            int lower = AGES[i];
            Integer upper = i + 1 < AGES.length ? AGES[i + 1] : null;
            long expected = count(rows, r -> {
                long age = ChronoUnit.DAYS.between(LocalDate.ofInstant(r.registered(), SHANGHAI), today);
                return r.open() && age >= lower && (upper == null || age < upper);
            });
            assertCount(expected, ageing.get(i).asJsonObject(), "age from " + lower);
            assertTrue(expected > 0, "the seed has open cases of every age, " + lower + " days included");
        }

        // Twelve weeks, Monday to Sunday, up to the week of 30 September 2025.
        LocalDate lastMonday = to.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<JsonValue> weekly = dashboard.getJsonArray("weekly");
        assertEquals(12, weekly.size());
        for (int w = 0; w < 12; w++) {
            LocalDate monday = lastMonday.minusWeeks(11 - w);
            JsonObject week = weekly.get(w).asJsonObject();
            assertEquals(monday.toString(), week.getString("weekStart"));
            for (String kind : KINDS) {
                assertCount(count(rows, r -> r.kind().equals(kind) && r.registeredIn(monday, monday.plusDays(6))),
                        week.getJsonObject("byKind").getJsonObject(kind), "week " + monday + " " + kind);
            }
        }
        JsonObject lateAugust = weekly.stream().map(JsonValue::asJsonObject)
                .filter(w -> w.getString("weekStart").equals("2025-08-25")).findFirst().orElseThrow();
        assertEquals(1, lateAugust.getJsonObject("byKind").getJsonObject("CONSULTATION").getInt("count"),
                "23:30 on Sunday 31 August belongs to the week of 25 August");

        Map<String, Long> categories = new TreeMap<>();
        rows.stream().filter(r -> r.registeredIn(from, to)).forEach(r -> categories.merge(String.valueOf(r.category()),
                1L, Long::sum));
        for (JsonValue v : dashboard.getJsonArray("topCategories")) {
            JsonObject c = v.asJsonObject();
            String key = c.isNull("category") ? "null" : c.getString("category");
            assertEquals(categories.get(key), (long) c.getInt("count"), "category " + key);
        }
        assertEquals(Math.min(8, categories.size()), dashboard.getJsonArray("topCategories").size());

        Map<String, long[]> load = new HashMap<>();
        rows.stream().filter(Row::open).forEach(r -> {
            long[] counts = load.computeIfAbsent(String.valueOf(r.department()), k -> new long[2]);
            counts[0]++;
            counts[1] += r.overdue(now) ? 1 : 0;
        });
        assertEquals(load.size(), dashboard.getJsonArray("departmentLoad").size());
        for (JsonValue v : dashboard.getJsonArray("departmentLoad")) {
            JsonObject d = v.asJsonObject();
            String key = d.isNull("department") ? "null" : d.getString("department");
            assertEquals(load.get(key)[0], d.getInt("count"), "open in " + key);
            assertEquals(load.get(key)[1], d.getJsonObject("overdue").getInt("count"), "overdue in " + key);
        }

        Map<String, Long> cells = new TreeMap<>();
        rows.stream().filter(r -> r.registeredIn(from, to) && r.building() != null && r.category() != null)
                .forEach(r -> cells.merge(r.building() + "×" + r.category(), 1L, Long::sum));
        Map<String, Long> heat = new TreeMap<>();
        for (JsonValue v : dashboard.getJsonArray("heatMap")) {
            JsonObject c = v.asJsonObject();
            heat.put(c.getString("building") + "×" + c.getString("category"), (long) c.getInt("count"));
        }
        assertEquals(cells, heat, "buildings × categories");
        assertEquals(2L, heat.get("DB-A×noise"), "8001 and 8002; not June's 8010 nor October's 8011");

        // The report figures are ReportFigures' own, for the quarter and the one before.
        assertEquals(figures(boss, from, to), dashboard.getJsonObject("figures"));
        assertEquals(figures(boss, LocalDate.of(2025, 4, 1), LocalDate.of(2025, 6, 30)),
                dashboard.getJsonObject("previousFigures"));
        List<JsonValue> trend = dashboard.getJsonArray("trend");
        assertEquals(6, trend.size());
        for (int m = 0; m < 6; m++) {
            LocalDate first = LocalDate.of(2025, 4 + m, 1);
            JsonObject month = trend.get(m).asJsonObject();
            JsonObject expected = figures(boss, first, first.plusMonths(1).minusDays(1));
            assertEquals(first.toString().substring(0, 7), month.getString("month"));
            assertEquals(expected.getJsonObject("firstResponse"), month.getJsonObject("firstResponse"));
            assertEquals(expected.getJsonObject("resolution"), month.getJsonObject("resolution"));
            assertEquals(expected.getJsonObject("callbacks").get("rate"), month.get("callbackRate"));
            assertEquals(expected.getJsonObject("callbacks").get("satisfaction"), month.get("callbackSatisfaction"));
            assertEquals(expected.getJsonObject("surveys").get("satisfaction"), month.get("surveySatisfaction"));
        }

        // September's dashboard reuses its own and August's figures for the trend: the same six months.
        JsonObject september = PortalClient.json(boss.get(HUIJING + "/dashboard?period=2025-09"));
        assertEquals(trend, september.getJsonArray("trend"));
        assertEquals(figures(boss, LocalDate.of(2025, 8, 1), LocalDate.of(2025, 8, 31)),
                september.getJsonObject("previousFigures"));

        // Every count with a drill-down lists exactly that many cases.
        List<JsonObject> counts = new ArrayList<>();
        collectCounts(dashboard, counts);
        int drilled = 0;
        for (JsonObject count : counts) {
            if (count.isNull("inbox")) {
                continue;
            }
            String query = count.getString("inbox");
            JsonObject list = PortalClient.json(boss.get(HUIJING + "/complaints?size=1&" + query));
            assertEquals(count.getInt("count"), list.getInt("total"), "drill-down " + query);
            drilled++;
        }
        assertTrue(drilled > 80, "drilled " + drilled);
        System.out.println("DashboardIT: " + drilled + " drill-downs listed exactly their counts");

        // The inbox also filters by the responsible department (职责归属; the handling one until judged).
        for (String responsible : List.of("property", "security", "cleaning", "finance")) {
            assertEquals(count(rows, r -> responsible.equals(r.responsible())), PortalClient.json(boss.get(HUIJING
                    + "/complaints?size=1&responsible=" + responsible)).getInt("total"), "responsible " + responsible);
        }

        // The inbox page with a drill-down's address shows the filter and the same number of cases.
        PortalClient page = PortalClient.loggedIn(base, SLUG, "huijing.supervisor", PASSWORD);
        JsonObject cell = dashboard.getJsonArray("heatMap").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("building").equals("DB-A") && c.getString("category").equals("noise"))
                .findFirst().orElseThrow();
        HttpResponse<String> inbox = page.get("/t/" + SLUG + "/staff/?" + cell.getString("inbox"));
        assertEquals(200, inbox.statusCode());
        assertEquals("2", total(inbox.body()), "the inbox lists the cell's two cases");
        assertTrue(inbox.body().contains("id=\"inbox:filter-building\""), "the building filter is shown");
        assertTrue(inbox.body().contains("202507-8001") && inbox.body().contains("202507-8002"));
        JsonObject aged = ageing.get(AGES.length - 1).asJsonObject();
        assertEquals(String.valueOf(aged.getInt("count")), total(page.get("/t/" + SLUG + "/staff/?"
                + aged.getString("inbox")).body()), "the oldest open cases");
        assertEquals(200, page.get("/t/" + SLUG + "/staff/dashboard?period=2025-Q3").statusCode());
        HttpResponse<String> judged = page.get("/t/" + SLUG + "/staff/?responsible=cleaning");
        assertTrue(Pattern.compile("id=\"inbox:filter-responsible\"[^>]*>[^<]*保洁部").matcher(judged.body()).find()
                && judged.body().contains("202508-8005"),
                "the responsible department by name, and the case judged its fault");
        assertEquals(String.valueOf(count(rows, r -> "cleaning".equals(r.responsible()))), total(judged.body()));
        HttpResponse<String> wrongPeriod = page.get("/t/" + SLUG + "/staff/dashboard?period=2025-13");
        assertEquals(200, wrongPeriod.statusCode());
        assertTrue(wrongPeriod.body().contains("id=\"period-invalid\""), "a wrong period is said, this month shown");
        HttpResponse<String> wrongFilter = page.get("/t/" + SLUG + "/staff/?kind=NOISE&from=yesterday&status=LOST");
        assertEquals(200, wrongFilter.statusCode(), "a mistyped link still opens the inbox");
    }

    @Test
    void onlyTheTenantsSupervisorsSeeTheDashboard() {
        PortalClient.awaitReady(base);
        assertEquals(200, client("huijing.supervisor").get(HUIJING + "/dashboard").statusCode());
        for (String refused : List.of("huijing.staff", "huijing.resident", "huijing.admin", "riverside.supervisor",
                "riverside.staff", "riverside.admin")) {
            int status = client(refused).get(HUIJING + "/dashboard?period=2025-Q3").statusCode();
            assertTrue(status == 403 || status == 404, refused + " got " + status);
        }
        assertEquals(401, PortalClient.anonymous(base).get(HUIJING + "/dashboard").statusCode());
        PortalClient desk = PortalClient.loggedIn(base, SLUG, "huijing.staff", PASSWORD);
        assertEquals(403, desk.get("/t/" + SLUG + "/staff/dashboard").statusCode());
        assertFalse(desk.get("/t/" + SLUG + "/staff/").body().contains("id=\"dashboard-link\""),
                "no dashboard link for staff");
        PortalClient stranger = PortalClient.loggedIn(base, "riverside-mall", "riverside.supervisor", PASSWORD);
        assertEquals(403, stranger.get("/t/" + SLUG + "/staff/dashboard").statusCode());
    }

    @Test
    void thePlatformOperatorSeesCountsPerTenantAndNoCaseData() throws SQLException {
        seedOnce();
        PortalClient operator = PortalClient.basic(base, "platform.it", System.getProperty("kefu.it.admin.password"));
        Instant now = Instant.now();
        JsonObject huijing = PortalClient.jsonArray(operator.get("/api/v1/platform/tenants")).stream()
                .map(JsonValue::asJsonObject).filter(t -> t.getString("slug").equals(SLUG)).findFirst().orElseThrow();
        List<Row> rows = rows();
        Instant monthStart = LocalDate.ofInstant(now, SHANGHAI).withDayOfMonth(1).atStartOfDay(SHANGHAI).toInstant();
        assertEquals(count(rows, Row::open), huijing.getInt("openCases"), huijing.toString());
        assertEquals(count(rows, r -> r.overdue(now)), huijing.getInt("overdueCases"));
        assertEquals(count(rows, r -> !r.registered().isBefore(monthStart)), huijing.getInt("casesThisMonth"));
        assertEquals(count(rows, r -> r.closed() != null && !r.closed().isBefore(monthStart)),
                huijing.getInt("closedThisMonth"));
        assertEquals(Set.of("slug", "nameZh", "nameEn", "kind", "status", "timeZone", "defaultLocale",
                "casesThisMonth", "closedThisMonth", "openCases", "overdueCases", "users", "storageBytes"),
                huijing.keySet(), "counts only: no case, number or name");

        PortalClient page = PortalClient.loggedIn(base, null, "platform.it",
                System.getProperty("kefu.it.admin.password"));
        String html = page.get("/platform/").body();
        assertTrue(html.contains("tenants:0:open") && html.contains("tenants:0:overdue"), "the counts are shown");
        assertFalse(html.contains("202507-8001") || html.contains("看板测试"), "no case data on the operator's page");
        int refused = client("huijing.supervisor").get("/api/v1/platform/tenants").statusCode();
        assertTrue(refused == 403 || refused == 404, "a tenant's supervisor got " + refused);
    }

    /**
     * In a real browser on a tablet-sized window: the supervisor opens the dashboard from the inbox's nav, clicks
     * the bar of the oldest open cases and lands on the inbox filtered to exactly those; a figure does the same;
     * the page reads in English too. Screenshots in {@code target/screenshots/dashboard}.
     */
    @Test
    void aSupervisorClicksABarAndLandsOnTheFilteredInbox() throws Exception {
        seedOnce();
        JsonObject dashboard = PortalClient.json(client("huijing.supervisor").get(HUIJING
                + "/dashboard?period=2025-Q3"));
        List<JsonValue> ageing = dashboard.getJsonArray("ageing");
        JsonObject oldest = ageing.get(AGES.length - 1).asJsonObject();
        Path profile = Files.createTempDirectory("kefu-chromium");
        WebDriver browser = Chromium.start(profile, "zh-CN", "zh-CN,zh", "1024,768", Map.of());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        try {
            browser.get(url("/t/" + SLUG + "/login"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:username")))
                    .sendKeys("huijing.supervisor");
            browser.findElement(By.id("login:password")).sendKeys(PASSWORD);
            browser.findElement(By.id("login:submit")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.id("dashboard-link"))).click();
            wait.until(ExpectedConditions.urlContains("/staff/dashboard"));
            browser.get(url("/t/" + SLUG + "/staff/dashboard?period=2025-Q3"));
            wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                    "return !!(PF('ageingChart') && PF('ageingChart').chart)")));
            Chromium.screenshot(browser, "dashboard", "01-dashboard-zh.png");
            assertTrue((Boolean) ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth <= window.innerWidth"),
                    "nothing wider than the tablet");

            // The bar of the oldest open cases: where Chart.js drew it, relative to the canvas' centre.
            WebElement canvas = browser.findElement(By.cssSelector("#dash\\:ageing canvas"));
            // The whole canvas in view: the pointer's offsets count from the centre of the element's visible part, so a
            // canvas half below the fold (a banner above it is enough) would move the click off the bar.
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", canvas);
            @SuppressWarnings("unchecked")
            List<Number> bar = (List<Number>) ((JavascriptExecutor) browser).executeScript(
                    "var c = PF('ageingChart').chart; var b = c.getDatasetMeta(0).data[" + (AGES.length - 1) + "];"
                            + "var r = c.canvas.getBoundingClientRect();"
                            + "return [b.x - r.width / 2, (b.y + b.base) / 2 - r.height / 2];");
            new Actions(browser).moveToElement(canvas, bar.get(0).intValue(), bar.get(1).intValue()).click().perform();
            wait.until(ExpectedConditions.urlContains("/staff/?"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inbox:cases")));
            Chromium.screenshot(browser, "dashboard", "02-inbox-after-bar.png");
            assertTrue(browser.getCurrentUrl().endsWith(oldest.getString("inbox")), browser.getCurrentUrl());
            assertEquals(String.valueOf(oldest.getInt("count")), total(browser.getPageSource()),
                    "the inbox lists exactly the bar's cases");
            assertTrue(browser.findElement(By.id("inbox:link-filter")).isDisplayed(), "the filter is shown");

            // A figure is a link as well; the filter clears.
            browser.navigate().back();
            wait.until(ExpectedConditions.elementToBeClickable(By.id("registered"))).click();
            wait.until(ExpectedConditions.urlContains("/staff/?from=2025-07-01"));
            assertEquals(String.valueOf(dashboard.getJsonObject("registered").getInt("count")),
                    total(browser.getPageSource()));
            Chromium.screenshot(browser, "dashboard", "03-inbox-after-figure.png");
            browser.findElement(By.id("inbox:reset")).click();
            wait.until(d -> d.findElement(By.id("inbox:from_input")).getAttribute("value").isEmpty());

            browser.get(url("/t/" + SLUG + "/staff/dashboard?period=2025-Q3"));
            wait.until(ExpectedConditions.elementToBeClickable(By.id("lang-en"))).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Dashboard"));
            wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                    "return !!(PF('weeklyChart') && PF('weeklyChart').chart)")));
            Chromium.screenshot(browser, "dashboard", "04-dashboard-en.png");
            new Actions(browser).scrollToElement(browser.findElement(By.id("heat-map"))).perform();
            Chromium.screenshot(browser, "dashboard", "05-dashboard-en-heat-map.png");
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(768, 1024));
            browser.navigate().refresh();
            wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                    "return !!(PF('statusChart') && PF('statusChart').chart)")));
            assertTrue((Boolean) ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth <= window.innerWidth"), "a tablet held upright");
            Chromium.screenshot(browser, "dashboard", "06-dashboard-en-tablet-portrait.png");
            assertTrue(browser.findElements(By.cssSelector(".heat-cell")).size() >= 3, "the seeded cells");
        } finally {
            browser.quit();
        }
    }

    @Test
    void aPeriodThatIsNeitherMonthNorQuarterIsRefusedClearly() {
        PortalClient boss = client("huijing.supervisor");
        for (String bad : List.of("2025-13", "2025-Q5", "last-month", "2025-7")) {
            HttpResponse<String> got = boss.get(HUIJING + "/dashboard?period=" + bad);
            assertEquals(422, got.statusCode(), bad);
            JsonObject problem = PortalClient.json(got);
            assertEquals("period", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
        }
        HttpResponse<String> english = client("huijing.supervisor").language("en")
                .get(HUIJING + "/dashboard?period=2025-Q5");
        assertTrue(english.body().contains("quarter"), english.body());
        assertEquals("2025-12", PortalClient.json(boss.get(HUIJING + "/dashboard?period=2026-01"))
                .getJsonObject("previousPeriod").getString("name"));
        assertEquals("2025-Q4", PortalClient.json(boss.get(HUIJING + "/dashboard?period=2026-Q1"))
                .getJsonObject("previousPeriod").getString("name"));
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    private static String total(String html) {
        Matcher m = PAGE_TOTAL.matcher(html);
        assertTrue(m.find(), "the table's page report");
        return m.group(1);
    }

    /** Every {count, inbox} object anywhere in the answer. */
    private static void collectCounts(JsonValue value, List<JsonObject> into) {
        if (value.getValueType() == JsonValue.ValueType.OBJECT) {
            JsonObject object = value.asJsonObject();
            if (object.containsKey("count") && object.containsKey("inbox")) {
                into.add(object);
            }
            object.values().forEach(v -> collectCounts(v, into));
        } else if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            value.asJsonArray().forEach(v -> collectCounts(v, into));
        }
    }

    private static long count(List<Row> rows, Predicate<Row> which) {
        return rows.stream().filter(which).count();
    }

    private static void assertCount(long expected, JsonObject got, String label) {
        assertNotNull(got, label);
        assertEquals(expected, got.getInt("count"), label);
    }

    private JsonObject figures(PortalClient client, LocalDate from, LocalDate to) {
        return PortalClient.json(client.get(HUIJING + "/reports/figures?from=" + from + "&to=" + to));
    }

    private static List<Row> rows() throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection db = PostgresServer.kefuDatabase(); PreparedStatement sql = db.prepareStatement(
                "SELECT c.status, c.kind, c.category_code, c.department_code, c.registered_at, c.first_response_due, "
                        + "c.first_responded_at, c.resolution_due, u.building, c.closed_at, "
                        + "COALESCE(c.responsible_department_code, c.department_code) FROM complaint c "
                        + "LEFT JOIN unit u ON u.id = c.unit_id JOIN tenant t ON t.id = c.tenant_id "
                        + "WHERE t.slug = ?")) {
            sql.setString(1, SLUG);
            try (ResultSet r = sql.executeQuery()) {
                while (r.next()) {
                    rows.add(new Row(r.getString(1), r.getString(2), r.getString(3), r.getString(4), instant(r, 5),
                            instant(r, 6), instant(r, 7), instant(r, 8), r.getString(9), instant(r, 10),
                            r.getString(11)));
                }
            }
        }
        return rows;
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        OffsetDateTime value = r.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private void seedOnce() throws SQLException {
        PortalClient.awaitReady(base);
        synchronized (DashboardIT.class) {
            if (seeded) {
                return;
            }
            try (Connection db = PostgresServer.kefuDatabase()) {
                db.setAutoCommit(false);
                long tenant = CaseSeed.tenant(db, SLUG);
                Map<String, Long> units = new LinkedHashMap<>();
                for (String unit : List.of("DB-A/101", "DB-A/102", "DB-B/201")) {
                    String[] parts = unit.split("/");
                    units.put(unit, CaseSeed.unit(db, tenant, parts[0], parts[1]));
                }
                List<Seed> seeds = new ArrayList<>(QUARTER);
                // Open cases of every age, registered at noon local time on days before today; not overdue.
                LocalDate today = LocalDate.now(SHANGHAI);
                int n = 8100;
                for (int age : new int[] {0, 2, 5, 10, 29, 30, 45}) {
                    String registered = today.minusDays(age).atTime(0, 5).toString();
                    String later = LocalDateTime.now(SHANGHAI).plusDays(30).truncatedTo(ChronoUnit.MINUTES).toString();
                    seeds.add(new Seed("202612-" + n++, age % 2 == 0 ? "COMPLAINT" : "REPAIR", "noise", "property",
                            "ACCEPTED", registered, later, registered, later, age == 10 ? "DB-B/201" : null));
                }
                for (Seed s : seeds) {
                    insert(db, tenant, s, s.unit() == null ? null : units.get(s.unit()));
                }
                // A supervisor judged 8005, handled by security, to be the cleaning contractor's fault.
                try (PreparedStatement sql = db.prepareStatement("UPDATE complaint SET responsible_department_code = "
                        + "'cleaning' WHERE tenant_id = ? AND case_number = '202508-8005'")) {
                    sql.setLong(1, tenant);
                    sql.executeUpdate();
                }
                db.commit();
            }
            seeded = true;
        }
    }

    /** Finished cases closed an hour before their resolution deadline; closed ones resolved when first answered. */
    private static void insert(Connection db, long tenant, Seed c, Long unit) throws SQLException {
        boolean finished = Set.of("CLOSED", "NOT_UPHELD", "WITHDRAWN").contains(c.status());
        boolean resolved = c.status().equals("CLOSED");
        CaseSeed.of(c.number(), c.kind(), local(c.registered())).description("看板测试").category(c.category())
                .status(c.status()).departments(c.department(), null).unit(unit)
                .due(local(c.firstDue()), local(c.resolutionDue())).firstResponded(local(c.firstResponded()))
                .resolved(resolved ? local(c.firstResponded()) : null)
                .closed(finished ? local(c.resolutionDue()).minusSeconds(3_600) : null)
                .callbackOutcome(resolved ? "SATISFIED" : null).insert(db, tenant);
    }

    private static Instant local(String shanghai) {
        return shanghai == null ? null : LocalDateTime.parse(shanghai).atZone(SHANGHAI).toInstant();
    }
}
