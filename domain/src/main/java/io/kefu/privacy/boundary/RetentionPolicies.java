package io.kefu.privacy.boundary;

import io.kefu.audit.boundary.AuditLog;
import io.kefu.privacy.entity.RetentionPolicy;
import io.kefu.problem.KefuException;
import io.kefu.problem.Writes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The current tenant's retention policy: read by the retention job, changed by the tenant admin (audited). */
@ApplicationScoped
@Transactional
public class RetentionPolicies {

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    /** The saved policy, or {@link RetentionPolicy#defaults()} for a tenant that never saved one. */
    public RetentionPolicy policy() {
        return stored().orElseGet(RetentionPolicy::defaults);
    }

    /**
     * Changes the policy as a whole; {@code expectedVersion} as read (ignored the first time it is saved), a 409
     * when it moved meanwhile. Bad input changes nothing.
     */
    public RetentionPolicy change(Integer months, String attachments, long expectedVersion) {
        Optional<RetentionPolicy> stored = stored();
        if (stored.isPresent() && stored.get().version() != expectedVersion) {
            throw KefuException.conflict("concurrent.change");
        }
        RetentionPolicy policy = stored.orElseGet(RetentionPolicy::defaults);
        String before = describe(policy);
        policy.change(months, attachments);
        if (stored.isEmpty()) {
            em.persist(policy);
        }
        Writes.flush(em);
        audit.record("settings.retention", "retention", before, describe(policy));
        return policy;
    }

    private Optional<RetentionPolicy> stored() {
        return em.createNamedQuery(RetentionPolicy.OF_TENANT, RetentionPolicy.class).getResultStream().findFirst();
    }

    private static String describe(RetentionPolicy policy) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("months", policy.months());
        values.put("attachments", policy.attachments());
        return AuditLog.describe(values);
    }
}
