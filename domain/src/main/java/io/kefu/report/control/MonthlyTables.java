package io.kefu.report.control;

import io.kefu.callback.entity.CallbackTask;
import io.kefu.compensation.control.CompensationTotals;
import io.kefu.complaint.entity.CaseKind;
import io.kefu.complaint.entity.CaseStatus;
import io.kefu.report.boundary.ReportFigures;
import io.kefu.report.entity.MonthlyTable;
import io.kefu.report.entity.Period;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes a month's table from the database as things stand: the cases closed in the month (one projection query,
 * no entity loaded), the last callback score of each (one query), the totals from {@link ReportFigures}, and the
 * compensation approved in the month from {@link CompensationTotals}. Runs in
 * the caller's transaction.
 */
@ApplicationScoped
public class MonthlyTables {

    @Inject
    EntityManager em;

    @Inject
    ReportFigures figures;

    @Inject
    CompensationTotals compensations;

    /** The cases closed in {@code month} (tenant's zone) with the month's figures, as of {@code now}. */
    public MonthlyTable compute(YearMonth month, ZoneId zone, Instant now) {
        Period period = Period.month(month, zone);
        OffsetDateTime start = period.start().atOffset(ZoneOffset.UTC);
        OffsetDateTime end = period.end().atOffset(ZoneOffset.UTC);
        Map<String, Integer> scores = lastScores(start, end);
        List<MonthlyTable.Row> rows = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createQuery("SELECT c.number, c.registeredAt, c.closedAt, c.kind, c.categoryCode, "
                + "c.severity, c.channel, c.departmentCode, c.responsibleDepartmentCode, c.owner, c.status, "
                + "c.firstRespondedAt, c.firstResponseDue, c.resolvedAt, c.resolutionDue, c.callbackOutcome "
                + "FROM Complaint c WHERE c.closedAt >= :start AND c.closedAt < :end ORDER BY c.closedAt, c.number")
                .setParameter("start", start).setParameter("end", end).getResultList();
        for (Object[] c : found) {
            String number = (String) c[0];
            CaseStatus status = (CaseStatus) c[10];
            String kind = ((CaseKind) c[3]).name();
            boolean withdrawn = status == CaseStatus.WITHDRAWN;
            OffsetDateTime closed = (OffsetDateTime) c[2];
            OffsetDateTime responded = (OffsetDateTime) c[11];
            OffsetDateTime resolved = (OffsetDateTime) c[13];
            OffsetDateTime resolutionDue = (OffsetDateTime) c[14];
            Boolean firstMet = withdrawn ? null : responded != null && !responded.isAfter((OffsetDateTime) c[12]);
            Boolean resolutionMet = withdrawn ? null : resolved != null && !resolved.isAfter(resolutionDue)
                    || status == CaseStatus.NOT_UPHELD && !closed.isAfter(resolutionDue);
            String judged = (String) c[8];
            rows.add(new MonthlyTable.Row(number, local((OffsetDateTime) c[1], zone), local(closed, zone), kind,
                    (String) c[4], name(c[5]), name(c[6]), (String) c[7], judged != null ? judged : (String) c[7],
                    judged != null, (String) c[9], firstMet, resolutionMet, name(c[15]), scores.get(number),
                    MonthlyTable.Result.of(kind, status)));
        }
        return new MonthlyTable(month, local(now.atOffset(ZoneOffset.UTC), zone), rows,
                MonthlyTable.Totals.of(figures.figures(period, now)), compensations.approvedIn(period));
    }

    /** Per case closed in the period: the score of the last scored attempt of its last finished case callback. */
    private Map<String, Integer> lastScores(OffsetDateTime start, OffsetDateTime end) {
        Map<String, Integer> scores = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createQuery("SELECT t.complaint.number, a.score FROM CallbackAttempt a JOIN a.task t "
                + "WHERE t.kind = :case AND t.status = :done AND a.score IS NOT NULL "
                + "AND t.complaint.closedAt >= :start AND t.complaint.closedAt < :end ORDER BY t.createdAt, a.seq")
                .setParameter("case", CallbackTask.Kind.CASE).setParameter("done", CallbackTask.Status.DONE)
                .setParameter("start", start).setParameter("end", end).getResultList();
        found.forEach(row -> scores.put((String) row[0], ((Number) row[1]).intValue()));
        return scores;
    }

    private static OffsetDateTime local(OffsetDateTime at, ZoneId zone) {
        return at == null ? null : at.atZoneSameInstant(zone).toOffsetDateTime();
    }

    private static String name(Object value) {
        return value == null ? null : ((Enum<?>) value).name();
    }
}
