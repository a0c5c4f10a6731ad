package io.kefu.tenancy.control;

import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import io.kefu.tenancy.entity.TenantRef;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

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
}
