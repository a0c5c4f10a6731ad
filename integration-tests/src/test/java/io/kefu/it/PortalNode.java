package io.kefu.it;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A portal node started the way {@code run.sh} starts it, in its own process: the real war, the Payara settings of
 * {@code portal-web/src/main/payara} (its port closed until the war is deployed), a data folder of its own and a
 * free port. For what Arquillian's container cannot show: what a client sees while a node starts, and
 * configuration that differs from the shared test run's.
 */
final class PortalNode implements AutoCloseable {

    private final int port;
    private final Path log;
    private final Process process;

    private PortalNode(int port, Path log, Process process) {
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts a node with extra JVM options ({@code -Dkefu.…}); returns at once, while it boots. */
    static PortalNode start(String name, List<String> jvmOptions) throws IOException {
        File war = new File(property("kefu.war")).getAbsoluteFile();
        Path payara = war.toPath().getParent().getParent().resolve("src/main/payara");
        Path work = Files.createDirectories(Path.of("target", "portal-nodes", name)).toAbsolutePath();
        // As run.sh does: the shared settings plus the port closed until the war is deployed (a war built before
        // these files existed is started as run.sh started it then, with the shared settings alone).
        Path preBoot = work.resolve("pre-boot.asadmin");
        Path closed = payara.resolve("closed-while-deploying.asadmin");
        Path opened = payara.resolve("post-deploy-commands.asadmin");
        Files.writeString(preBoot, Files.readString(payara.resolve("pre-boot-commands.asadmin")) + "\n"
                + (Files.exists(closed) ? Files.readString(closed) : ""));
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dkefu.data.dir=" + Files.createTempDirectory("kefu-node-" + name)));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", new File(property("payara.microJar")).getAbsolutePath(), "--nocluster",
                "--port", String.valueOf(port), "--prebootcommandfile", preBoot.toString()));
        if (Files.exists(opened)) {
            command.addAll(List.of("--postdeploycommandfile", opened.toString()));
        }
        command.addAll(List.of("--deploy", war.toString()));
        Path log = work.resolve("portal.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new PortalNode(port, log, process);
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

    Path log() {
        return log;
    }

    /** Stops it as Ctrl-C would (its embedded database stops with it). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set (see the failsafe configuration)");
        }
        return value;
    }
}
