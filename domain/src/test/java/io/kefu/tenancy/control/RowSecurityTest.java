package io.kefu.tenancy.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's row-level security as the schema sets it up, on a real server and as the application's role,
 * which owns the tables (it runs the migrations) and is no superuser: a transaction sees and writes only the rows
 * of the tenant it named, none without one, and a reach across tenants admits exactly its tables and reads.
 */
class RowSecurityTest {

    private static final String POLICY = "row-level security";
    private static final String NO_TENANT = "no tenant named";

    private static EmbeddedPostgres server;
    private static DataSource application;

    @BeforeAll
    static void migrateAsTheApplicationsRole() throws IOException, SQLException {
        server = EmbeddedPostgres.start();
        try (Connection admin = server.getPostgresDatabase().getConnection(); Statement sql = admin.createStatement()) {
            sql.execute("CREATE ROLE kefu LOGIN NOSUPERUSER NOBYPASSRLS");
            sql.execute("CREATE DATABASE kefu OWNER kefu");
        }
        application = server.getDatabase("kefu", "kefu");
        Flyway.configure().dataSource(application).locations("classpath:db/migration").load().migrate();
        try (Connection db = application.getConnection(); Statement sql = db.createStatement()) {
            // Test rows are written the way a data-fixing migration would: with FORCE lifted for its transaction.
            db.setAutoCommit(false);
            sql.execute("ALTER TABLE complaint NO FORCE ROW LEVEL SECURITY");
            sql.execute("ALTER TABLE outbound_mail NO FORCE ROW LEVEL SECURITY");
            sql.execute("ALTER TABLE membership NO FORCE ROW LEVEL SECURITY");
            for (int tenant = 1; tenant <= 2; tenant++) {
                sql.execute("INSERT INTO tenant (id, slug, name_zh, name_en, kind, status, time_zone, default_locale,"
                        + " created_at, version) VALUES (" + tenant + ", 'tenant-" + tenant + "', '租户', 'Tenant',"
                        + " 'PROPERTY', 'ACTIVE', 'Asia/Shanghai', 'zh-CN', now(), 0)");
                sql.execute("INSERT INTO user_account (id, username, display_name, enabled, platform_admin, created_at,"
                        + " version) VALUES (" + tenant + ", 'person-" + tenant + "', 'P', TRUE, FALSE, now(), 0)");
                sql.execute("INSERT INTO membership (user_id, tenant_id, role, granted_at) VALUES (" + tenant + ", "
                        + tenant + ", 'STAFF', now())");
                sql.execute("INSERT INTO outbound_mail (tenant_id, recipient, subject, body, created_at, attempts)"
                        + " VALUES (" + tenant + ", 'r@example.com', 's', 'b', now(), 0)");
                for (int serial = 1; serial <= tenant + 1; serial++) {
                    sql.execute(complaint(tenant, serial));
                }
            }
            sql.execute("ALTER TABLE complaint FORCE ROW LEVEL SECURITY");
            sql.execute("ALTER TABLE outbound_mail FORCE ROW LEVEL SECURITY");
            sql.execute("ALTER TABLE membership FORCE ROW LEVEL SECURITY");
            db.commit();
        }
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    @Test
    void aTransactionSeesOnlyTheTenantItNamed() throws SQLException {
        try (Connection db = transaction("kefu.tenant_id", "1"); Statement sql = db.createStatement()) {
            assertEquals("1", single(sql, "SELECT string_agg(DISTINCT tenant_id::text, ',') FROM complaint"));
            assertEquals("2", single(sql, "SELECT COUNT(*) FROM complaint"), "an unfiltered query: tenant 1's rows");
            assertEquals("0", single(sql, "SELECT COUNT(*) FROM complaint WHERE tenant_id = 2"));
            assertEquals("0", single(sql, "SELECT COUNT(*) FROM outbound_mail WHERE tenant_id = 2"));
            assertEquals("1", single(sql, "SELECT COUNT(*) FROM membership"));
            db.rollback();
        }
        try (Connection db = transaction("kefu.tenant_id", "2"); Statement sql = db.createStatement()) {
            assertEquals("3", single(sql, "SELECT COUNT(*) FROM complaint"));
            db.rollback();
        }
    }

    @Test
    void withoutATenantTenantRowsAreRefusedLoudly() throws SQLException {
        try (Connection db = application.getConnection(); Statement sql = db.createStatement()) {
            assertRefused(db, NO_TENANT, () -> single(sql, "SELECT COUNT(*) FROM complaint"));
            assertRefused(db, NO_TENANT, () -> single(sql, "SELECT COUNT(*) FROM membership"));
            assertRefused(db, NO_TENANT, () -> sql.execute(complaint(1, 99)));
            assertEquals("2", single(sql, "SELECT COUNT(*) FROM tenant"), "global rows stay visible");
        }
    }

    @Test
    void theTenantEndsWithItsTransaction() throws SQLException {
        try (Connection db = transaction("kefu.tenant_id", "1"); Statement sql = db.createStatement()) {
            assertEquals("2", single(sql, "SELECT COUNT(*) FROM complaint"));
            db.commit();
            // The same pooled connection, the next transaction: the tenant is gone with the last one.
            assertRefused(db, NO_TENANT, () -> single(sql, "SELECT COUNT(*) FROM complaint"));
            db.rollback();
        }
    }

    @Test
    void anotherTenantsRowsCannotBeWrittenOrMovedIn() throws SQLException {
        try (Connection db = transaction("kefu.tenant_id", "1"); Statement sql = db.createStatement()) {
            assertRefused(db, POLICY, () -> sql.execute(complaint(2, 50)));
            assertEquals(0, sql.executeUpdate("UPDATE complaint SET description = 'changed' WHERE tenant_id = 2"));
            assertEquals(0, sql.executeUpdate("DELETE FROM complaint WHERE tenant_id = 2"));
            assertEquals(2, sql.executeUpdate("UPDATE complaint SET description = 'changed'"), "its own rows only");
            assertRefused(db, POLICY, () -> sql.executeUpdate("UPDATE complaint SET tenant_id = 2"));
            db.rollback();
        }
    }

    @Test
    void eachReachAdmitsItsTablesAndNoMore() throws SQLException {
        try (Connection db = transaction("kefu.reach", "mail"); Statement sql = db.createStatement()) {
            assertEquals("2", single(sql, "SELECT COUNT(*) FROM outbound_mail"), "the outbox of every tenant");
            assertEquals(2, sql.executeUpdate("UPDATE outbound_mail SET attempts = attempts + 1"));
            assertEquals("0", single(sql, "SELECT COUNT(*) FROM complaint"));
            assertEquals("0", single(sql, "SELECT COUNT(*) FROM membership"));
            assertEquals(0, sql.executeUpdate("DELETE FROM outbound_mail"), "marks, never removes");
            assertRefused(db, POLICY, () -> sql.execute("INSERT INTO outbound_mail (tenant_id, recipient, subject, "
                    + "body, created_at, attempts) VALUES (1, 'x@example.com', 's', 'b', now(), 0)"));
            db.rollback();
        }
        try (Connection db = transaction("kefu.reach", "usage"); Statement sql = db.createStatement()) {
            assertEquals("5", single(sql, "SELECT COUNT(*) FROM complaint"));
            assertEquals("2", single(sql, "SELECT COUNT(*) FROM membership"));
            assertEquals(0, sql.executeUpdate("UPDATE complaint SET description = 'changed'"), "reads only");
            assertEquals("0", single(sql, "SELECT COUNT(*) FROM outbound_mail"));
            db.rollback();
        }
        try (Connection db = transaction("kefu.reach", "accounts"); Statement sql = db.createStatement()) {
            assertEquals("2", single(sql, "SELECT COUNT(*) FROM membership"));
            assertEquals(0, sql.executeUpdate("UPDATE membership SET active = FALSE"), "reads only");
            assertEquals("0", single(sql, "SELECT COUNT(*) FROM complaint"));
            db.rollback();
        }
    }

    @Test
    void everyTenantTableIsGuardedAndTheRoleCannotBypassIt() throws SQLException {
        try (Connection db = application.getConnection()) {
            assertEquals(List.of(), RowSecurity.problems(db));
        }
        try (Connection superuser = server.getPostgresDatabase().getConnection()) {
            List<String> problems = RowSecurity.problems(superuser);
            assertEquals(1, problems.size(), problems.toString());
            assertTrue(problems.get(0).contains("postgres"), problems.toString());
        }
    }

    @Test
    void aNewTenantTableIsReportedUntilIsolated() throws SQLException {
        try (Connection db = application.getConnection(); Statement sql = db.createStatement()) {
            db.setAutoCommit(false);
            sql.execute("CREATE TABLE later_table (id BIGINT PRIMARY KEY, tenant_id BIGINT NOT NULL)");
            assertEquals(List.of("table later_table has tenant rows without a forced tenant policy"),
                    RowSecurity.problems(db));
            sql.execute("SELECT kefu_isolate('later_table')");
            assertEquals(List.of(), RowSecurity.problems(db));
            db.rollback();
        }
    }

    /** A connection in a transaction that named {@code setting} as {@code value}, as TenantPersistence does. */
    private static Connection transaction(String setting, String value) throws SQLException {
        Connection db = application.getConnection();
        db.setAutoCommit(false);
        try (Statement sql = db.createStatement()) {
            sql.execute("SELECT set_config('" + setting + "', '" + value + "', true)");
        }
        return db;
    }

    private static String complaint(int tenant, int serial) {
        return "INSERT INTO complaint (tenant_id, case_number, kind, severity, channel, status,"
                + " description, anonymous, registered_at, first_response_due, resolution_due, version) VALUES ("
                + tenant + ", '202612-" + String.format("%04d", serial) + "', 'REPAIR', 'ORDINARY', 'ONLINE',"
                + " 'REGISTERED', 'd', FALSE, now(), now(), now(), 0)";
    }

    /** The statement fails with {@code reason}; inside a transaction, the transaction goes on without it. */
    private static void assertRefused(Connection db, String reason, SqlWork work) throws SQLException {
        Savepoint before = db.getAutoCommit() ? null : db.setSavepoint();
        SQLException refused = assertThrows(SQLException.class, work::run);
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
        if (before != null) {
            db.rollback(before);
        }
    }

    private static String single(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }

    @FunctionalInterface
    private interface SqlWork {
        void run() throws SQLException;
    }
}
