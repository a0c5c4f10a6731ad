package io.kefu.callback.boundary;

import io.kefu.callback.entity.CallbackTask;
import io.kefu.callback.entity.CourtesyPlan;
import io.kefu.deadline.WorkingCalendar;
import io.kefu.deadline.boundary.Calendars;
import io.kefu.notice.boundary.Notices;
import io.kefu.notice.entity.Notice;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.workspace.boundary.Office;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The current tenant's share of a {@link CallbackWatch} round, each step in a transaction of its own: reporting
 * overdue case callbacks up (supervisors, then the manager a working day later, like overdue cases) and making
 * the courtesy plans' due rounds. Every step re-checks on fresh rows, so a repeated or concurrent round changes
 * nothing twice.
 */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class CallbackRounds {

    static final int ROUND_LIMIT = 200;

    @Inject
    EntityManager em;

    @Inject
    Calendars calendars;

    @Inject
    Office office;

    @Inject
    Notices notices;

    @Inject
    CurrentTenant tenant;

    @Inject
    Clock clock;

    /** Open case callbacks past due at {@code now} and not yet reported at {@code level}. */
    public List<Long> overdue(int level, Instant now) {
        return em.createQuery("SELECT t.id FROM CallbackTask t WHERE t.status = :open AND t.kind = :case "
                + "AND t.dueAt < :now AND t.escalationLevel < :level ORDER BY t.id", Long.class)
                .setParameter("open", CallbackTask.Status.OPEN).setParameter("case", CallbackTask.Kind.CASE)
                .setParameter("now", now.atOffset(ZoneOffset.UTC)).setParameter("level", level)
                .setMaxResults(ROUND_LIMIT).getResultList();
    }

    /** Reports one overdue callback at {@code level}; the manager only once a working day more has passed. */
    public boolean escalate(long taskId, int level, Instant now) {
        CallbackTask task = em.createNamedQuery(CallbackTask.BY_ID, CallbackTask.class).setParameter("id", taskId)
                .getResultStream().findFirst().orElse(null);
        if (task == null || !task.isOverdue(now) || task.escalationLevel() >= level || task.complaint() == null) {
            return false;
        }
        if (level >= 2) {
            WorkingCalendar calendar = calendars.calendar();
            if (task.escalationLevel() < 1 || calendar.plus(task.dueAt(), calendar.workingDay()).isAfter(now)) {
                return false;
            }
        }
        task.escalated(level);
        task.complaint().callbackEscalated(level, clock);
        notices.tell(level >= 2 ? office.managers() : office.supervisors(),
                level >= 2 ? Notice.Kind.CALLBACK_OVERDUE_MANAGER : Notice.Kind.CALLBACK_OVERDUE, task.complaint());
        em.flush();
        return true;
    }

    /** The active plans with a round due on {@code today}. */
    public List<Long> duePlans(LocalDate today) {
        return em.createNamedQuery(CourtesyPlan.DUE, CourtesyPlan.class).setParameter("today", today)
                .getResultList().stream().map(CourtesyPlan::id).toList();
    }

    /**
     * Makes the due round of plan {@code planId}: one callback per target, due within a month, and moves the
     * plan to its next round after {@code today} (a plan that was off for a while does not pile up rounds).
     */
    public int makeRound(long planId, LocalDate today) {
        CourtesyPlan plan = em.createNamedQuery(CourtesyPlan.BY_ID, CourtesyPlan.class).setParameter("id", planId)
                .getResultStream().findFirst().orElse(null);
        if (plan == null || !plan.isDue(today)) {
            return 0;
        }
        LocalDate round = plan.advance();
        while (!plan.nextDue().isAfter(today)) {
            plan.advance();
        }
        // An admin may move the plan back to a round already made: move on without making it twice.
        long made = em.createQuery("SELECT COUNT(t) FROM CallbackTask t WHERE t.plan = :plan AND t.planRound = :round",
                Long.class).setParameter("plan", plan).setParameter("round", round).getSingleResult();
        if (made > 0) {
            em.flush();
            return 0;
        }
        Instant due = round.plusMonths(1).atStartOfDay(tenant.get().zone()).toInstant();
        List<CourtesyPlan.Target> targets = plan.targets();
        for (int i = 0; i < targets.size(); i++) {
            em.persist(CallbackTask.courtesy(plan, round, i + 1, targets.get(i), due, clock));
        }
        em.flush();
        return targets.size();
    }
}
