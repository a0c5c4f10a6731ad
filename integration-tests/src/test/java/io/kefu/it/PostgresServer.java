package io.kefu.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a real PostgreSQL server for the test run, once per JVM, before the first test class (and so before
 * Arquillian boots Payara Micro, which is told the same port in {@code payara.cmdOptions}). Only where the
 * build set {@code kefu.it.pg.port}. A PostgreSQL that cannot start fails the run:
 * nothing is skipped.
 */
public class PostgresServer implements BeforeAllCallback {

    public static final String USER = "kefu";
    public static final String PASSWORD = "kefu-it";
    private static EmbeddedPostgres server;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException, SQLException {
        startOnce();
    }

    static synchronized void startOnce() throws IOException, SQLException {
        String port = System.getProperty("kefu.it.pg.port");
        if (server != null || port == null || port.isBlank()) {
            return;
        }
        server = EmbeddedPostgres.builder().setPort(Integer.parseInt(port)).start();
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
            sql.execute("CREATE DATABASE kefu OWNER " + USER);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (IOException e) {
                // the JVM is ending; the server's directory is temporary
            }
        }));
    }

    /**
     * Kefu's database as the server's superuser, for tests that look at what is stored (row-level security
     * does not hide rows from it, so "nothing found" means nothing is there).
     */
    static Connection kefuDatabase() throws SQLException {
        return superuser("kefu");
    }

    /** A database of this server as its superuser (row-level security hides nothing from it). */
    static Connection superuser(String database) throws SQLException {
        return server.getDatabase("postgres", database).getConnection();
    }

    /**
     * A new, empty database owned by Kefu's role, for a test whose nodes must not share the run's database (a
     * cluster of its own); its JDBC address.
     */
    static String createDatabase(String name) throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute("CREATE DATABASE " + name + " OWNER " + USER);
        }
        return "jdbc:postgresql://127.0.0.1:" + System.getProperty("kefu.it.pg.port") + "/" + name;
    }

    /** Which database this run is meant to use, as {@code /health/ready} names it. */
    public static String expectedDatabase() {
        return System.getProperty("kefu.it.database", "PostgreSQL");
    }
}
