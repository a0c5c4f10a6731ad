package io.kefu.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.openqa.selenium.By;
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
 * Debian's headless Chromium for the browser tests, started one way everywhere (driver and binary named, so
 * Selenium Manager never tries a download), and the screenshots every step keeps. A missing Chromium fails
 * the run: nothing is skipped.
 */
final class Chromium {

    static final String BINARY = System.getProperty("kefu.it.chromium", "/usr/bin/chromium");
    static final String DRIVER = System.getProperty("kefu.it.chromedriver", "/usr/bin/chromedriver");

    private Chromium() {
    }

    /**
     * A fresh browser on its own profile folder: UI language {@code lang}, {@code acceptLanguages} sent to the
     * portal (pages outside a tenant follow it), window {@code windowSize} ("1280,900"), plus {@code prefs}.
     */
    static WebDriver start(Path profile, String lang, String acceptLanguages, String windowSize,
            Map<String, Object> prefs) {
        assertTrue(new File(BINARY).canExecute(), "Chromium is required: apt-get install -y chromium");
        assertTrue(new File(DRIVER).canExecute(), "ChromeDriver is required: apt-get install -y chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=" + lang, "--window-size=" + windowSize, "--user-data-dir=" + profile);
        Map<String, Object> all = new HashMap<>(prefs);
        all.put("intl.accept_languages", acceptLanguages);
        options.setExperimentalOption("prefs", all);
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().build(), options);
    }

    /** Keeps what the browser shows as {@code screenshots.dir/folder/file}; a failed shot never fails the test. */
    /**
     * Signs out with the page's button and waits until the page it was on is gone: a {@code get} right after the
     * click can overtake the logout's own request and find the old session still signed in.
     */
    static void logOut(WebDriver browser) {
        WebElement logout = browser.findElement(By.id("session:logout"));
        logout.click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(logout));
    }

    static void screenshot(WebDriver browser, String folder, String file) {
        try {
            Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"), folder);
            Files.createDirectories(dir);
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            System.err.println("screenshot " + file + " failed: " + e);
        }
    }
}
