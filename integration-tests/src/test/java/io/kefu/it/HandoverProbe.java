package io.kefu.it;

import io.kefu.handover.boundary.HandoverWatch;
import io.kefu.notice.entity.Notice;
import io.kefu.tenancy.boundary.Tenants;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.tenancy.entity.TenantRef;
import io.kefu.tenancy.entity.TenantSlug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Properties;

/**
 * Test support deployed with {@link HandoverIT}: runs a round of the unacknowledged-hand-over watch as the scheduler
 * would (at a chosen time), counts the notices it left, and opens the test run's database as its superuser.
 */
@ApplicationScoped
public class HandoverProbe {

    @Inject
    HandoverWatch watch;

    @Inject
    Tenants tenants;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    Counts counts;

    @ActivateRequestContext
    public int round(Instant now) {
        return watch.round(now);
    }

    /** How many notices of this kind about {@code subject} (a case number or reference) the user has. */
    @ActivateRequestContext
    public long notices(String slug, String username, String subject, String kind) {
        TenantRef tenant = tenants.getBySlug(new TenantSlug(slug));
        return currentTenant.runAs(tenant, () -> counts.notices(username, subject, kind));
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

    /** Reads notices in a transaction of the current tenant. */
    @ApplicationScoped
    @Transactional
    public static class Counts {

        @Inject
        EntityManager em;

        public long notices(String username, String subject, String kind) {
            return em.createQuery("SELECT COUNT(n) FROM Notice n WHERE n.recipient = :recipient AND n.caseNumber = "
                    + ":subject AND n.kind = :kind", Long.class).setParameter("recipient", username)
                    .setParameter("subject", subject).setParameter("kind", Notice.Kind.valueOf(kind)).getSingleResult();
        }
    }
}
