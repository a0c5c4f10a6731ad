package io.kefu.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentScenario;
import org.jboss.arquillian.container.spi.event.DeployManagedDeployments;
import org.jboss.arquillian.container.spi.event.UnDeployManagedDeployments;
import org.jboss.arquillian.container.spi.event.container.BeforeStop;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.impl.client.deployment.event.GenerateDeployment;
import org.jboss.arquillian.core.api.Event;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.InstanceProducer;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.arquillian.test.spi.TestClass;
import org.jboss.arquillian.test.spi.annotation.ClassScoped;
import org.jboss.arquillian.test.spi.context.ClassContext;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * One Payara for every test class that runs inside the server. Arquillian's Payara Micro container starts a server
 * per deployed war (15–20 s each, ten classes); here the first such class deploys one war holding what every one of
 * them asked for (each class's own {@code @Deployment} merged into the real war), and the others run on it. The
 * server is stopped when Arquillian stops its container, at the end of the run.
 *
 * <p>Switched on by {@code -Dkefu.it.one-server} (see the pom): {@code inside} for the PostgreSQL run, whose
 * classes run in the server, {@code outside} for the Keycloak run, whose classes only call it and share the plain
 * war. Each class keeps its own {@code @Deployment} method: it says what the class needs, and a targeted run of
 * one class still deploys everything.
 */
public final class ServerSuite implements LoadableExtension {

    /** {@code inside}: the classes run in the server; {@code outside}: they only call it (the Keycloak run). */
    static final String SWITCH = "kefu.it.one-server";

    @Override
    public void register(ExtensionBuilder builder) {
        if (holder() != null) {
            builder.observer(OneDeployment.class);
        }
    }

    private static Class<?> holder() {
        return switch (System.getProperty(SWITCH, "")) {
            case "inside" -> Holder.class;
            case "outside" -> ClientHolder.class;
            default -> null;
        };
    }

    /**
     * The war for the whole run: every test class of this module with a testable {@code @Deployment}, its archive
     * merged in (probes, libraries, packages) and the class itself, which Arquillian adds to a class's own war.
     */
    static WebArchive suite() {
        WebArchive suite = Deployments.portal();
        for (Class<?> testClass : testClasses()) {
            Method declared = deploymentOf(testClass);
            if (declared == null || !declared.getAnnotation(Deployment.class).testable()) {
                continue;
            }
            try {
                declared.setAccessible(true);
                suite.merge((org.jboss.shrinkwrap.api.Archive<?>) declared.invoke(null));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("Cannot build the deployment of " + testClass.getName(), e);
            }
            suite.addClass(testClass);
        }
        return suite;
    }

    static Method deploymentOf(Class<?> testClass) {
        for (Method method : testClass.getDeclaredMethods()) {
            if (method.isAnnotationPresent(Deployment.class) && Modifier.isStatic(method.getModifiers())) {
                return method;
            }
        }
        return null;
    }

    /** The {@code *IT} classes compiled beside this one. */
    private static List<Class<?>> testClasses() {
        Path root;
        try {
            root = Path.of(ServerSuite.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("[A-Za-z0-9]+IT\\.class")).sorted()
                    .toList()) {
                String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                found.add(Class.forName(name.substring(0, name.length() - ".class".length())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    /** Holds the suite's {@code @Deployment}, so Arquillian packages it like any test class's. */
    static final class Holder {

        private Holder() {
        }

        @Deployment
        static WebArchive deployment() {
            return suite();
        }
    }

    /** The same for a run whose classes all talk to the server from outside: the real war, nothing added. */
    static final class ClientHolder {

        private ClientHolder() {
        }

        @Deployment(testable = false)
        static WebArchive deployment() {
            return Deployments.portal();
        }
    }

    /**
     * Generates the suite's deployment once, deploys it once, hands the same scenario (and so the same deployed
     * server and its address) to every later class, and undeploys it when the container stops.
     */
    public static final class OneDeployment {

        @Inject
        @ClassScoped
        private InstanceProducer<DeploymentScenario> scenario;

        @Inject
        private Instance<ClassContext> classContext;

        @Inject
        private Event<GenerateDeployment> generate;

        @Inject
        private Event<UnDeployManagedDeployments> undeploy;

        private DeploymentScenario shared;
        private boolean generating;
        private boolean deployed;
        private boolean stopping;

        public void generate(@Observes EventContext<GenerateDeployment> context) {
            if (generating) {
                context.proceed();
            } else if (shared == null) {
                generating = true;
                try {
                    generate.fire(new GenerateDeployment(new TestClass(holder())));
                } finally {
                    generating = false;
                }
                shared = scenario.get();
            } else {
                scenario.set(shared);
            }
        }

        public void deploy(@Observes EventContext<DeployManagedDeployments> context) {
            if (!deployed) {
                deployed = true;
                context.proceed();
            }
        }

        public void undeploy(@Observes EventContext<UnDeployManagedDeployments> context) {
            if (stopping) {
                context.proceed();
            }
        }

        /** The end of the run: the scenario lives in a class context, so one is opened to undeploy it. */
        public void stop(@Observes BeforeStop event) {
            if (shared == null || stopping) {
                return;
            }
            stopping = true;
            classContext.get().activate(holder());
            try {
                scenario.set(shared);
                undeploy.fire(new UnDeployManagedDeployments());
            } finally {
                classContext.get().deactivate();
            }
        }
    }
}
