package io.kefu.portal.operations;

import io.kefu.schema.SchemaMigration;
import io.kefu.schema.SchemaState;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means: the schema migrated on this node and the database answers now. Reports the database product
 * and schema version, so an operator sees at a glance which database a node is really using.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Inject
    SchemaMigration migration;

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        SchemaState state = migration.state();
        var response = HealthCheckResponse.named("database");
        if (!state.ready()) {
            return response.down().withData("schema", state.error()).build();
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(2);
            return response.status(valid)
                    .withData("database", state.database())
                    .withData("schemaVersion", state.version())
                    .build();
        } catch (SQLException e) {
            return response.down().withData("database", state.database()).withData("error", "unreachable").build();
        }
    }
}
