package io.kefu.tenancy.control;

import io.kefu.tenancy.entity.TenantOwned;
import io.kefu.tenancy.entity.TenantRef;
import jakarta.inject.Inject;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;

/**
 * A second lock behind the tenant discriminator. EclipseLink writes an update or delete of a loaded object by
 * primary key alone (its issue 1333), so an object of tenant A that somehow reached a transaction of tenant B
 * would be changed there. Before any update or delete this checks that the object belongs to the tenant the
 * transaction acts for, and refuses otherwise.
 */
public class TenantGuard {

    @Inject
    CurrentTenant currentTenant;

    @PreUpdate
    @PreRemove
    void belongsToCurrentTenant(TenantOwned entity) {
        Long owner = entity.tenantId();
        if (owner == null) {
            return; // persisted in this transaction: the provider filled tenant_id from the bound tenant itself
        }
        Long current = currentTenant.find().map(TenantRef::id).orElse(null);
        if (!owner.equals(current)) {
            throw new IllegalStateException("Refusing to change " + entity.getClass().getSimpleName()
                    + " of tenant " + owner + " while acting for tenant " + current);
        }
    }
}
