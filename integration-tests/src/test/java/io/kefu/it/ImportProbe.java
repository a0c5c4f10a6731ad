package io.kefu.it;

import io.kefu.job.JobLeases;
import io.kefu.resident.entity.ResidentImport;
import io.kefu.tenancy.boundary.Tenants;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.tenancy.entity.TenantRef;
import io.kefu.tenancy.entity.TenantSlug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Test support deployed with {@link NodeLocalStateIT}: leaves an import as a node that died while taking it
 * leaves it (RUNNING, its last sign of life long ago), and takes job leases as another node would.
 */
@ApplicationScoped
public class ImportProbe {

    @Inject
    Tenants tenants;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    Rows rows;

    @Inject
    JobLeases leases;

    /** A running import of {@code slug} whose node last reported at {@code lastSign}; its id. */
    @ActivateRequestContext
    public long runningSince(String slug, Instant lastSign) {
        TenantRef tenant = tenants.getBySlug(new TenantSlug(slug));
        return currentTenant.runAs(tenant, () -> rows.running(lastSign));
    }

    /** What another node gets when it asks for the lease now (and gives it back if it got it). */
    @ActivateRequestContext
    public boolean leaseFree(String job) {
        boolean taken = leases.take(job, Duration.ofMinutes(1));
        if (taken) {
            leases.release(job);
        }
        return taken;
    }

    /** Writes in a transaction of the current tenant. */
    @ApplicationScoped
    @Transactional
    public static class Rows {

        @Inject
        EntityManager em;

        public long running(Instant lastSign) {
            ResidentImport run = new ResidentImport("node-died.csv", "huijing.admin", 120,
                    Clock.fixed(lastSign, ZoneOffset.UTC));
            em.persist(run);
            em.flush();
            return run.id();
        }
    }
}
