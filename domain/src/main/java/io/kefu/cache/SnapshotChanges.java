package io.kefu.cache;

import io.kefu.identity.entity.Membership;
import io.kefu.identity.entity.UserAccount;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.tenancy.entity.Tenant;
import io.kefu.tenancy.entity.TenantOwned;
import io.kefu.tenancy.entity.TenantRef;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import java.util.List;

/**
 * The entity listener of everything {@link Snapshots} copies: the tenant, accounts and memberships, and each
 * tenant's configuration (office settings, calendar days, service levels, categories, workspace settings). Any
 * insert, update or delete of one, by whichever code, makes its scope stale: that transaction reads the scope
 * fresh from then on, and after it commits every node drops its copies. None of these tables is ever written by
 * a bulk statement (which would pass no listener); a new bulk write to one must fire {@link Stale} itself.
 */
public class SnapshotChanges {

    @Inject
    Snapshots snapshots;

    @Inject
    Event<Stale> stale;

    @Inject
    CurrentTenant tenant;

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Object entity) {
        for (String scope : scopesOf(entity, tenant.find().map(TenantRef::id).orElse(null))) {
            snapshots.changing(scope);
            stale.fire(new Stale(scope));
        }
    }

    /**
     * The scopes a change of {@code entity} makes stale. A tenant-owned entity belongs to the transaction's tenant
     * (a just-inserted one has no {@code tenant_id} read back yet), which is also its own.
     */
    static List<String> scopesOf(Object entity, Long transactionTenant) {
        if (entity instanceof Tenant t) {
            return t.id() == null ? List.of(Snapshots.TENANTS)
                    : List.of(Snapshots.TENANTS, Snapshots.tenant(t.id()));
        }
        if (entity instanceof UserAccount account) {
            return List.of(Snapshots.account(account.username()));
        }
        if (entity instanceof Membership membership) {
            return List.of(Snapshots.account(membership.user().username()));
        }
        if (entity instanceof TenantOwned owned) {
            Long owner = owned.tenantId() != null ? owned.tenantId() : transactionTenant;
            return owner == null ? List.of() : List.of(Snapshots.tenant(owner));
        }
        return List.of();
    }
}
