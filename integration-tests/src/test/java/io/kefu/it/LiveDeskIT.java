package io.kefu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The live desk (issue 15): two staff desks open on their inboxes see a case a resident files on the intake page
 * within 2 seconds, without a reload, with the status counts updated; a major complaint raises the alert on a
 * supervisor's page until they acknowledge it (UI and API); a desk of another tenant hears nothing of it (checked
 * on the stream itself); and a change to the session made while a stream is open survives the stream's end.
 */
@SharedPortal.Client
class LiveDeskIT {

    private static final String PASSWORD = "kefu-demo-2026";
    private static final String HUIJING = "/api/v1/tenants/huijing-property";
    private static final Pattern REGISTERED = Pattern.compile("已登记\\s*(\\d+)");

    @SharedPortal.Base
    URL base;

    private final List<WebDriver> browsers = new ArrayList<>();
    private String testName;
    private int step;

    @BeforeEach
    void portalIsReady(TestInfo test) {
        PortalClient.awaitReady(base);
        testName = test.getTestMethod().orElseThrow().getName();
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(WebDriver::quit);
    }

    @Test
    void aFilingOnTheIntakePageAppearsInBothInboxesWithoutAReload() {
        String token = "LIVE" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        WebDriver staff = desk("huijing.staff", "/t/huijing-property/staff/");
        WebDriver supervisor = desk("huijing.supervisor", "/t/huijing-property/staff/");
        for (WebDriver desk : List.of(staff, supervisor)) {
            search(desk, token);
            assertEquals(0, registered(desk), "nothing matches the token yet");
            ((JavascriptExecutor) desk).executeScript("window.kefuNotReloaded = 'yes';");
        }
        try (LiveStream other = LiveStream.open(PortalClient.basic(base, "riverside.staff", PASSWORD),
                        "riverside-mall");
                LiveStream api = LiveStream.open(PortalClient.basic(base, "huijing.staff", PASSWORD),
                        "huijing-property")) {
            WebDriver resident = browser();
            resident.get(url("/t/huijing-property/complaints/new"));
            WebDriverWait wait = new WebDriverWait(resident, Duration.ofSeconds(20));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("intake:description")));
            resident.findElement(By.id("intake:description")).sendKeys("电梯按钮失灵 " + token);
            resident.findElement(By.id("intake:contactPhone")).sendKeys("13912345678");
            resident.findElement(By.id("intake:submit")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("case-number")));
            long filed = System.nanoTime();
            String number = resident.findElement(By.id("case-number")).getText();

            long deadline = filed + Duration.ofSeconds(2).toNanos();
            boolean staffSees = false;
            boolean supervisorSees = false;
            while (!(staffSees && supervisorSees) && System.nanoTime() < deadline) {
                staffSees = staffSees || shows(staff, number);
                supervisorSees = supervisorSees || shows(supervisor, number);
            }
            long tookMillis = (System.nanoTime() - filed) / 1_000_000;
            screenshot(staff, "staff-inbox");
            screenshot(supervisor, "supervisor-inbox");
            assertTrue(staffSees && supervisorSees, "case " + number + " in both inboxes within 2 s (staff "
                    + staffSees + ", supervisor " + supervisorSees + ", " + tookMillis + " ms)");
            System.out.println("LiveDeskIT: case " + number + " in both inboxes " + tookMillis + " ms after filing");
            for (WebDriver desk : List.of(staff, supervisor)) {
                assertEquals("yes", ((JavascriptExecutor) desk).executeScript("return window.kefuNotReloaded;"),
                        "the page was not reloaded");
                new WebDriverWait(desk, Duration.ofSeconds(5)).until(d -> registered(d) == 1);
            }

            LiveStream.Event event = api.await(e -> number.equals(e.data().getString("caseNumber", "")),
                    Duration.ofSeconds(5));
            assertEquals("case", event.name());
            assertEquals("REGISTERED", event.data().getString("status"));
            assertFalse(event.data().toString().contains("13912345678"), "no contact data on the stream");

            // The other tenant's stream: a case of its own arrives, and nothing of huijing's came before it.
            HttpResponse<String> own = PortalClient.basic(base, "riverside.staff", PASSWORD).postJson(
                    "/api/v1/tenants/riverside-mall/complaints", "{\"kind\":\"COMPLAINT\",\"description\":\"Lift\","
                            + "\"contactPhone\":\"13900000001\",\"channel\":\"PHONE\"}");
            assertEquals(201, own.statusCode(), own.body());
            String ownNumber = PortalClient.json(own).getString("number");
            other.await(e -> ownNumber.equals(e.data().getString("caseNumber", "")), Duration.ofSeconds(5));
            assertTrue(other.events().stream().noneMatch(e -> number.equals(e.data().getString("caseNumber", ""))),
                    "another tenant's stream never hears of the case: " + other.events());
        }
    }

    @Test
    void aMajorComplaintRaisesTheAlertUntilTheSupervisorAcknowledgesIt() {
        WebDriver supervisor = desk("huijing.supervisor", "/t/huijing-property/staff/callbacks");
        PortalClient staff = PortalClient.basic(base, "huijing.staff", PASSWORD);
        PortalClient manager = PortalClient.basic(base, "huijing.supervisor", PASSWORD);
        String number;
        try (LiveStream staffStream = LiveStream.open(staff, "huijing-property");
                LiveStream supervisorStream = LiveStream.open(manager, "huijing-property")) {
            number = major(staff);
            supervisorStream.await(e -> e.name().equals("notice") && number.equals(e.data().getString("caseNumber", ""))
                    && e.data().getBoolean("alert"), Duration.ofSeconds(10));
            // A notice goes to its recipient only: the staff member's stream hears of the case, not of the notice.
            String later = file(staff, "之后的案件");
            staffStream.await(e -> later.equals(e.data().getString("caseNumber", "")), Duration.ofSeconds(10));
            assertTrue(staffStream.events().stream().noneMatch(e -> e.name().equals("notice")
                    && number.equals(e.data().getString("caseNumber", ""))), staffStream.events().toString());
        }

        By alert = By.xpath("//a[contains(@class,'alert-case') and text()='" + number + "']");
        new WebDriverWait(supervisor, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(alert));
        screenshot(supervisor, "alert-raised");
        supervisor.findElement(By.id("lang-en")).click();
        new WebDriverWait(supervisor, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("live-alerts-form:live-alerts"), "Major complaint"));
        screenshot(supervisor, "alert-raised-en");

        JsonObject open = PortalClient.json(manager.get(HUIJING + "/alerts"));
        JsonObject item = open.getJsonArray("items").stream().map(v -> v.asJsonObject())
                .filter(a -> number.equals(a.getString("caseNumber"))).findFirst().orElseThrow();
        long id = item.getJsonNumber("id").longValue();
        assertEquals(404, PortalClient.basic(base, "riverside.supervisor", PASSWORD)
                .postJson("/api/v1/tenants/riverside-mall/alerts/" + id + "/acknowledge", "{}").statusCode(),
                "another tenant's supervisor cannot acknowledge it");
        assertEquals(404, staff.postJson(HUIJING + "/alerts/" + id + "/acknowledge", "{}").statusCode(),
                "nor somebody it was not raised for");

        WebElement shown = supervisor.findElement(alert);
        shown.findElement(By.xpath("./ancestor::div[contains(@class,'kefu-alert')]//button")).click();
        new WebDriverWait(supervisor, Duration.ofSeconds(10))
                .until(ExpectedConditions.invisibilityOfElementLocated(alert));
        screenshot(supervisor, "alert-acknowledged");
        assertTrue(PortalClient.json(manager.get(HUIJING + "/alerts")).getJsonArray("items").stream()
                .noneMatch(a -> number.equals(a.asJsonObject().getString("caseNumber"))), "acknowledged: gone");
        HttpResponse<String> again = manager.postJson(HUIJING + "/alerts/" + id + "/acknowledge", "{}");
        assertEquals(200, again.statusCode(), again.body());
        assertFalse(PortalClient.json(again).isNull("acknowledgedAt"), "when it was acknowledged is recorded");
    }

    @Test
    void aSessionChangeMadeWhileTheStreamIsOpenSurvivesTheStreamsEnd() {
        PortalClient desk = PortalClient.loggedIn(base, "huijing-property", "huijing.staff", PASSWORD);
        int before = liveStreams();
        LiveStream stream = LiveStream.open(desk, "huijing-property");
        assertEquals(before + 1, liveStreams(), "the session's cookie opened the stream");

        // The change: a new view in the session (server-side state saving keeps every view there).
        HttpResponse<String> inbox = desk.get("/t/huijing-property/staff/");
        assertEquals(200, inbox.statusCode());
        String viewState = PortalClient.viewState(inbox.body());

        stream.close();
        // The server notices a closed stream when it next writes to it: file until it has let it go.
        PortalClient writer = PortalClient.basic(base, "huijing.staff", PASSWORD);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (liveStreams() > before) {
            assertTrue(System.nanoTime() < deadline, "the closed stream ends on the server");
            file(writer, "会话测试");
        }

        HttpResponse<String> post = desk.postForm("/t/huijing-property/staff/", Map.of("inbox", "inbox",
                "jakarta.faces.ViewState", viewState, "jakarta.faces.partial.ajax", "true",
                "jakarta.faces.source", "inbox:apply", "jakarta.faces.partial.execute", "inbox:apply",
                "jakarta.faces.partial.render", "inbox", "inbox:apply", "inbox:apply",
                "primefaces.nonce", desk.pageNonce() == null ? "" : desk.pageNonce()),
                "Faces-Request", "partial/ajax");
        assertEquals(200, post.statusCode(), post.body());
        assertFalse(post.body().contains("ViewExpired") || post.body().contains("login:username"),
                "the view made while the stream was open is still in the session: " + post.body());
        assertEquals(200, desk.get(HUIJING + "/notices").statusCode(), "still signed in");
    }

    private int liveStreams() {
        JsonObject health = PortalClient.json(PortalClient.anonymous(base).get("/health/ready"));
        return health.getJsonArray("checks").stream().map(v -> v.asJsonObject())
                .filter(c -> c.getString("name").equals("liveDesk")).findFirst().orElseThrow()
                .getJsonObject("data").get("liveStreams").toString().replace("\"", "").transform(Integer::parseInt);
    }

    /** Files a case over the API as staff, accepts it and classifies it MAJOR; its number. */
    private static String major(PortalClient staff) {
        String number = file(staff, "燃气泄漏，重大投诉");
        String path = HUIJING + "/complaints/" + number + "/actions/";
        JsonObject c = PortalClient.json(staff.postJson(path + "accept", "{\"version\":1}"));
        c = PortalClient.json(staff.postJson(path + "classify", "{\"version\":" + c.getInt("version")
                + ",\"severity\":\"MAJOR\",\"kind\":\"COMPLAINT\",\"categoryCode\":\"security\"}"));
        assertEquals("MAJOR", c.getString("severity"));
        return number;
    }

    private static String file(PortalClient staff, String description) {
        HttpResponse<String> filed = staff.postJson(HUIJING + "/complaints", "{\"kind\":\"COMPLAINT\","
                + "\"description\":\"" + description + "\",\"contactPhone\":\"13800000002\",\"channel\":\"PHONE\"}");
        assertEquals(201, filed.statusCode(), filed.body());
        return PortalClient.json(filed).getString("number");
    }

    /** A browser signed in as {@code username} on {@code page}, its live stream open. */
    private WebDriver desk(String username, String page) {
        WebDriver browser = browser();
        browser.get(url(page));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:username")));
        browser.findElement(By.id("login:username")).sendKeys(username);
        browser.findElement(By.id("login:password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login:submit")).click();
        wait.until(d -> "open".equals(d.findElement(By.id("live-desk")).getAttribute("data-live")));
        return browser;
    }

    private void search(WebDriver desk, String text) {
        WebElement input = desk.findElement(By.id("inbox:text"));
        input.clear();
        input.sendKeys(text);
        desk.findElement(By.id("inbox:apply")).click();
        new WebDriverWait(desk, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("a.case-link"))
                .isEmpty());
    }

    private static boolean shows(WebDriver desk, String number) {
        return !desk.findElements(By.xpath("//a[contains(@class,'case-link') and text()='" + number + "']")).isEmpty();
    }

    private static int registered(WebDriver desk) {
        Matcher m = REGISTERED.matcher(desk.findElement(By.id("status-counts")).getText());
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private WebDriver browser() {
        try {
            WebDriver browser = Chromium.start(Files.createTempDirectory("kefu-chromium"), "zh-CN", "zh-CN,zh",
                    "1280,900", Map.of());
            browsers.add(browser);
            return browser;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    private void screenshot(WebDriver browser, String name) {
        Chromium.screenshot(browser, PostgresServer.expectedDatabase(),
                String.format("LiveDesk-%s-%02d-%s.png", testName, ++step, name));
    }
}
