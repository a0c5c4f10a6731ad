package io.kefu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a newcomer sees when they start Kefu with the README's command: {@code ./run.sh} itself (the war the build
 * just made, {@code KEFU_SKIP_BUILD=1}), on a port of its own through {@code KEFU_HTTP_PORT}, with the embedded
 * PostgreSQL default in a fresh data folder. Its output must carry the banner naming that port, and no WARNING or
 * SEVERE record: every one a start used to print (Keycloak client interfaces, expired certificates of Payara's
 * trust store, descriptor notes) is either gone or silenced with its reason in {@code payara/logging.properties}.
 */
class QuietStartIT {

    private static final Duration STARTUP = Duration.ofMinutes(4);
    private static final int GRID_PORT = 6900;

    @Test
    void runShStartsWithTheBannerOnItsPortAndNoWarnings() throws Exception {
        File war = new File(PortalNode.property("kefu.war")).getAbsoluteFile();
        Path root = war.toPath().getParent().getParent().getParent();
        Path work = Files.createDirectories(Path.of("target", "quiet-start").toAbsolutePath());
        Path data = work.resolve("data");
        if (Files.exists(data)) {
            try (Stream<Path> old = Files.walk(data)) {
                old.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        Path log = work.resolve("run.log");
        int port = PortalNode.freePort();
        ProcessBuilder runSh = new ProcessBuilder("bash", root.resolve("run.sh").toString())
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        runSh.environment().putAll(java.util.Map.of("KEFU_SKIP_BUILD", "1", "KEFU_HTTP_PORT", String.valueOf(port),
                "KEFU_DATA_DIR", data.toString(), "KEFU_DEMO_HISTORY", "false"));
        // The data grid's first port: free on a newcomer's machine, but here the test run's own Payara may hold
        // it, and then Hazelcast rightly says it moved on (with --nocluster its port cannot be chosen).
        boolean gridPortTaken = taken(GRID_PORT);
        // Nothing of the test run's own settings may leak in: the README's command on a machine without them.
        runSh.environment().keySet().removeIf(name -> name.startsWith("KEFU_DB") || name.equals("KEFU_PUBLIC_URL"));
        Process portal = runSh.start();
        try {
            awaitReady(portal, port, log);
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
        } finally {
            // run.sh execs Java: this is the portal's own process; its shutdown stops the embedded PostgreSQL.
            portal.destroy();
            if (!portal.waitFor(60, TimeUnit.SECONDS)) {
                portal.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
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
                        + "/health/ready")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
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
