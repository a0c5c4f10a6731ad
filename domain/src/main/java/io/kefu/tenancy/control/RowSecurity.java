package io.kefu.tenancy.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether PostgreSQL's row-level security really stands behind the tenant discriminator on this database: the
 * application's role can be held to policies (no superuser, no BYPASSRLS), and every table with a
 * {@code tenant_id} column enforces its tenant policy, for the tables' owner too. A wall that is silently
 * missing, say on a database set up by hand with a superuser account, is reported instead of trusted.
 */
public final class RowSecurity {

    private static final String ROLE = "SELECT rolname, rolsuper, rolbypassrls FROM pg_roles "
            + "WHERE rolname = current_user";

    private static final String UNGUARDED_TABLES = "SELECT c.relname FROM pg_class c"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped"
            + " WHERE c.relkind = 'r' AND n.nspname = current_schema()"
            + " AND NOT (c.relrowsecurity AND c.relforcerowsecurity AND EXISTS (SELECT 1 FROM pg_policy p"
            + " WHERE p.polrelid = c.oid AND p.polname = 'tenant_rows'))"
            + " ORDER BY c.relname";

    private RowSecurity() {
    }

    /** What keeps row-level security from holding on this connection's database; empty when it holds. */
    public static List<String> problems(Connection connection) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (PreparedStatement role = connection.prepareStatement(ROLE); ResultSet rows = role.executeQuery()) {
            if (rows.next() && (rows.getBoolean("rolsuper") || rows.getBoolean("rolbypassrls"))) {
                problems.add("the database role " + rows.getString("rolname")
                        + " bypasses row-level security (superuser or BYPASSRLS)");
            }
        }
        try (PreparedStatement tables = connection.prepareStatement(UNGUARDED_TABLES);
                ResultSet rows = tables.executeQuery()) {
            while (rows.next()) {
                problems.add("table " + rows.getString(1) + " has tenant rows without a forced tenant policy");
            }
        }
        return problems;
    }
}
