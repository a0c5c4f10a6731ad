package io.kefu.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Upgrading a database that has resolved cases from before callbacks (schema 4): their status and their history
 * move to CALLBACK_PENDING (RESOLVED no longer exists, and a history the code cannot read would break every such
 * case's page), and each gets an open callback due after the upgrade, not in the past.
 */
class CallbackUpgradeTest {

    private static OldSchema old;
    private static DataSource database;

    @BeforeAll
    static void startPostgres() throws IOException {
        old = OldSchema.start();
        database = old.database();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        old.close();
    }

    @Test
    void resolvedCasesWaitForACallbackAfterTheUpgrade() throws SQLException {
        old.migrateTo("4");
        try (Connection db = database.getConnection(); Statement sql = db.createStatement()) {
            sql.execute("INSERT INTO complaint (id, tenant_id, case_number, tracking_token, kind, severity, channel, "
                    + "status, description, anonymous, registered_at, first_response_due, resolution_due, resolved_at, "
                    + "version) VALUES (7, 1, '202601-0001', 'token', 'REPAIR', 'ORDINARY', 'PHONE', 'RESOLVED', '漏水', "
                    + "FALSE, TIMESTAMP WITH TIME ZONE '2026-01-02 00:00:00+00', "
                    + "TIMESTAMP WITH TIME ZONE '2026-01-02 08:00:00+00', "
                    + "TIMESTAMP WITH TIME ZONE '2026-01-05 00:00:00+00', "
                    + "TIMESTAMP WITH TIME ZONE '2026-01-03 00:00:00+00', 3)");
            sql.execute("INSERT INTO case_event (tenant_id, complaint_id, occurred_at, actor, event_action, "
                    + "from_status, to_status, public_event) VALUES (1, 7, "
                    + "TIMESTAMP WITH TIME ZONE '2026-01-03 00:00:00+00', "
                    + "'staff', 'RESOLVE', 'IN_PROGRESS', 'RESOLVED', TRUE)");
        }
        old.upgrade();
        try (Connection db = database.getConnection(); Statement sql = db.createStatement()) {
            assertEquals("CALLBACK_PENDING", single(sql, "SELECT status FROM complaint WHERE id = 7"));
            assertEquals("CALLBACK_PENDING", single(sql, "SELECT to_status FROM case_event WHERE complaint_id = 7"));
            assertEquals("0", single(sql, "SELECT COUNT(*) FROM case_event WHERE from_status = 'RESOLVED' "
                    + "OR to_status = 'RESOLVED'"));
            assertEquals("OPEN", single(sql, "SELECT task_status FROM callback_task WHERE complaint_id = 7"));
            assertEquals("1", single(sql, "SELECT COUNT(*) FROM callback_task WHERE complaint_id = 7 "
                    + "AND open_complaint_id = 7 AND due_at > CURRENT_TIMESTAMP"), "due after the upgrade");
        }
    }

    private static String single(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
