package io.kefu.audit.boundary;

import io.kefu.audit.control.CurrentActor;
import io.kefu.audit.entity.PlatformAuditEntry;
import io.kefu.audit.entity.PlatformAuditEntry.Action;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The platform's audit log: what operators did to tenants and when they read their usage. {@link #record} joins
 * the transaction of the act ({@code MANDATORY}), so an entry exists exactly when the act was committed. Reading
 * it is for platform operators only; the callers (platform page and API) admit nobody else.
 */
@ApplicationScoped
public class PlatformAudit {

    @Inject
    EntityManager em;

    @Inject
    CurrentActor actor;

    @Inject
    Clock clock;

    /** {@code tenantSlug} null for an act on every tenant; {@code details} as {@link AuditLog#describe} writes them. */
    @Transactional(TxType.MANDATORY)
    public void record(Action action, String tenantSlug, Map<String, ?> details) {
        em.persist(new PlatformAuditEntry(actor.get(), action, tenantSlug,
                details.isEmpty() ? null : AuditLog.describe(details), clock));
    }

    /** The newest entries first, optionally of one action or one tenant. */
    @Transactional
    public List<PlatformAuditEntry> page(Action action, String tenantSlug, int first, int size) {
        return em.createNamedQuery(PlatformAuditEntry.PAGE, PlatformAuditEntry.class)
                .setParameter("action", action == null ? null : action.name())
                .setParameter("tenant", blankToNull(tenantSlug))
                .setFirstResult(Math.max(0, first))
                .setMaxResults(Math.max(1, Math.min(size, 200)))
                .getResultList();
    }

    @Transactional
    public long count(Action action, String tenantSlug) {
        return em.createNamedQuery(PlatformAuditEntry.COUNT, Long.class)
                .setParameter("action", action == null ? null : action.name())
                .setParameter("tenant", blankToNull(tenantSlug))
                .getSingleResult();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
