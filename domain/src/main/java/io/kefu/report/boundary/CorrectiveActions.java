package io.kefu.report.boundary;

import io.kefu.complaint.boundary.Cases;
import io.kefu.complaint.entity.Actor;
import io.kefu.problem.KefuException;
import io.kefu.problem.Writes;
import io.kefu.report.entity.Cause;
import io.kefu.report.entity.CorrectiveAction;
import io.kefu.report.entity.Quarter;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.workspace.boundary.Office;
import io.kefu.workspace.boundary.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The corrective and preventive actions (纠正和预防措施) of the current tenant's quarterly reports: committed while a
 * quarter's report is a draft, then moved on open → done → verified.
 */
@ApplicationScoped
@Transactional
public class CorrectiveActions {

    @Inject
    EntityManager em;

    @Inject
    QuarterlyReports reports;

    @Inject
    MainCauses mainCauses;

    @Inject
    Workspace workspace;

    @Inject
    Office office;

    @Inject
    Cases cases;

    @Inject
    io.kefu.notice.boundary.Notices notices;

    @Inject
    CurrentTenant tenant;

    @Inject
    Clock clock;

    /**
     * A department commits to an action in {@code quarter}'s report, which must still be a draft: the department
     * and the owner (a staff member or supervisor who joined) must exist here, the causes must be the quarter's and
     * the cases this tenant's. Every wrong field is reported at once and nothing is written.
     */
    public CorrectiveAction commit(Quarter quarter, CorrectiveAction.Commitment commitment, Actor actor) {
        reports.begun(quarter);
        Set<String> causes = mainCauses.of(quarter.period(tenant.get().zone())).stream().map(Cause::key)
                .collect(Collectors.toSet());
        String[] owner = new String[1];
        KefuException.checkAll(
                () -> {
                    if (commitment.departmentCode() == null || commitment.departmentCode().isBlank()) {
                        throw KefuException.invalid("departmentCode", "field.required");
                    }
                    if (workspace.departments().stream().noneMatch(d -> d.code().value()
                            .equals(commitment.departmentCode().strip()))) {
                        throw KefuException.invalid("departmentCode", "action.department.unknown",
                                commitment.departmentCode());
                    }
                },
                () -> owner[0] = office.assignee(commitment.owner(), "owner").username(),
                () -> {
                    List<String> unknown = commitment.causeKeys().stream().filter(k -> !causes.contains(k)).toList();
                    if (!unknown.isEmpty()) {
                        throw KefuException.invalid("causes", "action.cause.unknown", String.join(", ", unknown));
                    }
                },
                () -> {
                    List<String> unknown = commitment.caseNumbers().stream()
                            .filter(n -> cases.find(n).isEmpty()).toList();
                    if (!unknown.isEmpty()) {
                        throw KefuException.invalid("cases", "action.case.unknown", String.join(", ", unknown));
                    }
                });
        reports.draft(quarter);
        Integer last = em.createNamedQuery(CorrectiveAction.LAST_SEQ, Integer.class)
                .setParameter("quarter", quarter.toString()).getSingleResult();
        CorrectiveAction action = new CorrectiveAction(quarter, last == null ? 1 : last + 1,
                new CorrectiveAction.Commitment(commitment.departmentCode().strip(), commitment.description(),
                        owner[0], commitment.dueDate(), commitment.causeKeys(), commitment.caseNumbers()),
                actor, reports.today(), clock);
        em.persist(action);
        Writes.flush(em);
        return action;
    }

    /** The actions committed in a quarter, in their order. */
    public List<CorrectiveAction> of(Quarter quarter) {
        return reports.actionsOf(quarter);
    }

    /** The action {@code 2026-Q3-2}; 404 for anything else, also another tenant's. */
    public CorrectiveAction get(String ref) {
        CorrectiveAction.Ref parsed = CorrectiveAction.Ref.parse(ref)
                .orElseThrow(() -> KefuException.notFound("action.not.found", ref));
        return em.createNamedQuery(CorrectiveAction.BY_REF, CorrectiveAction.class)
                .setParameter("quarter", parsed.quarter().toString()).setParameter("seq", parsed.seq())
                .getResultStream().findFirst().orElseThrow(() -> KefuException.notFound("action.not.found", ref));
    }

    /**
     * Tells the owner and the manager of every action open past its due date, once: the action remembers the
     * notice, and a second node doing the same round at the same moment fails on the action's version and tells
     * nobody twice. How many actions were noticed. A transaction of its own: the job's round calls it per tenant.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int noticeOverdue() {
        java.time.LocalDate today = reports.today();
        List<CorrectiveAction> overdue = em.createNamedQuery(CorrectiveAction.OVERDUE, CorrectiveAction.class)
                .setParameter("open", CorrectiveAction.Status.OPEN).setParameter("today", today).getResultList();
        for (CorrectiveAction action : overdue) {
            List<io.kefu.identity.boundary.Member> told = new java.util.ArrayList<>(office.staff().stream()
                    .filter(m -> m.username().equals(action.owner())).toList());
            told.addAll(office.managers());
            notices.tellActionOverdue(told, action.ref(), action.quarter().toString(), action.description(),
                    action.dueDate());
            action.overdueNoticed(clock);
        }
        Writes.flush(em);
        return overdue.size();
    }

    /** Moves the action on one step (open → done → verified); the version must be the one seen. */
    public CorrectiveAction advance(String ref, CorrectiveAction.Status to, Long version, Actor actor) {
        CorrectiveAction action = get(ref);
        if (version == null) {
            throw KefuException.invalid("version", "field.required");
        }
        if (version != action.version()) {
            throw KefuException.conflict("concurrent.change");
        }
        action.advance(to, actor, clock);
        Writes.flush(em);
        return action;
    }
}
