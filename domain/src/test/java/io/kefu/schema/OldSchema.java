package io.kefu.schema;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Where an upgrade test starts: a throwaway PostgreSQL migrated to an older schema version with one tenant of that
 * time ("old-tenant", id 1), to be filled as that version's code left its rows and then upgraded to the newest.
 */
final class OldSchema implements AutoCloseable {

    private final EmbeddedPostgres server;

    private OldSchema(EmbeddedPostgres server) {
        this.server = server;
    }

    static OldSchema start() throws IOException {
        return new OldSchema(EmbeddedPostgres.start());
    }

    DataSource database() {
        return server.getPostgresDatabase();
    }

    /** Migrates to {@code version} (the old schema) and adds the tenant of that time. */
    void migrateTo(String version) throws SQLException {
        Flyway.configure().dataSource(database()).locations("classpath:db/migration").target(version).load()
                .migrate();
        try (Connection db = database().getConnection(); Statement sql = db.createStatement()) {
            sql.execute("INSERT INTO tenant (id, slug, name_zh, name_en, kind, status, time_zone, default_locale, "
                    + "created_at, version) VALUES (1, 'old-tenant', '旧', 'Old', 'PROPERTY', 'ACTIVE', "
                    + "'Asia/Shanghai', 'zh-CN', TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00', 0)");
        }
    }

    /** Runs every migration after the old schema. */
    void upgrade() {
        Flyway.configure().dataSource(database()).locations("classpath:db/migration").load().migrate();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
