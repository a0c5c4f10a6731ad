package io.kefu.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
 * Upgrading a database with finished cases (schema 17) to the report figures' schema: every finished case gets
 * the moment it was closed from its history — a reopened and closed again case its last closing, not the first;
 * a note on the closed case does not count — and an open case none.
 */
class ClosedAtUpgradeTest {

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
    void finishedCasesGetTheirLastClosingFromTheHistory() throws SQLException {
        old.migrateTo("17");
        try (Connection db = database.getConnection(); Statement sql = db.createStatement()) {
            complaint(sql, 1, "CLOSED");
            event(sql, 1, "2026-01-10 10:00:00+00", "CLOSE", "CALLBACK_PENDING", "CLOSED");
            event(sql, 1, "2026-01-12 10:00:00+00", "REOPEN", "CLOSED", "IN_PROGRESS");
            event(sql, 1, "2026-01-31 15:30:00+00", "CLOSE", "CALLBACK_PENDING", "CLOSED");
            event(sql, 1, "2026-02-03 09:00:00+00", "NOTE", "CLOSED", "CLOSED");
            complaint(sql, 2, "NOT_UPHELD");
            event(sql, 2, "2026-01-20 08:00:00+00", "APPROVE_REJECTION", "REJECTION_REQUESTED", "NOT_UPHELD");
            complaint(sql, 3, "WITHDRAWN");
            event(sql, 3, "2026-01-21 08:00:00+00", "WITHDRAW", "REGISTERED", "WITHDRAWN");
            complaint(sql, 4, "IN_PROGRESS");
            event(sql, 4, "2026-01-22 08:00:00+00", "REOPEN", "NOT_UPHELD", "IN_PROGRESS");
        }
        old.upgrade();
        try (Connection db = database.getConnection(); Statement sql = db.createStatement()) {
            assertEquals("2026-01-31 15:30:00+00", closedAt(sql, 1), "the last closing, not the first nor the note");
            assertEquals("2026-01-20 08:00:00+00", closedAt(sql, 2));
            assertEquals("2026-01-21 08:00:00+00", closedAt(sql, 3));
            assertNull(closedAt(sql, 4), "an open case is not closed");
        }
    }

    private static void complaint(Statement sql, int id, String status) throws SQLException {
        sql.execute("INSERT INTO complaint (id, tenant_id, case_number, kind, severity, channel, status, description, "
                + "anonymous, registered_at, first_response_due, resolution_due, version) VALUES (" + id
                + ", 1, '202601-000" + id + "', 'COMPLAINT', 'ORDINARY', 'PHONE', '" + status + "', '噪音', FALSE, "
                + "TIMESTAMP WITH TIME ZONE '2026-01-02 00:00:00+00', "
                + "TIMESTAMP WITH TIME ZONE '2026-01-02 08:00:00+00', "
                + "TIMESTAMP WITH TIME ZONE '2026-01-20 00:00:00+00', 1)");
    }

    private static void event(Statement sql, int complaint, String at, String action, String from, String to)
            throws SQLException {
        sql.execute("INSERT INTO case_event (tenant_id, complaint_id, occurred_at, actor, event_action, from_status, "
                + "to_status, public_event) VALUES (1, " + complaint + ", TIMESTAMP WITH TIME ZONE '" + at
                + "', 'staff', '" + action + "', '" + from + "', '" + to + "', TRUE)");
    }

    private static String closedAt(Statement sql, int complaint) throws SQLException {
        sql.execute("SET TIME ZONE 'UTC'");
        try (ResultSet rows = sql.executeQuery("SELECT to_char(closed_at AT TIME ZONE 'UTC', "
                + "'YYYY-MM-DD HH24:MI:SS') || '+00' FROM complaint WHERE id = " + complaint)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
