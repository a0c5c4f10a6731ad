package io.kefu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@link CallbackIT}'s browser step for the callback rules, kept apart so that the class deployed into the server
 * never names Selenium: the admin ticks both rules; the resolver's callback page says somebody else calls instead of
 * offering the form; the case page refuses the owner's reopening before the callback with the reason; a colleague's
 * method list has no "online". Screenshots in {@code target/screenshots/PostgreSQL/callback-rules-*.png}.
 */
final class CallbackRulesBrowser {

    private static final String PASSWORD = CallbackIT.PASSWORD;

    private CallbackRulesBrowser() {
    }

    /** {@code number} and {@code callbackKey}: a case huijing.staff resolved, waiting for its callback. */
    static void walkThrough(URL base, String number, String callbackKey) throws Exception {
        PortalClient desk = PortalClient.basic(base, "huijing.staff", PASSWORD);
        String site = base.toString().replaceAll("/$", "");
        String shots = PostgresServer.expectedDatabase();
        Path profile = Files.createTempDirectory("kefu-chromium");
        WebDriver browser = Chromium.start(profile, "zh-CN", "zh-CN,zh", "1280,1000", Map.of());
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            logIn(browser, wait, site + "/t/huijing-property/admin/callbacks", "huijing.admin");
            wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("[id='policy:resolverMayCallBack'] .ui-chkbox-box"))).click();
            browser.findElement(By.cssSelector("[id='policy:reopenSupervisorOnly'] .ui-chkbox-box")).click();
            Chromium.screenshot(browser, shots, "callback-rules-1-admin.png");
            browser.findElement(By.id("policy:save")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已保存"));
            JsonObject policy = PortalClient.json(desk.get(CallbackIT.HUIJING + "/settings/callback-policy"));
            assertFalse(policy.getBoolean("resolverMayCallBack"), "saved from the page");
            assertTrue(policy.getBoolean("reopenPendingSupervisorOnly"), "saved from the page");

            browser.manage().deleteAllCookies();
            logIn(browser, wait, site + "/t/huijing-property/staff/callbacks/" + callbackKey, "huijing.staff");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("callback:resolver-barred")));
            assertTrue(browser.findElement(By.id("callback:resolver-barred")).getText().contains("由其他人回访"));
            assertTrue(browser.findElements(By.id("callback:save")).isEmpty(), "no form for the resolver");
            Chromium.screenshot(browser, shots, "callback-rules-2-resolver.png");

            browser.get(site + "/t/huijing-property/staff/cases/" + number);
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".action-REOPEN"))).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("case:text"))).sendKeys("客户说还会响");
            browser.findElement(By.id("case:perform")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("case:dialog-messages"),
                    "只有主管可以重新打开"));
            Chromium.screenshot(browser, shots, "callback-rules-3-reopen-refused.png");

            browser.manage().deleteAllCookies();
            logIn(browser, wait, site + "/t/huijing-property/staff/callbacks/" + callbackKey, "huijing.engineer");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("callback:save")));
            List<String> methods = browser.findElements(By.cssSelector("[id='callback:method_input'] option"))
                    .stream().map(o -> o.getAttribute("textContent").strip()).toList();
            assertEquals(List.of("电话", "上门", "短信"), methods, "online is not a way staff call");
            Chromium.screenshot(browser, shots, "callback-rules-4-colleague.png");
        } finally {
            browser.quit();
        }
    }

    private static void logIn(WebDriver browser, WebDriverWait wait, String page, String username) {
        browser.get(page);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:username"))).sendKeys(username);
        browser.findElement(By.id("login:password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login:submit")).click();
    }
}
