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
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a real Keycloak 26 (the Maven Central distribution the build unpacked) for the test run, once per JVM,
 * before the first test class and so before Arquillian boots Payara Micro, whose startup then creates Kefu's
 * realm in it. Only where the build set {@code kefu.it.kc.port} (the Keycloak run); its data folder is
 * emptied first, so every run starts from a fresh Keycloak as a new installation would. A Keycloak that does
 * not become ready fails the run: nothing is skipped.
 */
public class KeycloakServer implements BeforeAllCallback {

    public static final String ADMIN = "kc-admin";
    private static final Duration STARTUP = Duration.ofSeconds(240);
    private static Process server;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        startOnce();
    }

    static synchronized void startOnce() throws IOException, InterruptedException {
        String port = System.getProperty("kefu.it.kc.port");
        if (server != null || port == null || port.isBlank()) {
            return;
        }
        Path home = Path.of(System.getProperty("kefu.it.kc.home"));
        deleteTree(home.resolve("data"));
        File log = home.resolve("kefu-it-keycloak.log").toFile();
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host", "127.0.0.1", "--http-port", port,
                "--http-management-port", System.getProperty("kefu.it.kc.management.port"),
                "--health-enabled", "true")
                .redirectErrorStream(true)
                .redirectOutput(log);
        // Every variable named KC_* is Keycloak configuration; these two bootstrap its master admin.
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", System.getProperty("kefu.it.kc.admin.password"));
        server = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.destroy();
            try {
                server.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        awaitReady(log);
    }

    private static void awaitReady(File log) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        URI ready = URI.create("http://127.0.0.1:" + System.getProperty("kefu.it.kc.management.port")
                + "/health/ready");
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("Keycloak stopped during startup; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Keycloak not ready after " + STARTUP + "; see " + log);
    }

    /** Keycloak's base address, as Kefu is configured with it. */
    public static String url() {
        return "http://127.0.0.1:" + System.getProperty("kefu.it.kc.port");
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
