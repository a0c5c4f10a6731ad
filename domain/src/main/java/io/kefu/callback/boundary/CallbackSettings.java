package io.kefu.callback.boundary;

import io.kefu.callback.entity.CallbackPolicy;
import io.kefu.callback.entity.CourtesyPlan;
import io.kefu.identity.entity.Role;
import io.kefu.problem.KefuException;
import io.kefu.problem.Writes;
import io.kefu.workspace.boundary.Office;
import jakarta.enterprise.context.ApplicationScoped;
import io.kefu.audit.boundary.AuditLog;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The current tenant's callback rules and courtesy visit plans, as its admins keep them. Changes are checked
 * as a whole and saved at the version they were read at; a concurrent change is refused, not overwritten.
 */
@ApplicationScoped
@Transactional
public class CallbackSettings {

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Office office;

    public CallbackPolicy policy() {
        return stored().orElseGet(CallbackPolicy::defaults);
    }

    /** Saves the policy; {@code expectedVersion} as read (ignored the first time it is saved). */
    public CallbackPolicy updatePolicy(Integer dueHours, Integer maxAttempts, Integer retryMinutes,
            Set<Role> callerRoles, Boolean onlineConfirmationCounts, Integer validTargetPermille,
            Boolean resolverMayCallBack, Boolean reopenPendingSupervisorOnly, long expectedVersion) {
        Optional<CallbackPolicy> stored = stored();
        if (stored.isPresent() && stored.get().version() != expectedVersion) {
            throw KefuException.conflict("concurrent.change");
        }
        CallbackPolicy policy = stored.orElseGet(CallbackPolicy::defaults);
        String before = describe(policy);
        policy.change(dueHours, maxAttempts, retryMinutes, callerRoles, onlineConfirmationCounts,
                validTargetPermille);
        policy.decide(resolverMayCallBack, reopenPendingSupervisorOnly);
        if (stored.isEmpty()) {
            em.persist(policy);
        }
        Writes.flush(em);
        audit.record("settings.callback-policy", "callback-policy", before, describe(policy));
        return policy;
    }

    public List<CourtesyPlan> plans() {
        return em.createNamedQuery(CourtesyPlan.ALL, CourtesyPlan.class).getResultList();
    }

    public CourtesyPlan plan(long id) {
        return em.createNamedQuery(CourtesyPlan.BY_ID, CourtesyPlan.class).setParameter("id", id)
                .getResultStream().findFirst().orElseThrow(() -> KefuException.notFound("callback.plan.not.found", id));
    }

    public CourtesyPlan addPlan(String name, Integer everyMonths, LocalDate firstDue, String assignee,
            String targets) {
        CourtesyPlan plan = new CourtesyPlan(name, everyMonths, firstDue, assignee, targets);
        requireStaff(plan.assignee());
        em.persist(plan);
        Writes.flush(em);
        audit.record("settings.courtesy-plan.add", plan.name(), null, describe(plan));
        return plan;
    }

    public CourtesyPlan changePlan(long id, long expectedVersion, String name, Integer everyMonths, LocalDate nextDue,
            String assignee, String targets, boolean active) {
        CourtesyPlan plan = plan(id);
        if (plan.version() != expectedVersion) {
            throw KefuException.conflict("concurrent.change");
        }
        String before = describe(plan);
        plan.change(name, everyMonths, nextDue, assignee, targets, active);
        requireStaff(plan.assignee());
        Writes.flush(em);
        audit.record("settings.courtesy-plan.change", plan.name(), before, describe(plan));
        return plan;
    }

    private static String describe(CallbackPolicy p) {
        java.util.Map<String, Object> values = new LinkedHashMap<>();
        values.put("dueHours", p.dueHours());
        values.put("maxAttempts", p.maxAttempts());
        values.put("retryMinutes", p.retryMinutes());
        values.put("callerRoles", p.callerRoles());
        values.put("onlineConfirmationCounts", p.onlineConfirmationCounts());
        values.put("validTargetPermille", p.validTargetPermille());
        values.put("resolverMayCallBack", p.resolverMayCallBack());
        values.put("reopenPendingSupervisorOnly", p.reopenPendingSupervisorOnly());
        return AuditLog.describe(values);
    }

    private static String describe(CourtesyPlan p) {
        java.util.Map<String, Object> values = new LinkedHashMap<>();
        values.put("everyMonths", p.everyMonths());
        values.put("nextDue", p.nextDue());
        values.put("assignee", p.assignee());
        values.put("active", p.active());
        return AuditLog.describe(values);
    }

    private void requireStaff(String username) {
        if (username != null) {
            office.assignee(username, "assignee");
        }
    }

    private Optional<CallbackPolicy> stored() {
        return em.createNamedQuery(CallbackPolicy.OF_TENANT, CallbackPolicy.class).getResultStream().findFirst();
    }
}
