package io.kefu.it;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The portal as {@code ./run.sh} starts it: its own Payara Micro process with the real war and the embedded
 * PostgreSQL default under a data folder of the test's, on a free port. For tests that kill it, start it again
 * and look at what it left on disk; Arquillian's container cannot be killed from a test.
 */
final class PortalProcess {

    private final Path dataDir;
    private final Path logDir;
    private final List<String> options;
    private final int port;
    private Process process;
    private int starts;

    PortalProcess(Path dataDir, Path logDir, List<String> options) throws IOException {
        this.dataDir = dataDir;
        this.logDir = logDir;
        this.options = List.copyOf(options);
        this.port = freePort();
        Files.createDirectories(logDir);
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    Path dataDir() {
        return dataDir;
    }

    /** Starts the portal and waits until {@code /health/ready} says UP; the time that took. */
    Duration start() throws IOException, InterruptedException {
        long begin = System.nanoTime();
        List<String> command = new ArrayList<>(List.of(javaCommand(), "-Xmx512m", "-Dkefu.data.dir=" + dataDir));
        command.addAll(options);
        command.addAll(List.of("-jar", property("payara.microJar"), "--nocluster", "--port", String.valueOf(port),
                "--prebootcommandfile", property("kefu.preboot"), "--deploy", property("kefu.war")));
        File log = logDir.resolve("portal-" + (++starts) + ".log").toFile();
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        // HTTP/1.1: no h2c upgrade dance with a server that is still deploying.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the portal ended while starting, see " + log);
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(base().resolve("health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200 && ready.body().contains("\"UP\"")) {
                    return Duration.ofNanos(System.nanoTime() - begin);
                }
                last = ready.statusCode() + " " + ready.body();
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the portal was not ready within 4 minutes (last: " + last + "), see " + log);
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as Ctrl-C in the terminal: the portal and its embedded PostgreSQL stop cleanly. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    long pid() {
        return process.pid();
    }

    /** The embedded PostgreSQL's postmaster, as its lock file names it. */
    Optional<ProcessHandle> postmaster() throws IOException {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).strip()));
    }

    /** The embedded PostgreSQL's port, as its lock file names it. */
    int databasePort() throws IOException {
        return Integer.parseInt(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).get(3)
                .strip());
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set (see the failsafe configuration)");
        }
        return new File(value).getAbsolutePath();
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
