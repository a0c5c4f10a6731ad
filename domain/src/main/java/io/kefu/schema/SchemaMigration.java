package io.kefu.schema;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date when the application starts, on whichever database the data source points
 * at. Bean-managed transactions because Flyway manages its own. Readiness reports DOWN until this has run.
 * On several nodes Flyway's own lock table makes the second node wait rather than migrate twice.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    public static final String DATA_SOURCE = "java:app/jdbc/kefu";
    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = DATA_SOURCE)
    DataSource dataSource;

    @Inject
    Event<SchemaMigrated> migrated;

    private volatile SchemaState state = SchemaState.pending();

    @PostConstruct
    void migrate() {
        try {
            MigrateResult result = Flyway.configure(getClass().getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            String database = databaseProduct();
            String version = result.targetSchemaVersion != null ? result.targetSchemaVersion
                    : Flyway.configure(getClass().getClassLoader()).dataSource(dataSource).load()
                            .info().current().getVersion().getVersion();
            LOG.info(() -> "Schema of " + database + " at version " + version + " (" + result.migrationsExecuted
                    + " migrations applied now)");
            state = SchemaState.ready(database, version);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Schema migration failed; the portal stays not ready", e);
            state = SchemaState.failed("schema migration failed, see the log");
            return;
        }
        try {
            migrated.fire(new SchemaMigrated(state.database(), state.version()));
        } catch (RuntimeException e) {
            // Startup work after migration (bootstrap operator, demo data) is not the schema: the node still
            // serves, and the failure is in the log for the operator.
            LOG.log(Level.SEVERE, "Startup work after migration failed", e);
        }
    }

    public SchemaState state() {
        return state;
    }

    private String databaseProduct() {
        try (Connection connection = dataSource.getConnection()) {
            var meta = connection.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        } catch (SQLException e) {
            return "unknown";
        }
    }
}
