package io.kefu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser (Debian's headless Chromium) uses the portal as people do: demo staff log in, switch the
 * language, see their home and log out; a resident opens the landing page on a phone-sized window.
 * Screenshots of every step land in {@code target/screenshots}. A missing Chromium fails the run.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrowserSmokeIT {

    static final String CHROMIUM = System.getProperty("kefu.it.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("kefu.it.chromedriver", "/usr/bin/chromedriver");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.portal();
    }

    @ArquillianResource
    URL base;

    @BeforeEach
    void portalIsReady() {
        PortalClient.awaitReady(base);
    }

    private WebDriver browser;
    private WebDriverWait wait;
    private Path profile;
    private String testName;
    private int step;

    @BeforeEach
    void openBrowser(TestInfo test) throws IOException {
        assertTrue(new File(CHROMIUM).canExecute(), "Chromium is required: apt-get install -y chromium");
        assertTrue(new File(CHROMEDRIVER).canExecute(), "ChromeDriver is required: apt-get install -y chromium-driver");
        profile = Files.createTempDirectory("kefu-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=zh-CN", "--window-size=1280,900", "--user-data-dir=" + profile);
        // A Chinese-speaking browser: pages outside any tenant follow Accept-Language.
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
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
    void staffLogInSwitchLanguageAndLogOut() {
        browser.get(url("/t/huijing-property/staff/"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:username")));
        screenshot("login");
        browser.findElement(By.id("login:username")).sendKeys("huijing.staff");
        browser.findElement(By.id("login:password")).sendKeys("kefu-demo-2026");
        browser.findElement(By.id("login:submit")).click();

        wait.until(ExpectedConditions.textToBe(By.id("staff-greeting"), "您好，王芳"));
        assertTrue(browser.findElement(By.id("status-counts")).getText().contains("已登记"));
        screenshot("staff-home-zh");

        browser.findElement(By.id("lang-en")).click();
        wait.until(ExpectedConditions.textToBe(By.id("staff-greeting"), "Hello, 王芳"));
        assertTrue(browser.findElement(By.id("status-counts")).getText().contains("Registered"));
        assertEquals("Staff desk · Huijing Property", browser.getTitle());
        screenshot("staff-home-en");

        browser.get(url("/t/huijing-property/staff/"));
        wait.until(ExpectedConditions.textToBe(By.id("staff-greeting"), "Hello, 王芳"));
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"), "the language sticks");

        browser.findElement(By.id("session:logout")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tenant-name")));
        screenshot("logged-out");
        browser.get(url("/t/huijing-property/staff/"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:username")));
    }

    @Test
    void residentsSeeTheirTenantOnAPhone() {
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url("/t/huijing-property/"));
        wait.until(ExpectedConditions.textToBe(By.id("tenant-name"), "汇景物业"));
        assertTrue(browser.getPageSource().contains("维修报修"));
        screenshot("landing-phone-zh");
        browser.get(url("/t/riverside-mall/"));
        wait.until(ExpectedConditions.textToBe(By.id("tenant-name"), "Riverside Mall"));
        screenshot("landing-phone-en");
    }

    @Test
    void aTenantAdminAddsADepartment() {
        logIn("/t/riverside-mall/admin/", "riverside.admin", "kefu-demo-2026");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("departments-form:departments")));
        assertTrue(text("departments-form:departments").contains("Mall Operations"));
        screenshot("tenant-admin");

        String code = "ui-" + Long.toString(System.nanoTime(), 36).substring(0, 6);
        type("add-department:code", "Not A Code");
        type("add-department:nameZh", "会员服务部");
        type("add-department:nameEn", "Member Services");
        browser.findElement(By.id("add-department:add")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("add-department"),
                "lower-case letters, digits and hyphens"));
        screenshot("add-department-refused");

        type("add-department:code", code);
        browser.findElement(By.id("add-department:add")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("departments-form:departments"), code));
        assertTrue(text("departments-form:departments").contains("Member Services"));
        screenshot("add-department-done");
    }

    @Test
    void theOperatorOpensAndSuspendsATenant() {
        logIn("/platform/", "platform.it", System.getProperty("kefu.it.admin.password"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tenants-form:tenants")));
        assertTrue(text("tenants-form:tenants").contains("riverside-mall"));
        screenshot("platform");

        String slug = "ui-" + Long.toString(System.nanoTime(), 36).substring(0, 6);
        type("open-tenant:slug", "Harbour View!");
        type("open-tenant:nameZh", "海景物业");
        type("open-tenant:nameEn", "Harbour View");
        browser.findElement(By.id("open-tenant:open")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("open-tenant"), "3–40"));
        screenshot("open-tenant-refused");

        type("open-tenant:slug", slug);
        browser.findElement(By.id("open-tenant:open")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tenants-form:tenants"), slug));
        screenshot("tenant-opened");

        WebElement row = browser.findElements(By.cssSelector("#tenants-form\\:tenants tbody tr")).stream()
                .filter(r -> r.getText().contains(slug)).findFirst().orElseThrow();
        row.findElement(By.cssSelector("button[id$=':suspend']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-confirmdialog-yes"))).click();
        wait.until(ExpectedConditions.textToBe(By.id("status-" + slug), "已暂停"));
        screenshot("tenant-suspended");

        browser.get(url("/t/" + slug + "/"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("error-detail"), "已暂停服务"));
        screenshot("suspended-landing");
    }

    private void logIn(String page, String username, String password) {
        browser.get(url(page));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:username")));
        type("login:username", username);
        type("login:password", password);
        browser.findElement(By.id("login:submit")).click();
    }

    private void type(String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    private void screenshot(String name) {
        try {
            Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"),
                    PostgresServer.expectedDatabase());
            Files.createDirectories(dir);
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), dir.resolve(String.format("%s-%02d-%s.png", testName, ++step, name)),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            System.err.println("screenshot " + name + " failed: " + e);
        }
    }
}
