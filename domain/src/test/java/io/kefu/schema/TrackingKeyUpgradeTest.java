package io.kefu.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.complaint.entity.TrackingToken;
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
 * Upgrading a database whose cases have clear tracking tokens (schema 10): each token becomes the SHA-256 of
 * itself in the case's first tracking key, so the links residents already have keep working while the database
 * no longer holds a usable token; each callback gets its public key.
 */
class TrackingKeyUpgradeTest {

    private static OldSchema old;
    private static DataSource database;
    private static final String TOKEN = "z4mwVXUJu2AyJL3w5CFC90p4wNzua_XEIBthrdPCJ-0";

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
    void clearTokensBecomeHashesAndCallbacksGetPublicKeys() throws SQLException {
        old.migrateTo("10");
        try (Connection db = database.getConnection(); Statement sql = db.createStatement()) {
            sql.execute("INSERT INTO complaint (id, tenant_id, case_number, tracking_token, kind, severity, channel, "
                    + "status, description, anonymous, registered_at, first_response_due, resolution_due, version) "
                    + "VALUES (7, 1, '202601-0001', '" + TOKEN + "', 'REPAIR', 'ORDINARY', 'ONLINE', 'REGISTERED', "
                    + "'漏水', FALSE, TIMESTAMP WITH TIME ZONE '2026-01-02 00:00:00+00', "
                    + "TIMESTAMP WITH TIME ZONE '2026-01-02 08:00:00+00', "
                    + "TIMESTAMP WITH TIME ZONE '2026-01-05 00:00:00+00', 0)");
            sql.execute("INSERT INTO callback_task (id, tenant_id, task_kind, complaint_id, task_status, attempts, "
                    + "created_at, due_at, escalation_level, version) VALUES (3, 1, 'CASE', 7, 'OPEN', 0, "
                    + "TIMESTAMP WITH TIME ZONE '2026-01-03 00:00:00+00', "
                    + "TIMESTAMP WITH TIME ZONE '2026-01-04 00:00:00+00', 0, 0)");
            for (String mail : new String[] {"1, TIMESTAMP WITH TIME ZONE '2026-01-02 00:00:10+00', 1",
                "2, NULL, 0"}) {
                sql.execute("INSERT INTO outbound_mail (id, tenant_id, recipient, subject, body, created_at, sent_at, "
                        + "attempts) VALUES (" + mail.substring(0, 2) + " 1, 'wang@example.com', '已登记', "
                        + "'您好！\n\nhttps://kefu.example.com/t/old-tenant/track/" + TOKEN + "', "
                        + "TIMESTAMP WITH TIME ZONE '2026-01-02 00:00:00+00', " + mail.substring(3) + ")");
            }
        }
        old.upgrade();
        try (Connection db = database.getConnection(); Statement sql = db.createStatement()) {
            assertEquals("7", single(sql, "SELECT complaint_id FROM tracking_key WHERE token_hash = '"
                    + TrackingToken.hash(TOKEN) + "' AND tenant_id = 1"), "the old link finds its case by hash");
            assertEquals("0", single(sql, "SELECT COUNT(*) FROM tracking_key WHERE token_hash = '" + TOKEN + "'"));
            assertThrows(SQLException.class, () -> single(sql, "SELECT tracking_token FROM complaint"),
                    "the clear token is gone");
            assertTrue(single(sql, "SELECT public_key FROM callback_task WHERE id = 3").matches("[A-Za-z0-9_-]{22}"));
            assertEquals("0", single(sql, "SELECT COUNT(*) FROM outbound_mail WHERE body LIKE '%" + TOKEN + "%'"),
                    "mails keep their text, not the link");
            assertEquals(null, single(sql, "SELECT private_link FROM outbound_mail WHERE id = 1"), "sent: gone");
            assertEquals("https://kefu.example.com/t/old-tenant/track/" + TOKEN,
                    single(sql, "SELECT private_link FROM outbound_mail WHERE id = 2"), "queued: kept until sent");
        }
    }

    private static String single(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
