package io.kefu.live;

import io.kefu.callback.entity.CallbackTask;
import io.kefu.complaint.entity.Complaint;
import io.kefu.notice.entity.Notice;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.tenancy.entity.TenantRef;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostUpdate;

/**
 * The entity listener of {@link Complaint}, {@link CallbackTask} and {@link Notice}: every insert and update of
 * them, by whichever boundary (filing, actions, the watches, other features' notices), fires a {@link DeskChange}.
 * Fired inside the transaction; the portal observes it after a successful commit only, so a rolled-back change
 * reaches no desk. The tenant is the transaction's own (an entity inserted in it has no {@code tenant_id} read back
 * yet), which is also the entity's: a transaction never acts for two tenants.
 */
public class DeskChanges {

    @Inject
    Event<DeskChange> changes;

    @Inject
    CurrentTenant tenant;

    @PostPersist
    @PostUpdate
    void changed(Object entity) {
        Long tenantId = tenant.find().map(TenantRef::id).orElse(null);
        if (tenantId == null) {
            return;
        }
        DeskChange change = null;
        if (entity instanceof Complaint c) {
            change = new DeskChange(tenantId, DeskChange.Subject.CASE, c.number().toString(), c.status().name(),
                    c.kind().name(), null, false);
        } else if (entity instanceof CallbackTask t) {
            change = new DeskChange(tenantId, DeskChange.Subject.CALLBACK, t.complaint().number().toString(),
                    t.status().name(), t.kind().name(), null, false);
        } else if (entity instanceof Notice n) {
            change = new DeskChange(tenantId, DeskChange.Subject.NOTICE, n.subject(), null, n.kind().name(),
                    n.recipient(), n.isAlert());
        }
        if (change != null) {
            changes.fire(change);
        }
    }
}
