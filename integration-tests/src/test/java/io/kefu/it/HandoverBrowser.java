package io.kefu.it;

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
 * {@link HandoverIT}'s browser step, kept apart so that the class deployed into the server never names Selenium:
 * the leaving staff member writes a hand-over from the prefill and submits it; the supervisor of the next shift sees
 * it at the top of the desk and acknowledges it; the history and the admin's shifts page. Screenshots in both
 * languages go to {@code target/screenshots/PostgreSQL/handover-*.png}.
 */
final class HandoverBrowser {

    private static final String PASSWORD = HandoverIT.PASSWORD;
    private static final String SLUG = HandoverIT.SLUG;

    private HandoverBrowser() {
    }

    static void walkThrough(URL base) throws Exception {
        PortalClient.awaitReady(base);
        PortalClient staff = PortalClient.basic(base, "huijing.staff", PASSWORD);
        List<JsonObject> items = PortalClient.json(staff.get(HandoverIT.HUIJING + "/handovers/draft"))
                .getJsonArray("items").getValuesAs(JsonObject.class);
        Path profile = Files.createTempDirectory("kefu-chromium");
        WebDriver browser = Chromium.start(profile, "zh-CN", "zh-CN,zh", "1280,1100", Map.of());
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            logIn(browser, wait, new URL(base, "/t/" + SLUG + "/staff/handover").toString(), "huijing.staff",
                    "handover:lines");
            String lines = browser.findElement(By.id("handover:lines")).getText();
            assertTrue(items.stream().filter(i -> !i.getString("section").equals("CALLBACK"))
                    .allMatch(i -> lines.contains(i.getString("subject"))), "the page shows the prefill: " + lines);
            Chromium.screenshot(browser, "PostgreSQL", "handover-draft-zh.png");
            browser.findElement(By.id("handover:equipment")).sendKeys("打印机卡纸");
            browser.findElement(By.id("handover:submit")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.id("handover:confirm-yes"))).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("handover-ref")));
            String ref = browser.getCurrentUrl().replaceAll(".*ref=", "");
            assertTrue(browser.findElement(By.id("handover-sheet")).getText().contains("打印机卡纸"));
            Chromium.screenshot(browser, "PostgreSQL", "handover-submitted-zh.png");

            Chromium.logOut(browser);
            logIn(browser, wait, new URL(base, "/t/" + SLUG + "/staff/").toString(), "huijing.supervisor",
                    "handover-banner:pending-handovers");
            assertTrue(browser.findElement(By.id("handover-banner:pending-handovers")).getText().contains(ref));
            Chromium.screenshot(browser, "PostgreSQL", "handover-banner-zh.png");
            browser.get(new URL(base, "/t/" + SLUG + "/staff/handover?ref=" + ref).toString());
            browser.findElement(By.id("ack:acknowledge")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ack:acknowledged")));
            assertTrue(PortalClient.json(PortalClient.basic(base, "huijing.supervisor", PASSWORD)
                    .get(HandoverIT.HUIJING + "/handovers/" + ref)).getJsonArray("acknowledgements").toString()
                    .contains("huijing.supervisor"), "the acknowledgement is recorded");
            browser.findElement(By.id("lang-en")).click();
            wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
            browser.get(new URL(base, "/t/" + SLUG + "/staff/handover?ref=" + ref).toString());
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("handover-sheet"), "Shift hand-over"));
            Chromium.screenshot(browser, "PostgreSQL", "handover-read-en.png");
            browser.get(new URL(base, "/t/" + SLUG + "/staff/handovers").toString());
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("handovers:rows"), ref));
            Chromium.screenshot(browser, "PostgreSQL", "handover-history-en.png");
            browser.get(new URL(base, "/t/" + SLUG + "/staff/").toString());
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("handover-banner:handover-link")));
            assertTrue(browser.findElements(By.id("handover-banner:pending-handovers")).isEmpty()
                    || !browser.findElement(By.id("handover-banner:pending-handovers")).getText().contains(ref),
                    "acknowledged: off the desk");
            Chromium.screenshot(browser, "PostgreSQL", "handover-desk-en.png");

            Chromium.logOut(browser);
            logIn(browser, wait, new URL(base, "/t/" + SLUG + "/admin/shifts").toString(), "huijing.admin",
                    "shifts:rows");
            Chromium.screenshot(browser, "PostgreSQL", "handover-shifts-en.png");
            browser.findElement(By.id("lang-zh")).click();
            wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "zh-CN"));
            browser.get(new URL(base, "/t/" + SLUG + "/admin/shifts").toString());
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("shifts:rows"), "代码"));
            Chromium.screenshot(browser, "PostgreSQL", "handover-shifts-zh.png");
        } finally {
            browser.quit();
        }
    }

    private static void logIn(WebDriver browser, WebDriverWait wait, String page, String username, String shown) {
        browser.get(page);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:username")));
        browser.findElement(By.id("login:username")).sendKeys(username);
        browser.findElement(By.id("login:password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login:submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(shown)));
    }
}
