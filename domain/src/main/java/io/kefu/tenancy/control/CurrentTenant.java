package io.kefu.tenancy.control;

import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import io.kefu.tenancy.entity.TenantRef;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The tenant the current request acts for. The portal sets it from the URL before anything else runs;
 * background work sets it explicitly, one tenant per transaction. Reading it when nobody set it is a
 * programming error and fails closed.
 */
@RequestScoped
public class CurrentTenant {

    private TenantRef tenant;

    public void set(TenantRef tenant) {
        this.tenant = tenant;
    }

    public Optional<TenantRef> find() {
        return Optional.ofNullable(tenant);
    }

    public TenantRef get() {
        if (tenant == null) {
            throw new KefuException(Failure.NOT_FOUND, "tenant.none");
        }
        return tenant;
    }

    public boolean isSet() {
        return tenant != null;
    }

    /**
     * Runs work for another tenant than the request's (provisioning a new tenant, later per-tenant jobs) and
     * restores the request's tenant afterwards, also on failure. The work must open its own transactions: one
     * already open is bound to the tenant it started with and refuses the switch.
     */
    public <T> T runAs(TenantRef other, Supplier<T> work) {
        TenantRef previous = tenant;
        tenant = other;
        try {
            return work.get();
        } finally {
            tenant = previous;
        }
    }
}
