package io.kefu.job;

import io.kefu.tenancy.boundary.Tenants;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.tenancy.entity.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.ToIntFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The loop every scheduled job shares: its round goes through the active tenants, each part run as that tenant
 * (its transactions are the part's own: a transaction never changes tenant). A tenant whose part fails is logged
 * and the round goes on with the next; the next round tries it again.
 */
@ApplicationScoped
public class TenantRounds {

    private static final Logger LOG = Logger.getLogger(TenantRounds.class.getName());

    @Inject
    Tenants tenants;

    @Inject
    CurrentTenant currentTenant;

    /** Runs {@code part} for every active tenant; the sum of what the parts did. */
    public int forEachActive(String job, ToIntFunction<TenantRef> part) {
        int done = 0;
        for (TenantRef tenant : tenants.all()) {
            if (!tenant.isActive()) {
                continue;
            }
            try {
                done += currentTenant.runAs(tenant, () -> part.applyAsInt(tenant));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The " + job + " round of tenant " + tenant.slug().value() + " failed", e);
            }
        }
        return done;
    }
}
