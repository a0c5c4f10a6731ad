package io.kefu.complaint.boundary;

import io.kefu.complaint.entity.CaseStatus;
import io.kefu.complaint.entity.Complaint;
import io.kefu.complaint.entity.Escalation;
import io.kefu.deadline.WorkingCalendar;
import io.kefu.deadline.boundary.Calendars;
import io.kefu.notice.boundary.Notices;
import io.kefu.notice.entity.Notice;
import io.kefu.workspace.boundary.Office;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * Reporting cases up, for the current tenant: a major case to the manager at once; an overdue case to the
 * supervisors (level 1), and, still overdue a working day later, to the manager (level 2). Each reason at most
 * once per case: checked before, and guaranteed by the escalation table's unique constraint.
 */
@ApplicationScoped
@Transactional
public class Escalations {

    /** At most this many cases per tenant and round, so one round stays short; the next round goes on. */
    static final int ROUND_LIMIT = 200;

    private static final List<CaseStatus> RUNNING = Arrays.stream(CaseStatus.values()).filter(CaseStatus::isRunning)
            .toList();

    @Inject
    EntityManager em;

    @Inject
    Office office;

    @Inject
    Calendars calendars;

    @Inject
    Notices notices;

    @Inject
    Clock clock;

    /** Escalates {@code complaint} for {@code reason} in the caller's transaction, unless it already was. */
    public boolean escalate(Complaint complaint, Escalation.Reason reason) {
        boolean done = em.createNamedQuery(Escalation.OF_CASE, Escalation.class).setParameter("complaint", complaint)
                .getResultStream().anyMatch(e -> e.reason() == reason);
        if (done) {
            return false;
        }
        em.persist(new Escalation(complaint, reason, clock));
        complaint.escalate(reason, clock);
        Notice.Kind kind = switch (reason) {
            case MAJOR -> Notice.Kind.MAJOR;
            case OVERDUE -> Notice.Kind.OVERDUE;
            case OVERDUE_MANAGER -> Notice.Kind.OVERDUE_MANAGER;
        };
        // A major case raises an alert for the supervisors and the manager alike (the manager is one of them).
        notices.tell(reason == Escalation.Reason.MAJOR ? office.supervisors()
                : reason.toManager() ? office.managers() : office.supervisors(), kind, complaint);
        em.flush();
        return true;
    }

    /**
     * The ids of this tenant's cases overdue at {@code now} and not yet escalated for {@code reason}. In a
     * transaction of its own: a round goes through tenants, and a transaction never changes tenant.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public List<Long> candidates(Escalation.Reason reason, Instant now) {
        // The manager hears of a case a working day after the supervisors; a working day is at least its
        // length in real time, so older deadlines only (the exact working-time check follows per case).
        Instant missedBefore = reason == Escalation.Reason.OVERDUE_MANAGER
                ? now.minus(calendars.calendar().workingDay()) : now;
        jakarta.persistence.TypedQuery<Long> query = em.createQuery("SELECT c.id FROM Complaint c WHERE c.status "
                + "IN :running AND (c.resolutionDue < "
                + ":missedBefore OR (c.firstRespondedAt IS NULL AND c.firstResponseDue < :missedBefore))"
                + " AND NOT EXISTS (SELECT e FROM Escalation e WHERE e.complaint = c AND e.reason = :reason)"
                + (reason == Escalation.Reason.OVERDUE_MANAGER ? " AND EXISTS (SELECT o FROM Escalation o WHERE "
                        + "o.complaint = c AND o.reason = :first)" : "")
                + " ORDER BY c.id", Long.class)
                .setParameter("running", RUNNING)
                .setParameter("missedBefore", missedBefore.atOffset(ZoneOffset.UTC))
                .setParameter("reason", reason)
                .setMaxResults(ROUND_LIMIT);
        if (reason == Escalation.Reason.OVERDUE_MANAGER) {
            query.setParameter("first", Escalation.Reason.OVERDUE);
        }
        return query.getResultList();
    }

    /**
     * Escalates one overdue case in a transaction of its own (a failure of one case does not undo the others).
     * Re-checks everything on the fresh row: still overdue, the manager only after a working day more.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean escalateOverdue(long complaintId, Escalation.Reason reason, Instant now) {
        Complaint complaint = em.find(Complaint.class, complaintId);
        if (complaint == null || !complaint.isOverdue(now)) {
            return false;
        }
        if (reason == Escalation.Reason.OVERDUE_MANAGER) {
            WorkingCalendar calendar = calendars.calendar();
            Instant missed = complaint.firstRespondedAt() == null && complaint.firstResponseDue().isBefore(now)
                    ? complaint.firstResponseDue() : complaint.resolutionDue();
            if (calendar.plus(missed, calendar.workingDay()).isAfter(now)) {
                return false;
            }
        }
        return escalate(complaint, reason);
    }
}
