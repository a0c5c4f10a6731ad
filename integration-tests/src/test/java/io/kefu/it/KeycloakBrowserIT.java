package io.kefu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * People log in through Keycloak's own pages in a real browser: the operator logs in and out of both; a staff
 * member invited through Kefu follows Keycloak's mail, chooses a password and reaches the staff home; a
 * resident registers at a tenant through Keycloak, verifies the e-mail from the mail and files a case.
 * Screenshots of every step land in {@code target/screenshots/Keycloak}.
 */
@EnabledIfSystemProperty(named = "kefu.it.kc.port", matches = ".+", disabledReason = "runs in the Keycloak run")
@ExtendWith({ArquillianExtension.class, MailServer.class})
@RunAsClient
class KeycloakBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.portal();
    }

    @ArquillianResource
    URL base;

    private WebDriver browser;
    private WebDriverWait wait;
    private String testName;
    private int step;

    @BeforeEach
    void openBrowser(TestInfo test) throws IOException {
        PortalClient.awaitReady(base);
        browser = Chromium.start(Files.createTempDirectory("kefu-chromium"), "zh-CN", "zh-CN,zh", "1280,900", Map.of());
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
    void theOperatorLogsInThroughKeycloakAndOutOfBoth() {
        browser.get(url("/login.xhtml"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("keycloak-login")));
        screenshot("kefu-login");
        browser.findElement(By.id("keycloak-login")).click();
        keycloakLogin(KeycloakIT.OPERATOR, KeycloakIT.operatorPassword());

        wait.until(ExpectedConditions.urlToBe(url("/platform/")));
        assertTrue(browser.findElement(By.id("current-user")).getText().contains("Platform"));
        screenshot("platform");

        browser.findElement(By.id("session:logout")).click();
        wait.until(ExpectedConditions.urlToBe(url("/")));
        browser.get(url("/login.xhtml"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("keycloak-login"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertTrue(browser.getCurrentUrl().startsWith(KeycloakServer.url()),
                "Keycloak's session ended too: it asks for the login again");
        screenshot("asked-again");
    }

    @Test
    void anInvitedStaffMemberFollowsKeycloaksMailAndReachesTheStaffHome() throws Exception {
        String admin = "kcb.admin";
        HttpResponse<String> opened = PortalClient.bearer(base, KeycloakAccess.token(KeycloakIT.OPERATOR,
                KeycloakIT.operatorPassword())).postJson("/api/v1/platform/tenants", "{\"slug\":\"kc-browser\","
                + "\"nameZh\":\"浏览器物业\",\"nameEn\":\"Browser Property\",\"kind\":\"PROPERTY\",\"adminUsername\":\""
                + admin + "\",\"adminEmail\":\"" + admin + "@example.com\",\"adminDisplayName\":\"周管理\"}");
        assertEquals(201, opened.statusCode(), opened.body());
        KeycloakAccess.completeInvitation(admin, KeycloakIT.PASSWORD);
        HttpResponse<String> invited = PortalClient.bearer(base, KeycloakAccess.token(admin, KeycloakIT.PASSWORD))
                .postJson("/api/v1/tenants/kc-browser/people", "{\"username\":\"kcb.staff\",\"email\":"
                        + "\"kcb.staff@example.com\",\"displayName\":\"吴晓梅\",\"roles\":[\"STAFF\"]}");
        assertEquals(201, invited.statusCode(), invited.body());

        browser.get(MailServer.link("kcb.staff@example.com", "action-token", 30));
        screenshot("mail-link");
        // Keycloak first lists what is asked of the person, then asks for the new password.
        if (browser.findElements(By.id("password-new")).isEmpty()) {
            wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("#kc-info-message a, a[href*='action-token']"))).click();
        }
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-new")));
        screenshot("choose-password");
        browser.findElement(By.id("password-new")).sendKeys(KeycloakIT.PASSWORD);
        browser.findElement(By.id("password-confirm")).sendKeys(KeycloakIT.PASSWORD);
        submitKeycloakForm();
        wait.until(ExpectedConditions.not(ExpectedConditions.presenceOfElementLocated(By.id("password-new"))));
        screenshot("account-updated");

        browser.get(url("/t/kc-browser/staff/"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("keycloak-login"))).click();
        keycloakLogin("kcb.staff", KeycloakIT.PASSWORD);
        wait.until(ExpectedConditions.textToBe(By.id("staff-greeting"), "您好，吴晓梅"));
        assertEquals(url("/t/kc-browser/staff/"), browser.getCurrentUrl());
        screenshot("staff-home");
    }

    @Test
    void aResidentRegistersThroughKeycloakVerifiesTheMailAndFilesACase() throws Exception {
        browser.get(url("/t/huijing-property/login"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("keycloak-register")));
        screenshot("tenant-login");
        browser.findElement(By.id("keycloak-register")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("firstName")));
        type("username", "resident.chen");
        type("email", "resident.chen@example.com");
        type("firstName", "晨");
        type("lastName", "陈");
        // This Keycloak asks for the password on the form, or (its newer flow) after the e-mail is verified.
        if (!browser.findElements(By.id("password")).isEmpty()) {
            type("password", KeycloakIT.PASSWORD);
            type("password-confirm", KeycloakIT.PASSWORD);
        }
        screenshot("register");
        submitKeycloakForm();

        String verify = MailServer.link("resident.chen@example.com", "action-token", 30);
        screenshot("verify-email-asked");
        browser.get(verify);
        wait.until(ExpectedConditions.or(ExpectedConditions.urlToBe(url("/t/huijing-property/")),
                ExpectedConditions.visibilityOfElementLocated(By.id("password-new"))));
        if (!browser.findElements(By.id("password-new")).isEmpty()) {
            screenshot("choose-password");
            type("password-new", KeycloakIT.PASSWORD);
            type("password-confirm", KeycloakIT.PASSWORD);
            submitKeycloakForm();
        }
        wait.until(ExpectedConditions.urlToBe(url("/t/huijing-property/")));
        assertEquals("陈晨", browser.findElement(By.id("current-user")).getText(), "logged in as the resident");
        screenshot("resident-home");

        browser.get(url("/t/huijing-property/complaints/new"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("intake:description")));
        type("intake:description", "电梯按钮失灵，三号楼");
        type("intake:location", "3栋2单元");
        if (browser.findElement(By.id("intake:contactName")).getAttribute("value").isBlank()) {
            type("intake:contactName", "陈晨");
        }
        type("intake:contactPhone", "139 0013 8000");
        browser.findElement(By.id("intake:submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("case-number")));
        String number = browser.findElement(By.id("case-number")).getText();
        screenshot("filed");

        browser.get(url("/t/huijing-property/my/cases"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), number));
        screenshot("my-cases");
        jakarta.json.JsonObject organization = KeycloakAccess.organization("huijing-property")
                .orElseThrow(() -> new AssertionError("the demo tenant has its organization"));
        assertTrue(KeycloakAccess.organizationMembers(organization.getString("id")).toString()
                .contains("resident.chen"), "the new resident joined the tenant's organization");
    }

    /** Keycloak's login: with organizations on it may ask for the username first and the password after. */
    private void keycloakLogin(String username, String password) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        screenshot("keycloak-login");
        type("username", username);
        if (browser.findElements(By.id("password")).isEmpty()) {
            browser.findElement(By.id("kc-login")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
        }
        type("password", password);
        browser.findElement(By.id("kc-login")).click();
    }

    private void submitKeycloakForm() {
        browser.findElement(By.cssSelector("form input[type=submit], form button[type=submit]")).click();
    }

    private void type(String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    /**
     * The portal as the browser reaches it: at its public address ({@code kefu.public.url}), where Keycloak sends
     * people back (Arquillian's own URL names the machine's network address, which Keycloak rightly refuses).
     */
    private String url(String path) {
        return KeycloakIT.publicUrl() + path;
    }

    private void screenshot(String name) {
        Chromium.screenshot(browser, "Keycloak", String.format("%s-%02d-%s.png", testName, ++step, name));
    }
}
