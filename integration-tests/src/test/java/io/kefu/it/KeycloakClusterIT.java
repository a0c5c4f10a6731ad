package io.kefu.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A Keycloak login that starts on one node and ends on the other: two more portal nodes in one data grid, on the
 * Keycloak run's database, behind HAProxy. The browser asks the load balancer for the Keycloak login; the node that
 * answered (and keeps the pending login: state, nonce, PKCE verifier, in the session) is killed while the browser
 * is on Keycloak's page; Keycloak sends the browser back to the load balancer, whose other node finds the pending
 * login in the replicated session and completes it. The deployment of the Keycloak run (the realm, the operator)
 * is the Arquillian one; it must exist before the cluster, so this class deploys it too.
 */
@EnabledIfSystemProperty(named = "kefu.it.kc.port", matches = ".+", disabledReason = "runs in the Keycloak run")
@ExtendWith({ArquillianExtension.class, MailServer.class})
@RunAsClient
class KeycloakClusterIT {

    private static final String SHOTS = "Keycloak";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.portal();
    }

    @ArquillianResource
    URL base;

    private final List<AutoCloseable> started = new ArrayList<>();
    private WebDriver browser;

    @AfterEach
    void stopEverything() throws Exception {
        if (browser != null) {
            Chromium.screenshot(browser, SHOTS, "cluster-final.png");
            browser.quit();
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }

    @Test
    void aKeycloakLoginBegunOnANodeThatDiesEndsOnTheOther() throws Exception {
        PortalClient.awaitReady(base);
        int lbPort = Integer.parseInt(PortalNode.property("kefu.it.kc.lb.port"));
        String publicUrl = "http://127.0.0.1:" + lbPort;
        int[] gridPorts = {PortalNode.freePort(), PortalNode.freePort()};
        String members = "tcpip:127.0.0.1:" + gridPorts[0] + ",127.0.0.1:" + gridPorts[1];
        String cluster = "kefu-kc-" + UUID.randomUUID().toString().substring(0, 8);
        // The Keycloak run's database and Keycloak, the portal's client; sent back to the load balancer's address.
        List<String> jvm = List.of("-Dkefu.db.url=jdbc:postgresql://127.0.0.1:" + PortalNode.property("kefu.it.pg.port")
                + "/kefu", "-Dkefu.db.user=" + PostgresServer.USER, "-Dkefu.db.password=" + PostgresServer.PASSWORD,
                "-Dkefu.demo.seed=false", "-Dkefu.identity.source=keycloak", "-Dkefu.keycloak.url="
                + KeycloakServer.url(), "-Dkefu.keycloak.client-secret=" + PortalNode.property("kefu.it.kc.secret"),
                "-Dkefu.public.url=" + publicUrl, "-Dkefu.trust.forwarded.for=true");
        PortalNode[] nodes = new PortalNode[2];
        for (int n = 0; n < 2; n++) {
            nodes[n] = PortalNode.create("kc-cluster-" + (n + 1), jvm, List.of("--name", "kefu-kc-" + (n + 1),
                    "--clustername", cluster, "--clustermode", members, "--startport", String.valueOf(gridPorts[n]),
                    "--interfaces", "127.0.0.1", "--nohostaware"));
            started.add(nodes[n]);
            nodes[n].boot();
        }
        for (PortalNode node : nodes) {
            node.awaitReady(Duration.ofMinutes(5));
        }
        for (PortalNode node : nodes) {
            ClusterIT.awaitGridMembers(node, 2, Duration.ofSeconds(60));
        }
        LoadBalancer lb = LoadBalancer.start(lbPort, nodes[0], nodes[1], nodes[0].log().getParent().getParent()
                .resolve("kc-cluster"));
        started.add(lb);
        lb.awaitBothUp(Duration.ofSeconds(30));

        browser = Chromium.start(Files.createTempDirectory("kefu-chromium"), "zh-CN", "zh-CN,zh", "1280,900", Map.of());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(publicUrl + "/login.xhtml");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("keycloak-login"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertTrue(browser.getCurrentUrl().startsWith(KeycloakServer.url()), browser.getCurrentUrl());
        // Cookies belong to a host, not a port: the load balancer's cookie is readable on Keycloak's page.
        Cookie pinned = browser.manage().getCookieNamed("KEFUNODE");
        assertTrue(pinned != null, "HAProxy pinned the login's start to a node");
        PortalNode victim = "n1".equals(pinned.getValue()) ? nodes[0] : nodes[1];
        Chromium.screenshot(browser, SHOTS, "cluster-1-keycloak-page.png");
        victim.kill();

        browser.findElement(By.id("username")).sendKeys(KeycloakIT.OPERATOR);
        if (browser.findElements(By.id("password")).isEmpty()) {
            browser.findElement(By.id("kc-login")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
        }
        browser.findElement(By.id("password")).sendKeys(KeycloakIT.operatorPassword());
        browser.findElement(By.id("kc-login")).click();

        wait.until(ExpectedConditions.urlToBe(publicUrl + "/platform/"));
        assertTrue(browser.findElement(By.id("current-user")).getText().contains("Platform"),
                browser.getPageSource());
        Cookie survivor = browser.manage().getCookieNamed("KEFUNODE");
        assertTrue(survivor != null && !survivor.getValue().equals(pinned.getValue()),
                "the login ended on the other node: " + survivor);
        Chromium.screenshot(browser, SHOTS, "cluster-2-platform-on-the-other-node.png");
    }
}
