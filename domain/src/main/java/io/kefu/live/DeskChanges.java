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
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The entity listener of {@link Complaint}, {@link CallbackTask} and {@link Notice}: every insert and update of
 * them, by whichever boundary (filing, actions, the watches, other features' notices), fires a {@link DeskChange}.
 * Fired inside the transaction; the portal observes it after a successful commit only, so a rolled-back change
 * reaches no desk. The tenant is the transaction's own (an entity inserted in it has no {@code tenant_id} read back
 * yet), which is also the entity's: a transaction never acts for two tenants.
 */
public class DeskChanges {

    private static final Logger LOG = Logger.getLogger(DeskChanges.class.getName());

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
        try {
            of(tenantId, entity).ifPresent(changes::fire);
        } catch (RuntimeException e) {
            // The desk is told at most once anyway and re-reads on the next change: a write never fails for it.
            LOG.log(Level.WARNING, "Live desk: no change sent for " + entity.getClass().getSimpleName(), e);
        }
    }

    /** The change a desk should hear of when {@code entity} was written; empty for anything else. */
    static Optional<DeskChange> of(long tenantId, Object entity) {
        if (entity instanceof Complaint c) {
            return Optional.of(new DeskChange(tenantId, DeskChange.Subject.CASE, c.number().toString(),
                    c.status().name(), c.kind().name(), null, false));
        }
        if (entity instanceof CallbackTask t) {
            // A courtesy visit (回访 of a plan) belongs to no case: the queue re-reads all the same.
            String number = t.complaint() == null ? null : t.complaint().number().toString();
            return Optional.of(new DeskChange(tenantId, DeskChange.Subject.CALLBACK, number, t.status().name(),
                    t.kind().name(), null, false));
        }
        if (entity instanceof Notice n) {
            return Optional.of(new DeskChange(tenantId, DeskChange.Subject.NOTICE, n.subject(), null,
                    n.kind().name(), n.recipient(), n.isAlert()));
        }
        return Optional.empty();
    }
}
