package io.kefu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A resident answers the post-case survey in a real browser on a phone-sized window — first sending it with
 * a required question left out, then correctly — after the scheduled job sent the invitation; a supervisor then
 * sees the results page with its chart. Screenshots in {@code target/screenshots}.
 */
@SharedPortal.Client
class SurveyBrowserIT {

    static final String PASSWORD = "kefu-demo-2026";
    static final String RIVERSIDE = "/api/v1/tenants/riverside-mall";
    private static final Pattern SURVEY_LINK = Pattern.compile("/survey/([0-9]+\\.[0-9]+\\.[A-Za-z0-9_-]{43})\"");

    @SharedPortal.Base
    URL base;

    private WebDriver browser;
    private WebDriverWait wait;
    private Path profile;
    private String testName;
    private int step;

    @BeforeEach
    void openBrowser(TestInfo test) throws IOException {
        PortalClient.awaitReady(base);
        profile = Files.createTempDirectory("kefu-chromium");
        browser = Chromium.start(profile, "en", "en", "390,844", Map.of());
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        testName = test.getTestMethod().orElseThrow().getName();
        step = 0;
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            screenshot("final");
            browser.quit();
        }
    }

    @Test
    void aResidentAnswersOnAPhoneAndTheSupervisorSeesTheChart() {
        String[] c = closedCaseWithSentSurvey();
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url("/t/riverside-mall/track/" + c[1]));
        WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.id("survey-link")));
        screenshot("tracking-with-survey-link");
        link.click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("survey-title")));
        assertTrue(browser.findElement(By.tagName("legend")).getText().contains("How satisfied"));
        assertTrue((Boolean) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth"), "nothing wider than the phone");
        screenshot("survey-phone");

        // Only the first question answered: the second, required, is marked, nothing is saved.
        choose(0, "4");
        browser.findElement(By.id("survey:submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".kefu-question.has-error")));
        List<WebElement> errors = browser.findElements(By.cssSelector(".kefu-question.has-error"));
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).getText().contains("Please answer this question"), errors.get(0).getText());
        screenshot("survey-error");

        // With the keyboard as well: focus the rating point and select it with the space bar.
        WebElement point = browser.findElement(By.cssSelector("fieldset[data-position='2'] input[value='5']"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].focus()", point);
        point.sendKeys(" ");
        assertTrue(point.isSelected(), "keyboard operable");
        choose(2, "9");
        browser.findElement(By.cssSelector("fieldset[data-position='4'] label")).click();
        browser.findElement(By.cssSelector("fieldset[data-position='5'] textarea")).sendKeys("Quick and friendly");
        screenshot("survey-answered");
        browser.findElement(By.id("survey:submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("thanks-text")));
        screenshot("survey-thanks");

        // The link works once.
        browser.get(url("/t/riverside-mall/survey/" + c[2]));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("refusal"), "already been answered"));
        screenshot("survey-used");

        browser.manage().window().setSize(new Dimension(1280, 900));
        logIn("riverside-mall", "riverside.supervisor");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("survey-results-link"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#chart canvas")));
        assertTrue(Integer.parseInt(browser.findElement(By.id("responses")).getText()) >= 1);
        sleep(1500);
        screenshot("results-chart");
        browser.findElement(By.id("by")).sendKeys("Case owner");
        browser.findElement(By.id("show")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("groups"), "riverside.staff"));
        sleep(1500);
        screenshot("results-by-owner");
    }

    @Test
    void anAdminEditsAQuestionnaireAndPreviewsItAsResidentsSeeIt() {
        browser.manage().window().setSize(new Dimension(1280, 1000));
        logIn("huijing-property", "huijing.admin");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("surveys-link"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("templates:template-table")));
        screenshot("admin-surveys");
        browser.findElement(By.cssSelector("[id$=':edit']")).click();
        // The editor is re-rendered by the click: an element found just before may be replaced meanwhile.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(ExpectedConditions.attributeToBe(By.id("editor:nameZh"), "value", "客户满意度调查"));
        browser.findElement(By.id("editor:preview")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("editor:preview-panel")));
        assertTrue(browser.findElement(By.id("editor:preview-panel")).getText().contains("您对本次处理结果的满意程度如何"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('editor:preview-panel').scrollIntoView()");
        screenshot("admin-preview");
    }

    /**
     * The admin plans a campaign for a block's grade-A customers on the surveys page — first with no template, refused
     * on its field — and sees how many it invited; one of them answers through their personal link on a phone, and
     * the page then shows one of two invited answered, 50 %.
     */
    @Test
    void anAdminPlansACampaignForASegmentAndSeesItsInvitationsAnswered() {
        PortalClient admin = PortalClient.basic(base, "riverside.admin", PASSWORD);
        long n = System.nanoTime() % 100_000_000L;
        String block = "Block P" + n;
        HttpResponse<String> imported = admin.postBytes(RIVERSIDE + "/residents/import", "text/csv",
                ("building,unit,name,phone,grade\r\n" + block + ",1,Ann," + String.format("136%08d", n) + ",A\r\n"
                        + block + ",2,Bob," + String.format("135%08d", n) + ",A\r\n"
                        + block + ",3,Cai," + String.format("134%08d", n) + ",C\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, imported.statusCode(), imported.body());

        browser.manage().window().setSize(new Dimension(1280, 1000));
        logIn("riverside-mall", "riverside.admin");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("surveys-link"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("campaigns:campaign-table")));
        String code = "p" + n;
        browser.findElement(By.id("campaigns:code")).sendKeys(code);
        browser.findElement(By.id("campaigns:nameZh")).sendKeys("P 座 A 级客户回访调查");
        browser.findElement(By.id("campaigns:nameEn")).sendKeys("Block P grade A survey");
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString();
        browser.findElement(By.id("campaigns:buildings")).sendKeys(block.toUpperCase());
        browser.findElement(By.cssSelector("[id='campaigns:grades'] .ui-chkbox-box")).click();
        typeDate("campaigns:opensOn_input", today);
        typeDate("campaigns:closesOn_input", java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(7).toString());
        browser.findElement(By.id("campaigns:plan")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("campaigns"), "This field is required"));
        screenshot("campaign-refused");
        // The menu's panel opens with an animation: a click on its item before it settles can miss, so the choice is
        // made again until the menu shows it.
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(b -> {
                    if (!b.findElement(By.id("campaigns:template_label")).getText().contains("(satisfaction)")) {
                        b.findElement(By.id("campaigns:template")).click();
                        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                                "[id='campaigns:template_items'] li[data-label*='(satisfaction)']"))).click();
                    }
                    return b.findElement(By.id("campaigns:template_label")).getText().contains("(satisfaction)");
                });
        browser.findElement(By.id("campaigns:plan")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("campaigns:campaign-table"),
                "Block P grade A survey"));
        String row = rowOf(code);
        assertTrue(row.contains("0 of 2 invited answered"), row);
        assertTrue(row.contains(block.toUpperCase()) && row.contains("A"), row);
        screenshot("campaign-planned");

        String personal = invitationLinks(admin, code).get(0);
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(personal.replaceFirst("^https?://[^/]+", url("")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("survey-title")));
        choose(0, "5");
        choose(1, "4");
        choose(2, "10");
        browser.findElement(By.cssSelector("fieldset[data-position='4'] label")).click();
        screenshot("campaign-personal-link");
        browser.findElement(By.id("survey:submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("thanks-text")));
        browser.get(personal.replaceFirst("^https?://[^/]+", url("")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("survey-title")));
        choose(0, "5");
        choose(1, "4");
        choose(2, "10");
        browser.findElement(By.cssSelector("fieldset[data-position='4'] label")).click();
        browser.findElement(By.id("survey:submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("refusal"), "already answered"));
        screenshot("campaign-personal-link-twice");

        browser.manage().window().setSize(new Dimension(1280, 1000));
        logIn("riverside-mall", "riverside.admin");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("surveys-link"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("campaigns:campaign-table")));
        row = rowOf(code);
        assertTrue(row.contains("1 of 2 invited answered") && row.contains("50%"), row);
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('campaigns').scrollIntoView()");
        screenshot("campaign-answered");
    }

    /**
     * Types a date and closes the picker's calendar (it keeps the focus while open) with a click on the page's
     * heading, until the field holds it. The heading is clicked at the top of the page: scrolled into view from the
     * campaigns form it met the form's intro moving under it while the page settled (a click intercepted), so an
     * intercepted click is tried again.
     */
    private void typeDate(String id, String date) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(
                org.openqa.selenium.ElementClickInterceptedException.class).until(b -> {
            WebElement input = b.findElement(By.id(id));
            if (!date.equals(input.getAttribute("value"))) {
                input.clear();
                input.sendKeys(date);
                input.sendKeys(org.openqa.selenium.Keys.ESCAPE);
                ((org.openqa.selenium.JavascriptExecutor) b).executeScript("window.scrollTo(0, 0)");
                b.findElement(By.tagName("h1")).click();
            }
            return date.equals(b.findElement(By.id(id)).getAttribute("value"));
        });
    }

    private String rowOf(String code) {
        return browser.findElements(By.cssSelector("[id='campaigns:campaign-table'] tbody tr")).stream()
                .map(WebElement::getText).filter(t -> t.contains(code + " ·")).findFirst()
                .orElseThrow(() -> new AssertionError(code + " not listed"));
    }

    private List<String> invitationLinks(PortalClient admin, String code) {
        HttpResponse<String> got = admin.get(RIVERSIDE + "/surveys/campaigns/" + code + "/invitations");
        assertEquals(200, got.statusCode(), got.body());
        try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(got.body()))) {
            return reader.readArray().getValuesAs(JsonObject.class).stream().map(i -> i.getString("link")).toList();
        }
    }

    private void choose(int index, String value) {
        browser.findElements(By.cssSelector(".kefu-question")).get(index)
                .findElement(By.xpath(".//label[normalize-space(.)='" + value + "']")).click();
    }

    /** A riverside case closed and its survey sent by the scheduled job: {number, tracking token, survey token}. */
    private String[] closedCaseWithSentSurvey() {
        PortalClient admin = PortalClient.basic(base, "riverside.admin", PASSWORD);
        PortalClient staff = PortalClient.basic(base, "riverside.staff", PASSWORD);
        PortalClient supervisor = PortalClient.basic(base, "riverside.supervisor", PASSWORD);
        JsonObject settings = PortalClient.json(admin.get(RIVERSIDE + "/surveys/settings"));
        // Due at once, so the job (every round, 10 s in the test run) sends it during the test; restored afterwards.
        assertEquals(200, admin.putJson(RIVERSIDE + "/surveys/settings", settings.toString()
                .replaceFirst("\"delayHours\":\\d+", "\"delayHours\":0")).statusCode());
        try {
            HttpResponse<String> filed = staff.postJson(RIVERSIDE + "/complaints", "{\"kind\":\"REPAIR\","
                    + "\"channel\":\"PHONE\",\"description\":\"Lift B stops between floors\","
                    + "\"contactName\":\"Ms Lee\",\"contactPhone\":\"+85291234567\","
                    + "\"contactEmail\":\"lee@example.com\"}");
            assertEquals(201, filed.statusCode(), filed.body());
            String number = PortalClient.json(filed).getString("number");
            String tracking = PortalClient.json(filed).getString("trackingToken");
            act(staff, number, "accept", "{\"version\":" + version(staff, number) + "}");
            act(staff, number, "resolve", "{\"version\":" + version(staff, number) + ",\"resolution\":\"Repaired\"}");
            closeCase(supervisor, number);
            long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < until) {
                Matcher link = SURVEY_LINK.matcher(PortalClient.anonymous(base)
                        .get("/t/riverside-mall/track/" + tracking).body());
                if (link.find()) {
                    return new String[] {number, tracking, link.group(1)};
                }
                sleep(2000);
            }
            throw new AssertionError("the invitation job did not send the survey within 90 s");
        } finally {
            JsonObject now = PortalClient.json(admin.get(RIVERSIDE + "/surveys/settings"));
            admin.putJson(RIVERSIDE + "/surveys/settings", now.toString().replaceFirst("\"delayHours\":\\d+",
                    "\"delayHours\":" + settings.getInt("delayHours")));
        }
    }

    /** Closes a resolved case the only way a case closes: a satisfied callback. */
    private static void closeCase(PortalClient supervisor, String number) {
        String callback = PortalClient.json(supervisor.get(RIVERSIDE + "/complaints/" + number))
                .getString("callbackId");
        long version = PortalClient.json(supervisor.get(RIVERSIDE + "/callbacks/" + callback))
                .getJsonNumber("version").longValue();
        HttpResponse<String> done = supervisor.postJson(RIVERSIDE + "/callbacks/" + callback + "/attempts",
                "{\"version\":" + version + ",\"method\":\"PHONE\",\"reached\":true,\"satisfaction\":\"SATISFIED\"}");
        assertEquals(201, done.statusCode(), "callback: " + done.body());
    }

    private static long version(PortalClient client, String number) {
        return PortalClient.json(client.get(RIVERSIDE + "/complaints/" + number)).getJsonNumber("version").longValue();
    }

    private static void act(PortalClient client, String number, String action, String body) {
        HttpResponse<String> done = client.postJson(RIVERSIDE + "/complaints/" + number + "/actions/" + action, body);
        assertEquals(200, done.statusCode(), action + ": " + done.body());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Signs in through the tenant's login form, as a person does. */
    private void logIn(String tenant, String username) {
        browser.get(url("/t/" + tenant + "/login"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:username"))).sendKeys(username);
        browser.findElement(By.id("login:password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login:submit")).click();
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    private void screenshot(String name) {
        Chromium.screenshot(browser, PostgresServer.expectedDatabase(),
                String.format("%s-%02d-%s.png", testName, ++step, name));
    }
}
