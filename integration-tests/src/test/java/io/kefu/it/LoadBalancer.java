package io.kefu.it;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * HAProxy (the Debian package) in front of two portal nodes, with the very configuration {@code ./run.sh --cluster}
 * uses ({@code cluster/haproxy.cfg}): sticky by its {@code KEFUNODE} cookie, health checks on {@code
 * /health/ready}, a request for a dead node sent to the other. Unprivileged, in the foreground, on free ports. A
 * machine without {@code haproxy} fails the test (never skips it): {@code .ci/run} installs it.
 */
final class LoadBalancer implements AutoCloseable {

    private final int port;
    private final int statsPort;
    private final Process process;
    private final Path log;

    private LoadBalancer(int port, int statsPort, Process process, Path log) {
        this.port = port;
        this.statsPort = statsPort;
        this.process = process;
        this.log = log;
    }

    /** Checks the configuration with {@code haproxy -c}, then starts HAProxy on {@code port} before both nodes. */
    static LoadBalancer start(int port, PortalNode first, PortalNode second, Path work)
            throws IOException, InterruptedException {
        Path config = Path.of(PortalNode.property("kefu.war")).toAbsolutePath().getParent().getParent().getParent()
                .resolve("cluster/haproxy.cfg");
        int statsPort = PortalNode.freePort();
        Map<String, String> environment = Map.of("LB_BIND", "127.0.0.1", "LB_PORT", String.valueOf(port),
                "STATS_PORT", String.valueOf(statsPort), "NODE1_HOST", "127.0.0.1",
                "NODE1_PORT", String.valueOf(first.port()), "NODE2_HOST", "127.0.0.1",
                "NODE2_PORT", String.valueOf(second.port()));
        Files.createDirectories(work);
        Path checkLog = work.resolve("haproxy-check.log");
        Process check = haproxy(environment, checkLog, "-c", "-f", config.toString());
        if (!check.waitFor(30, TimeUnit.SECONDS) || check.exitValue() != 0) {
            throw new IllegalStateException("haproxy -c refused " + config + ": " + Files.readString(checkLog));
        }
        Path log = work.resolve("haproxy.log");
        return new LoadBalancer(port, statsPort, haproxy(environment, log, "-db", "-f", config.toString()), log);
    }

    private static Process haproxy(Map<String, String> environment, Path log, String... arguments) throws IOException {
        String binary = System.getProperty("kefu.it.haproxy", "/usr/sbin/haproxy");
        if (!new File(binary).canExecute()) {
            throw new IllegalStateException(binary + " is missing: apt-get install -y haproxy (.ci/run does)");
        }
        ProcessBuilder builder = new ProcessBuilder(binary).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.command().addAll(java.util.List.of(arguments));
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** Waits until HAProxy's own checks call both nodes UP (at most {@code limit}). */
    void awaitBothUp(Duration limit) throws InterruptedException {
        awaitServers(limit, 2);
    }

    /** Waits until HAProxy's checks call exactly {@code up} nodes UP; the stats line last read is in the failure. */
    void awaitServers(Duration limit, int up) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + limit.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("HAProxy ended, see " + log);
            }
            try {
                last = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statsPort + "/stats;csv"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()).body();
                long serversUp = last.lines().filter(line -> line.startsWith("kefu,kefu-"))
                        .filter(line -> line.contains(",UP,")).count();
                if (serversUp == up) {
                    return;
                }
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(up + " nodes not UP in HAProxy within " + limit + ": " + last);
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    URI uri(String path) {
        return base().resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
