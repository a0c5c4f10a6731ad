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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A portal node started the way {@code run.sh} starts it, in its own process: the real war, the Payara settings of
 * {@code portal-web/src/main/payara} (its port closed until the war is deployed), the embedded PostgreSQL default
 * under a data folder of its own and a free port. For what Arquillian's container cannot show: what a client sees
 * while a node starts, configuration that differs from the shared test run's, and a node killed and started
 * again on the same data.
 */
final class PortalNode implements AutoCloseable {

    private final Path work;
    private final Path dataDir;
    private final List<String> jvmOptions;
    private final int port;
    /** What replaces run.sh's {@code --nocluster}: the options of a member of a data grid. */
    private final List<String> clusterOptions;
    private Process process;
    private Path log;
    private int boots;

    private PortalNode(Path work, Path dataDir, List<String> jvmOptions, int port, List<String> clusterOptions) {
        this.work = work;
        this.dataDir = dataDir;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.port = port;
        this.clusterOptions = List.copyOf(clusterOptions);
    }

    /** A node with extra JVM options ({@code -Dkefu.…}), started at once; returns while it boots. */
    static PortalNode start(String name, List<String> jvmOptions) throws IOException {
        PortalNode node = create(name, jvmOptions);
        node.boot();
        return node;
    }

    /**
     * A node not started yet, on an empty data folder (a previous run's is removed): its folders and port are
     * chosen, and stay the same across {@link #boot()}s.
     */
    static PortalNode create(String name, List<String> jvmOptions) throws IOException {
        return create(name, jvmOptions, List.of("--nocluster"));
    }

    /**
     * A node not started yet that joins a data grid as {@code cluster/run.sh} starts its nodes: {@code
     * clusterOptions} are Payara Micro's ({@code --clustermode tcpip:…}, {@code --startport}, …).
     */
    static PortalNode create(String name, List<String> jvmOptions, List<String> clusterOptions) throws IOException {
        Path work = Files.createDirectories(Path.of("target", "portal-nodes", name)).toAbsolutePath();
        Path data = work.resolve("data");
        if (Files.exists(data)) {
            try (Stream<Path> old = Files.walk(data)) {
                old.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        return new PortalNode(work, Files.createDirectories(data), jvmOptions, freePort(), clusterOptions);
    }

    /** Starts the process (again, after {@link #kill()} or {@link #close()}); returns while it boots. */
    void boot() throws IOException {
        File war = new File(property("kefu.war")).getAbsoluteFile();
        Path payara = war.toPath().getParent().getParent().resolve("src/main/payara");
        // As run.sh does: the shared settings plus the port closed until the war is deployed.
        Path preBoot = work.resolve("pre-boot.asadmin");
        Files.writeString(preBoot, Files.readString(payara.resolve("pre-boot-commands.asadmin")) + "\n"
                + Files.readString(payara.resolve("closed-while-deploying.asadmin")));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-Dkefu.data.dir=" + dataDir));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", new File(property("payara.microJar")).getAbsolutePath()));
        command.addAll(clusterOptions);
        command.addAll(List.of("--port", String.valueOf(port), "--prebootcommandfile", preBoot.toString(),
                "--postdeploycommandfile", payara.resolve("post-deploy-commands.asadmin").toString(),
                "--logproperties", payara.resolve("logging.properties").toString(),
                "--deploy", war.toString()));
        log = work.resolve("portal-" + (++boots) + ".log");
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits until {@code /health/ready} says UP (at most {@code limit}); how long the node took since it booted. */
    Duration awaitReady(Duration limit) throws InterruptedException {
        long begin = System.nanoTime();
        // HTTP/1.1 as browsers speak it: no h2c upgrade against a node that is still starting.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        String last = "no answer";
        while (System.nanoTime() - begin < limit.toNanos()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the node ended while starting, see " + log);
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(uri("/health/ready"))
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
        throw new IllegalStateException("the node was not ready within " + limit + " (last: " + last + "), see "
                + log);
    }

    int port() {
        return port;
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    URI uri(String path) {
        return base().resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    Path dataDir() {
        return dataDir;
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Stops it as Ctrl-C would (its embedded database stops with it). */
    @Override
    public void close() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
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

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set (see the failsafe configuration)");
        }
        return value;
    }
}
