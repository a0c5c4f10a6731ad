package io.kefu.callback.boundary;

import io.kefu.callback.entity.CallbackPolicy;
import io.kefu.callback.entity.CourtesyPlan;
import io.kefu.identity.entity.Role;
import io.kefu.problem.KefuException;
import io.kefu.problem.Writes;
import io.kefu.workspace.boundary.Office;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
    Office office;

    public CallbackPolicy policy() {
        return stored().orElseGet(CallbackPolicy::defaults);
    }

    /** Saves the policy; {@code expectedVersion} as read (ignored the first time it is saved). */
    public CallbackPolicy updatePolicy(Integer dueHours, Integer maxAttempts, Integer retryMinutes,
            Set<Role> callerRoles, Boolean onlineConfirmationCounts, Integer validTargetPermille,
            long expectedVersion) {
        Optional<CallbackPolicy> stored = stored();
        if (stored.isPresent() && stored.get().version() != expectedVersion) {
            throw KefuException.conflict("concurrent.change");
        }
        CallbackPolicy policy = stored.orElseGet(CallbackPolicy::defaults);
        policy.change(dueHours, maxAttempts, retryMinutes, callerRoles, onlineConfirmationCounts,
                validTargetPermille);
        if (stored.isEmpty()) {
            em.persist(policy);
        }
        Writes.flush(em);
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
        return plan;
    }

    public CourtesyPlan changePlan(long id, long expectedVersion, String name, Integer everyMonths, LocalDate nextDue,
            String assignee, String targets, boolean active) {
        CourtesyPlan plan = plan(id);
        if (plan.version() != expectedVersion) {
            throw KefuException.conflict("concurrent.change");
        }
        plan.change(name, everyMonths, nextDue, assignee, targets, active);
        requireStaff(plan.assignee());
        Writes.flush(em);
        return plan;
    }

    private void requireStaff(String username) {
        if (username != null && office.staff().stream().noneMatch(m -> m.username().equals(username))) {
            throw KefuException.invalid("assignee", "case.handover.not.staff", username);
        }
    }

    private Optional<CallbackPolicy> stored() {
        return em.createNamedQuery(CallbackPolicy.OF_TENANT, CallbackPolicy.class).getResultStream().findFirst();
    }
}
