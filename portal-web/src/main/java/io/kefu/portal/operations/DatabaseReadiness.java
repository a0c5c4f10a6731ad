package io.kefu.portal.operations;

import io.kefu.schema.SchemaMigration;
import io.kefu.schema.SchemaState;
import io.kefu.tenancy.control.RowSecurity;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means: the schema migrated on this node, the database answers now, and its row-level security stands
 * behind the tenant discriminator ({@link RowSecurity}: a node on a superuser account, or on a schema whose tenant
 * tables lost their policy, would serve with one wall between tenants instead of two, so it says DOWN and names
 * the reason). Reports the database product and schema version, so an operator sees at a glance which database a
 * node is really using.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(DatabaseReadiness.class.getName());

    @Inject
    SchemaMigration migration;

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    DataSource dataSource;

    /** Inspected once: roles and policies change only by an operator's hand, and a restart looks again. */
    private volatile List<String> isolationProblems;

    @Override
    public HealthCheckResponse call() {
        SchemaState state = migration.state();
        var response = HealthCheckResponse.named("database");
        if (!state.ready()) {
            return response.down().withData("schema", state.error()).build();
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(2);
            List<String> isolation = isolationProblems(connection);
            return response.status(valid && isolation.isEmpty())
                    .withData("database", state.database())
                    .withData("schemaVersion", state.version())
                    .withData("rowLevelSecurity", isolation.isEmpty() ? "enforced" : String.join("; ", isolation))
                    .build();
        } catch (SQLException e) {
            return response.down().withData("database", state.database()).withData("error", "unreachable").build();
        }
    }

    private List<String> isolationProblems(Connection connection) throws SQLException {
        List<String> found = isolationProblems;
        if (found == null) {
            found = List.copyOf(RowSecurity.problems(connection));
            found.forEach(problem -> LOG.severe(() -> "Tenant isolation: " + problem));
            isolationProblems = found;
        }
        return found;
    }
}
