package io.kefu.portal.operations;

import io.kefu.schema.SchemaMigration;
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
 * Ready only when PostgreSQL's row-level security stands behind the tenant discriminator (see
 * {@link RowSecurity}): a node on a superuser account, or on a schema whose tenant tables lost their policy,
 * would serve with one wall instead of two, so it says DOWN and names the reason. Inspected once after the
 * schema migrated: roles and policies change only by an operator's hand, and a restart re-checks them.
 */
@Readiness
@ApplicationScoped
public class RowSecurityReadiness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(RowSecurityReadiness.class.getName());

    @Inject
    SchemaMigration migration;

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    DataSource dataSource;

    private volatile List<String> problems;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("row-level-security");
        if (!migration.state().ready()) {
            return response.down().withData("schema", "not migrated").build();
        }
        List<String> found = problems;
        if (found == null) {
            try (Connection connection = dataSource.getConnection()) {
                found = List.copyOf(RowSecurity.problems(connection));
            } catch (SQLException e) {
                return response.down().withData("error", "unreachable").build();
            }
            problems = found;
            found.forEach(problem -> LOG.severe(() -> "Tenant isolation: " + problem));
        }
        if (found.isEmpty()) {
            return response.up().build();
        }
        return response.down().withData("problem", String.join("; ", found)).build();
    }
}
