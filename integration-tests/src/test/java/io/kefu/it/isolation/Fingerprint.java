package io.kefu.it.isolation;

import io.kefu.it.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A checksum of everything a tenant owns, read straight from the test run's PostgreSQL: every row of every table
 * with a {@code tenant_id} column, the tenant's own row and its people's accounts. Taken before and after the
 * matrix, any difference is a write that got through. Read as the application's role on a session that names the
 * tenant (row-level security would hide its rows otherwise), and filtered by {@code tenant_id} as well.
 */
final class Fingerprint {

    /** Columns the mail job changes on its own while it delivers (attempts, claims): not the tenant's data. */
    private static final String DELIVERY = "ARRAY['attempts', 'last_error', 'claimed_until', 'sent_at']";

    private Fingerprint() {
    }

    static long tenantId(String slug) throws SQLException {
        try (Connection db = connect(); PreparedStatement query = db.prepareStatement(
                "SELECT id FROM tenant WHERE slug = ?")) {
            query.setString(1, slug);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("no tenant " + slug);
                }
                return rows.getLong(1);
            }
        }
    }

    /** Table → row count and checksum of the tenant's rows. */
    static Map<String, String> of(long tenantId) throws SQLException {
        Map<String, String> sums = new TreeMap<>();
        try (Connection db = connect()) {
            try (PreparedStatement tenant = db.prepareStatement("SELECT set_config('kefu.tenant_id', ?, false)")) {
                tenant.setString(1, String.valueOf(tenantId));
                tenant.execute();
            }
            for (String table : tenantTables(db)) {
                String minus = table.equals("outbound_mail") ? " - " + DELIVERY : "";
                sums.put(table, sum(db, "SELECT COUNT(*), md5(COALESCE(string_agg((to_jsonb(t)" + minus
                        + ")::text, '|' ORDER BY t.id), '')) FROM " + table + " t WHERE t.tenant_id = ?", tenantId));
            }
            sums.put("tenant", sum(db, "SELECT COUNT(*), md5(COALESCE(string_agg(to_jsonb(t)::text, '|'), ''))"
                    + " FROM tenant t WHERE t.id = ?", tenantId));
            sums.put("user_account", sum(db, "SELECT COUNT(*), md5(COALESCE(string_agg(to_jsonb(u)::text, '|'"
                    + " ORDER BY u.id), '')) FROM user_account u WHERE u.id IN (SELECT m.user_id FROM membership m"
                    + " WHERE m.tenant_id = ?)", tenantId));
        }
        return sums;
    }

    private static List<String> tenantTables(Connection db) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("SELECT c.relname FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid"
                + " WHERE c.relkind = 'r' AND n.nspname = current_schema() AND a.attname = 'tenant_id'"
                + " AND NOT a.attisdropped ORDER BY c.relname"); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private static String sum(Connection db, String sql, long tenantId) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setLong(1, tenantId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1) + " rows " + rows.getString(2);
            }
        }
    }

    private static Connection connect() throws SQLException {
        String port = System.getProperty("kefu.it.pg.port");
        if (port == null) {
            throw new IllegalStateException("kefu.it.pg.port not set: the matrix reads the test run's PostgreSQL");
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/kefu", PostgresServer.USER,
                PostgresServer.PASSWORD);
    }
}
