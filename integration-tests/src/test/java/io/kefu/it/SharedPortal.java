package io.kefu.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;
import java.net.URL;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * One portal for every test class that talks to Kefu only over HTTP (marked {@link Client}), started once per
 * test run the way {@code run.sh} starts it ({@link PortalNode}) on the test run's PostgreSQL and mail server,
 * with the same settings Arquillian's container gets ({@code payara.cmdOptions}). Arquillian's Payara Micro
 * container starts one server per deployed war, 15–20 s each; the client classes need none of their own.
 *
 * <p>Registered for every class (META-INF/services), it stops the shared portal before the first class that
 * deploys its own war through Arquillian: two nodes without a data grid on one database would each keep their own
 * cached copies of settings the other one changes. {@link ClientsFirst} (junit-platform.properties) runs the
 * client classes first, so the portal starts once and stops once.
 */
public final class SharedPortal implements BeforeAllCallback, TestInstancePostProcessor {

    /** A test class that only needs a portal's address: it gets the shared one in its {@link Base} field. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface Client {
    }

    /** The field that receives the shared portal's address ({@code http://localhost:port/}). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Base {
    }

    private static PortalNode node;
    private static URL base;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (context.getRequiredTestClass().isAnnotationPresent(Client.class)) {
            startOnce();
        } else {
            stop();
        }
    }

    @Override
    public void postProcessTestInstance(Object instance, ExtensionContext context) throws IllegalAccessException {
        for (Field field : instance.getClass().getDeclaredFields()) {
            if (field.isAnnotationPresent(Base.class)) {
                if (base == null) {
                    throw new IllegalStateException(instance.getClass().getSimpleName()
                            + " has a @SharedPortal.Base field but no @SharedPortal.Client annotation");
                }
                field.setAccessible(true);
                field.set(instance, base);
            }
        }
    }

    private static synchronized void startOnce() throws Exception {
        if (node != null) {
            return;
        }
        // The same JVM options Arquillian's container is given: database, mail server, limits, bootstrap admin.
        List<String> options = Arrays.stream(PortalNode.property("payara.cmdOptions").trim().split("\\s+")).toList();
        PortalNode started = PortalNode.create("shared", options);
        started.boot();
        try {
            started.awaitReady(Duration.ofSeconds(240));
        } catch (RuntimeException | InterruptedException e) {
            started.close();
            throw e;
        }
        node = started;
        // localhost as Arquillian's container names it: cookies, Selenium and mailed links see one host name.
        base = new URL("http://localhost:" + started.port() + "/");
        Runtime.getRuntime().addShutdownHook(new Thread(SharedPortal::stopQuietly));
    }

    private static synchronized void stop() throws InterruptedException {
        if (node != null) {
            node.close();
            node = null;
            base = null;
        }
    }

    private static void stopQuietly() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Where the shared portal logs, for a failure message. */
    static String log() {
        return node == null ? "(no shared portal)" : String.valueOf(node.log());
    }

    /**
     * The client classes first, then those that start portals of their own, then those that run inside Arquillian's
     * server, each group in the order the build gave (a stable sort). So the shared portal is started once and
     * stopped before the first class with a server of its own, and Arquillian's one server ({@link ServerSuite}),
     * which lives to the end of the run, starts after the multi-node classes have measured on quiet cores.
     */
    public static final class ClientsFirst implements ClassOrderer {

        @Override
        public void orderClasses(ClassOrdererContext context) {
            context.getClassDescriptors().sort(Comparator.comparingInt((ClassDescriptor d) -> group(d.getTestClass())));
        }

        private static int group(Class<?> testClass) {
            if (testClass.isAnnotationPresent(Client.class)) {
                return 0;
            }
            return ServerSuite.deploymentOf(testClass) == null ? 1 : 2;
        }
    }
}
