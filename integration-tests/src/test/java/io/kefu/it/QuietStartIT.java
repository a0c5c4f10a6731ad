package io.kefu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a newcomer sees when they start Kefu with the README's command: {@code ./run.sh} itself (the war the build
 * just made, {@code KEFU_SKIP_BUILD=1}), on a port of its own through {@code KEFU_HTTP_PORT}, with the embedded
 * PostgreSQL default in a fresh data folder. Its output must carry the banner naming that port, and no WARNING or
 * SEVERE record: every one a start used to print (Keycloak client interfaces, expired certificates of Payara's
 * trust store, descriptor notes) is either gone or silenced with its reason in {@code payara/logging.properties}.
 * And what a newcomer without a mail server meets first: invitations handed over by the admin.
 */
class QuietStartIT {

    private static final Duration STARTUP = Duration.ofMinutes(4);
    private static final int GRID_PORT = 6900;

    private static Process portal;
    private static Path log;
    private static int port;
    private static boolean gridPortTaken;

    @BeforeAll
    static void startRunSh() throws Exception {
        File war = new File(PortalNode.property("kefu.war")).getAbsoluteFile();
        Path root = war.toPath().getParent().getParent().getParent();
        Path work = Files.createDirectories(Path.of("target", "quiet-start").toAbsolutePath());
        Path data = work.resolve("data");
        if (Files.exists(data)) {
            try (Stream<Path> old = Files.walk(data)) {
                old.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        log = work.resolve("run.log");
        port = PortalNode.freePort();
        ProcessBuilder runSh = new ProcessBuilder("bash", root.resolve("run.sh").toString())
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        runSh.environment().putAll(java.util.Map.of("KEFU_SKIP_BUILD", "1", "KEFU_HTTP_PORT", String.valueOf(port),
                "KEFU_DATA_DIR", data.toString(), "KEFU_DEMO_HISTORY", "false"));
        // The data grid's first port: free on a newcomer's machine, but here the test run's own Payara may hold
        // it, and then Hazelcast rightly says it moved on (with --nocluster its port cannot be chosen).
        gridPortTaken = taken(GRID_PORT);
        // Nothing of the test run's own settings may leak in: the README's command on a machine without them
        // (no database, no public address, no mail server).
        runSh.environment().keySet().removeIf(name -> name.startsWith("KEFU_DB") || name.equals("KEFU_PUBLIC_URL")
                || name.startsWith("KEFU_SMTP"));
        portal = runSh.start();
        awaitReady(portal, port, log);
    }

    /** Stopped as Ctrl-C stops it: quietly too, the embedded PostgreSQL with it. */
    @AfterAll
    static void stopRunSh() throws Exception {
        if (portal != null) {
            // run.sh execs Java: this is the portal's own process; its shutdown stops the embedded PostgreSQL.
            portal.destroy();
            boolean stopped = portal.waitFor(60, TimeUnit.SECONDS);
            if (!stopped) {
                portal.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            assertTrue(stopped, "run.sh stops within a minute of SIGTERM, see " + log);
            List<String> traces = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith("Exception in thread") || line.contains("] [SEVERE] [")).toList();
            assertEquals(List.of(), traces, "a quiet stop, see " + log);
            // PostgreSQL removes its pid file when it has shut down cleanly.
            assertTrue(Files.notExists(log.getParent().resolve("data").resolve("postgres").resolve("postmaster.pid")),
                    "the embedded PostgreSQL stopped with the portal");
        }
    }

    @Test
    void runShStartsWithTheBannerOnItsPortAndNoWarnings() throws Exception {
        String output = Files.readString(log, StandardCharsets.UTF_8).replaceAll("\u001B\\[[0-9;]*m", "");
        List<String> warnings = output.lines().filter(line -> line.contains("] [WARNING] [")
                || line.contains("] [SEVERE] [")).filter(line -> !(gridPortTaken && line.contains(
                        "Config seed port is " + GRID_PORT) && line.contains("Some of the ports seem occupied")))
                .toList();
        assertEquals(List.of(), warnings, "a clean start, see " + log);
        assertTrue(output.contains("Kefu demo is up on the embedded PostgreSQL"), "the banner, see " + log);
        assertTrue(output.contains("http://localhost:" + port + "/t/huijing-property/"),
                "the banner names the port KEFU_HTTP_PORT asked for, see " + log);
        System.out.println("QuietStartIT: ./run.sh on port " + port + ": " + output.lines().count()
                + " lines of output until ready, no WARNING or SEVERE");
    }

    /**
     * Without a mail server nothing mails an invitation: the admin gets the link to hand over, from the API and
     * on the people page, and a resent one replaces it.
     */
    @Test
    void withoutAMailServerTheAdminHandsOverTheInvitationLink() throws Exception {
        URL base = new URL("http://localhost:" + port + "/");
        PortalClient admin = PortalClient.basic(base, "huijing.admin", PortalIT.PASSWORD);
        HttpResponse<String> invited = admin.postJson("/api/v1/tenants/huijing-property/people", "{\"username\":"
                + "\"hand.over\",\"email\":\"hand.over@example.com\",\"displayName\":\"转交\",\"roles\":[\"STAFF\"]}");
        assertEquals(201, invited.statusCode(), invited.body());
        String link = PortalClient.json(invited).getString("invitationLink");
        String prefix = "http://localhost:" + port + "/t/huijing-property/invitation?token=";
        assertTrue(link.startsWith(prefix), link);
        assertEquals(200, PortalClient.anonymous(base).get(link.substring(base.toString().length() - 1)).statusCode(),
                "the link opens the set-password page");

        String again = PortalClient.json(admin.postJson("/api/v1/tenants/huijing-property/people/hand.over/invitation",
                "{}")).getString("invitationLink");
        assertTrue(again.startsWith(prefix) && !again.equals(link), again);
        assertEquals(404, PortalClient.anonymous(base).get(link.substring(base.toString().length() - 1))
                .statusCode(), "the earlier link no longer works");

        // The people page: the invitation form posted as the browser does, the link shown once to hand over.
        PortalClient session = PortalClient.loggedIn(base, "huijing-property", "huijing.admin", PortalIT.PASSWORD)
                .language("en");
        String path = "/t/huijing-property/admin/people";
        HttpResponse<String> page = session.get(path);
        assertEquals(200, page.statusCode());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("invite", "invite");
        form.put("invite:username", "hand.over.page");
        form.put("invite:email", "hand.over.page@example.com");
        form.put("invite:displayName", "页面转交");
        form.put("invite:roles", "STAFF");
        form.put("invite:department", "");
        form.put("invite:send", "");
        form.put("jakarta.faces.ViewState", PortalClient.viewState(page.body()));
        HttpResponse<String> shown = session.postForm(path, form);
        assertEquals(200, shown.statusCode(), shown.body());
        // In the tenant's language (汇景物业 speaks Chinese to a session that has not chosen another).
        assertTrue(shown.body().contains("kefu-hand-over") && shown.body().contains(prefix)
                && (shown.body().contains("需转交的邀请链接") || shown.body().contains("Invitation link to hand over")),
                shown.body());
        assertTrue(shown.body().contains("尚未配置邮件服务器") || shown.body().contains("No mail server is configured"),
                shown.body());
    }

    private static boolean taken(int port) {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(port)) {
            return false;
        } catch (IOException inUse) {
            return true;
        }
    }

    private static void awaitReady(Process portal, int port, Path log) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        long begin = System.nanoTime();
        while (System.nanoTime() - begin < STARTUP.toNanos()) {
            if (!portal.isAlive()) {
                throw new IllegalStateException("run.sh ended while starting, see " + log);
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200 && ready.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet: the port opens once the war is deployed
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("run.sh not ready within " + STARTUP + ", see " + log);
    }
}
