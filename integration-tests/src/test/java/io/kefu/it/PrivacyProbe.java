package io.kefu.it;

import io.kefu.privacy.boundary.RetentionWatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Properties;

/**
 * Test support deployed with {@link PrivacyIT}: runs a retention round as the scheduler would, and opens the test
 * run's database as its superuser from inside the server (the test's cases are written and read there, beside
 * the round; row-level security hides nothing from the superuser).
 */
@ApplicationScoped
public class PrivacyProbe {

    @Inject
    RetentionWatch watch;

    @ActivateRequestContext
    public int round(Instant now) {
        return watch.round(now);
    }

    /** The server's own database URL (kefu.db.url), as the embedded PostgreSQL's superuser (trust on loopback). */
    public Connection superuser() throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", "postgres");
        Connection db = new org.postgresql.Driver().connect(System.getProperty("kefu.db.url"), login);
        if (db == null) {
            throw new SQLException("no PostgreSQL URL in kefu.db.url");
        }
        return db;
    }
}
