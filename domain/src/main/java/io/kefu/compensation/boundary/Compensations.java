package io.kefu.compensation.boundary;

import io.kefu.audit.boundary.AuditLog;
import io.kefu.compensation.entity.Amount;
import io.kefu.compensation.entity.Authority;
import io.kefu.compensation.entity.Compensation;
import io.kefu.compensation.entity.CompensationPolicy;
import io.kefu.compensation.entity.CompensationType;
import io.kefu.complaint.boundary.Cases;
import io.kefu.complaint.entity.Actor;
import io.kefu.complaint.entity.Complaint;
import io.kefu.phrase.ForbiddenPhrases;
import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import io.kefu.problem.Writes;
import io.kefu.workspace.boundary.Office;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compensation proposals of the current tenant's cases, and the tenant's authority for them. Each call is one
 * transaction: load the case, let the proposal apply the rule, write the step into the case's history, store.
 */
@ApplicationScoped
@Transactional
public class Compensations {

    /** History entries of the three steps; the pages name them in the reader's language ({@code event.*}). */
    public static final String PROPOSED = "COMPENSATION_PROPOSE";
    public static final String APPROVED = "COMPENSATION_APPROVE";
    public static final String REFUSED = "COMPENSATION_REFUSE";

    @Inject
    EntityManager em;

    @Inject
    Cases cases;

    @Inject
    Office office;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public List<Compensation> ofCase(Complaint complaint) {
        return em.createNamedQuery(Compensation.OF_CASE, Compensation.class).setParameter("complaint", complaint)
                .getResultList();
    }

    /** Proposal {@code seq} of the case numbered {@code number}; 404 when either is not this tenant's. */
    public Compensation get(String number, int seq) {
        return ofCase(cases.get(number)).stream().filter(p -> p.seq() == seq).findFirst()
                .orElseThrow(() -> KefuException.notFound("compensation.not.found", seq));
    }

    /**
     * Proposes compensation on an open case, by its owner or a supervisor (the people working it); the amount in
     * yuan as typed. Every field at fault is named at once.
     */
    public Compensation propose(String number, Actor actor, CompensationType type, String amount, String reason) {
        Complaint complaint = cases.get(number);
        if (!complaint.isOwnedBy(actor)) {
            throw new KefuException(Failure.FORBIDDEN, "compensation.propose.not.owner",
                    (Object) (complaint.owner() == null ? "-" : complaint.owner()));
        }
        if (!complaint.status().isOpen()) {
            throw KefuException.conflict("compensation.case.finished");
        }
        long[] fen = new long[1];
        KefuException.checkAll(() -> {
            if (type == null) {
                throw KefuException.invalid("type", "field.required");
            }
        }, () -> fen[0] = Amount.parseYuan(amount, "amount"),
                () -> io.kefu.problem.Fields.text(reason, "reason", Compensation.REASON_MAXLENGTH));
        Compensation proposal = new Compensation(complaint, ofCase(complaint).size() + 1, type, fen[0], reason, actor,
                clock);
        em.persist(proposal);
        complaint.recordCompensation(actor, PROPOSED, proposal.summary(proposal.reason()), clock);
        Writes.flush(em);
        return proposal;
    }

    /** Approves proposal {@code seq}: by somebody else than the proposer, whose limit covers the amount. */
    public Compensation approve(String number, int seq, Actor actor) {
        Compensation proposal = get(number, seq);
        proposal.approve(actor, limitOf(actor), clock);
        proposal.complaint().recordCompensation(actor, APPROVED, proposal.summary(proposal.reason()), clock);
        Writes.flush(em);
        return proposal;
    }

    /** Refuses proposal {@code seq} with a reason, by the same people who could approve it. */
    public Compensation refuse(String number, int seq, Actor actor, String reason) {
        Compensation proposal = get(number, seq);
        proposal.refuse(actor, limitOf(actor), reason, clock);
        proposal.complaint().recordCompensation(actor, REFUSED, proposal.summary(proposal.decisionNote()), clock);
        Writes.flush(em);
        return proposal;
    }

    /**
     * The level of {@code actor}'s authority. The manager is the one the office names (Office settings): where it
     * names none, supervisors stand in for the manager elsewhere, but would then approve without limit, so here
     * they keep the supervisors' limit.
     */
    public Authority authorityOf(Actor actor) {
        String manager = office.settings().managerUsername();
        if (manager != null && manager.equals(actor.username())
                && office.managers().stream().anyMatch(m -> m.username().equals(manager))) {
            return Authority.MANAGER;
        }
        return actor.supervisor() ? Authority.SUPERVISOR : Authority.STAFF;
    }

    /** The most {@code actor} may approve, in fen; {@code null}: no limit. */
    public Long limitOf(Actor actor) {
        return policy().limitOf(authorityOf(actor));
    }

    /**
     * Stops a public reply that promises compensation (the policy's words) while no proposal of the case is
     * approved: an input error on {@code field} naming the words found, like a forbidden phrase.
     */
    public void requireApprovalForPromise(Complaint complaint, String text, String field) {
        List<ForbiddenPhrases.Finding> found = policy().promises().findIn(text);
        if (found.isEmpty() || hasApproved(complaint)) {
            return;
        }
        throw KefuException.invalid(field, "compensation.promise.unapproved",
                String.join("、", found.stream().map(f -> text.substring(f.start(), f.end())).distinct().toList()));
    }

    public boolean hasApproved(Complaint complaint) {
        return em.createNamedQuery(Compensation.APPROVED_IN_CASE, Long.class).setParameter("complaint", complaint)
                .setParameter("state", Compensation.State.APPROVED).getSingleResult() > 0;
    }

    public CompensationPolicy policy() {
        return stored().orElseGet(CompensationPolicy::defaults);
    }

    /**
     * Saves the limits (yuan as typed; {@code managerLimit} blank: no limit) and promise words; {@code expectedVersion}
     * as read (ignored the first time it is saved).
     */
    public CompensationPolicy updatePolicy(String staffLimit, String supervisorLimit, String managerLimit,
            List<String> promiseWords, long expectedVersion) {
        Optional<CompensationPolicy> stored = stored();
        if (stored.isPresent() && stored.get().version() != expectedVersion) {
            throw KefuException.conflict("concurrent.change");
        }
        long[] fen = new long[2];
        Long[] manager = new Long[1];
        KefuException.checkAll(() -> fen[0] = Amount.parseYuan(staffLimit, "staffLimit"),
                () -> fen[1] = Amount.parseYuan(supervisorLimit, "supervisorLimit"),
                () -> manager[0] = managerLimit == null || managerLimit.isBlank() ? null
                        : Amount.parseYuan(managerLimit, "managerLimit"));
        CompensationPolicy policy = stored.orElseGet(CompensationPolicy::defaults);
        String before = describe(policy);
        policy.change(fen[0], fen[1], manager[0], promiseWords);
        if (stored.isEmpty()) {
            em.persist(policy);
        }
        Writes.flush(em);
        audit.record("settings.compensation-policy", "compensation-policy", before, describe(policy));
        return policy;
    }

    private static String describe(CompensationPolicy p) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Authority level : Authority.values()) {
            Long limit = p.limitOf(level);
            values.put(level.name().toLowerCase(java.util.Locale.ROOT) + "Limit",
                    limit == null ? "-" : Amount.format(limit));
        }
        values.put("promiseWords", String.join(", ", p.promiseWords()));
        return AuditLog.describe(values);
    }

    private Optional<CompensationPolicy> stored() {
        return em.createNamedQuery(CompensationPolicy.OF_TENANT, CompensationPolicy.class).getResultStream()
                .findFirst();
    }
}
