package io.kefu.workload.boundary;

import io.kefu.callback.entity.CallbackTask;
import io.kefu.complaint.boundary.Inbox;
import io.kefu.complaint.entity.CaseStatus;
import io.kefu.deadline.WorkingCalendar;
import io.kefu.deadline.boundary.Calendars;
import io.kefu.identity.boundary.Member;
import io.kefu.workload.entity.Workload;
import io.kefu.workspace.boundary.Office;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The current tenant's workload per staff member now: one grouped query over the cases (by owner) and one over the
 * callbacks (by assignee), whatever the number of people; every staff member and supervisor is listed, with zeros
 * when they have nothing.
 */
@ApplicationScoped
@Transactional
public class Workloads {

    private static final List<CaseStatus> OPEN = Arrays.stream(CaseStatus.values()).filter(CaseStatus::isOpen)
            .toList();

    @Inject
    EntityManager em;

    @Inject
    Office office;

    @Inject
    Calendars calendars;

    /** Everybody's workload at {@code now}, in the order of the staff list. */
    public List<Workload> now(Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        OffsetDateTime endOfToday = endOfWorkingToday(calendars.calendar(), now).atOffset(ZoneOffset.UTC);
        Map<String, long[]> counts = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> cases = em.createQuery("SELECT c.owner, COUNT(c), SUM(CASE WHEN NOT " + Inbox.OVERDUE
                + " AND c.status IN :running AND ((c.firstRespondedAt IS NULL AND c.firstResponseDue < :endOfToday) "
                + "OR c.resolutionDue < :endOfToday) THEN 1 ELSE 0 END), SUM(CASE WHEN " + Inbox.OVERDUE
                + " THEN 1 ELSE 0 END) FROM Complaint c WHERE c.owner IS NOT NULL AND c.closedAt IS NULL "
                + "AND c.status IN :open GROUP BY c.owner").setParameter("open", OPEN)
                .setParameter("running", Inbox.RUNNING).setParameter("now", at)
                .setParameter("endOfToday", endOfToday).getResultList();
        for (Object[] row : cases) {
            long[] sums = counts.computeIfAbsent((String) row[0], u -> new long[4]);
            sums[0] = number(row[1]);
            sums[1] = number(row[2]);
            sums[2] = number(row[3]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> callbacks = em.createQuery("SELECT t.assignee, COUNT(t) FROM CallbackTask t "
                + "WHERE t.assignee IS NOT NULL AND t.status = :open AND t.dueAt < :endOfToday GROUP BY t.assignee")
                .setParameter("open", CallbackTask.Status.OPEN).setParameter("endOfToday", endOfToday)
                .getResultList();
        for (Object[] row : callbacks) {
            counts.computeIfAbsent((String) row[0], u -> new long[4])[3] = number(row[1]);
        }
        return office.staff().stream().map(member -> of(member, counts.getOrDefault(member.username(), new long[4])))
                .toList();
    }

    /**
     * The end of today's working day in the tenant's zone: midnight after today when today is a working day (its
     * deadlines all lie in its working periods), else {@code now} (a rest day or a holiday has nothing due).
     */
    static Instant endOfWorkingToday(WorkingCalendar calendar, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, calendar.zone());
        return calendar.isWorkingDay(today) ? today.plusDays(1).atStartOfDay(calendar.zone()).toInstant() : now;
    }

    private static Workload of(Member member, long[] sums) {
        return new Workload(member.username(), member.displayName(), sums[0], sums[1], sums[2], sums[3]);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
