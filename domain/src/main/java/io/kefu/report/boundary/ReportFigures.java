package io.kefu.report.boundary;

import io.kefu.callback.boundary.CallbackSettings;
import io.kefu.callback.entity.CallbackTask;
import io.kefu.complaint.entity.CallbackOutcome;
import io.kefu.complaint.entity.CaseKind;
import io.kefu.complaint.entity.CaseStatus;
import io.kefu.complaint.entity.Complaint;
import io.kefu.report.entity.Figures;
import io.kefu.report.entity.Period;
import io.kefu.report.entity.ReportDay;
import io.kefu.report.entity.Tally;
import io.kefu.survey.entity.QuestionKind;
import io.kefu.survey.entity.ResponseChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The current tenant's figures for a period, every one an aggregate query in the database as docs/REPORTS.md
 * defines it. The one place these figures are counted: the callback figures, the reports and the dashboard read
 * them here.
 */
@ApplicationScoped
@Transactional
public class ReportFigures {

    /** What a breakdown groups by: the case's attribute in JPQL. */
    private static final Map<Figures.Dimension, String> ATTRIBUTE = new EnumMap<>(Map.of(
            Figures.Dimension.CATEGORY, "c.categoryCode", Figures.Dimension.DEPARTMENT, "c.departmentCode",
            Figures.Dimension.SEVERITY, "c.severity", Figures.Dimension.CHANNEL, "c.channel",
            Figures.Dimension.KIND, "c.kind",
            Figures.Dimension.RESPONSIBLE_DEPARTMENT, "COALESCE(c.responsibleDepartmentCode, c.departmentCode)",
            Figures.Dimension.BUILDING, "u.building"));

    private static final String REGISTERED = "c.registeredAt >= :start AND c.registeredAt < :end";
    private static final String CLOSED = "c.closedAt >= :start AND c.closedAt < :end";
    /** A valid complaint registered in the period (docs/REPORTS.md); the main causes count these too. */
    static final String VALID = REGISTERED + " AND c.kind = :complaint AND c.status <> :notUpheld "
            + "AND c.status <> :withdrawn";
    /** A breakdown group's three counts: registered, closed, valid complaints. */
    private static final String GROUP_COUNTS = "SUM(CASE WHEN " + REGISTERED + " THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN " + CLOSED + " THEN 1 ELSE 0 END), SUM(CASE WHEN " + VALID + " THEN 1 ELSE 0 END)";

    @Inject
    EntityManager em;

    @Inject
    CustomerBases customerBases;

    @Inject
    CallbackSettings callbackSettings;

    /** The figures of {@code period} as they stand at {@code now} (deadlines not yet due are not measured). */
    public Figures figures(Period period, Instant now) {
        return figures(period, now, tally(period, now));
    }

    /** The figures of {@code period} whose additive counts are {@code tally} (as {@link #tally} counted them). */
    public Figures figures(Period period, Instant now, Tally tally) {
        OffsetDateTime end = utc(period.end());
        // Open at the period's end: not finished yet, or finished only after it. Two counts, because each has its
        // own index (the unfinished ones are a small part of a tenant's history, the later closings a short range).
        long carriedOver = em.createQuery("SELECT COUNT(c) FROM Complaint c WHERE c.closedAt IS NULL "
                + "AND c.registeredAt < :end", Long.class).setParameter("end", end).getSingleResult()
                + em.createQuery("SELECT COUNT(c) FROM Complaint c WHERE c.closedAt >= :end "
                + "AND c.registeredAt < :end", Long.class).setParameter("end", end).getSingleResult();
        Figures.Validity validity = new Figures.Validity(tally.validComplaints(), tally.decided(), tally.upheld(),
                customerBases.inForce(period.lastMonth()), callbackSettings.policy().validTargetPermille());
        return new Figures(period, tally.registered(), tally.closedBy(), carriedOver, tally.firstResponse(),
                tally.resolution(), tally.callbacks(), tally.surveys(), validity, tally.breakdowns(),
                missedPromises(period));
    }

    /**
     * Promises missed in the period: the promise watch's entries in the cases' history whose moment falls in it
     * (docs/REPORTS.md). Counted from the history, not kept by day, because a new promise clears the case's own mark
     * while the entry of the miss before it stays.
     */
    public long missedPromises(Period period) {
        return em.createQuery("SELECT COUNT(e) FROM CaseEvent e WHERE e.action = :missed AND e.at >= :start "
                + "AND e.at < :end", Long.class).setParameter("missed", Complaint.PROMISE_MISSED)
                .setParameter("start", utc(period.start())).setParameter("end", utc(period.end())).getSingleResult();
    }

    /**
     * The additive counts of {@code period} at {@code now}: the stored days that still hold (docs/REPORTS.md, "How
     * the figures are kept") added up, and every other day (not stored yet, stale, or not over) counted from the
     * cases, consecutive ones in one count.
     */
    public Tally tally(Period period, Instant now) {
        Map<LocalDate, Tally> stored = new HashMap<>();
        for (ReportDay day : em.createNamedQuery(ReportDay.VALID, ReportDay.class).setParameter("from", period.from())
                .setParameter("to", period.to()).setParameter("zone", period.zone().getId()).getResultList()) {
            stored.put(day.date(), day.tally());
        }
        return addUp(period, now, stored);
    }

    /** As {@link #tally} without the breakdowns and the building × category counts where days are stored. */
    public Tally totals(Period period, Instant now) {
        Map<LocalDate, Tally> stored = new HashMap<>();
        for (Object[] row : em.createNamedQuery(ReportDay.TOTALS, Object[].class).setParameter("from", period.from())
                .setParameter("to", period.to()).setParameter("zone", period.zone().getId()).getResultList()) {
            stored.put((LocalDate) row[0], Tally.fromJson((String) row[1], null));
        }
        return addUp(period, now, stored);
    }

    private Tally addUp(Period period, Instant now, Map<LocalDate, Tally> stored) {
        Tally sum = new Tally();
        LocalDate runFrom = null;
        for (LocalDate day = period.from(); !day.isAfter(period.to()); day = day.plusDays(1)) {
            Tally kept = stored.get(day);
            if (kept != null) {
                if (runFrom != null) {
                    sum.add(count(new Period(runFrom, day.minusDays(1), period.zone()), now));
                    runFrom = null;
                }
                sum.add(kept);
            } else if (runFrom == null) {
                runFrom = day;
            }
        }
        if (runFrom != null) {
            sum.add(count(new Period(runFrom, period.to(), period.zone()), now));
        }
        return sum;
    }

    /** The additive counts of {@code period} at {@code now}, counted from the cases (what a stored day keeps). */
    public Tally count(Period period, Instant now) {
        OffsetDateTime start = utc(period.start());
        OffsetDateTime end = utc(period.end());
        Tally tally = new Tally();
        cases(start, end, tally);
        buildings(start, end, tally);
        tally.countFirstResponse(firstResponse(start, end, now));
        tally.countResolution(resolution(start, end, now));
        callbacks(start, end, tally);
        tally.countSurveys(surveys(start, end));
        return tally;
    }

    /** Responded by the due time, or the due time passed without it; withdrawn cases are not measured. */
    private Figures.Deadline firstResponse(OffsetDateTime start, OffsetDateTime end, Instant now) {
        String met = "(c.firstRespondedAt IS NOT NULL AND c.firstRespondedAt <= c.firstResponseDue)";
        Object[] row = (Object[]) em.createQuery("SELECT COUNT(c), SUM(CASE WHEN " + met + " THEN 1 ELSE 0 END) "
                + "FROM Complaint c WHERE c.firstResponseDue >= :start AND c.firstResponseDue < :end "
                + "AND c.status <> :withdrawn AND (" + met + " OR c.firstResponseDue < :now)")
                .setParameter("start", start).setParameter("end", end).setParameter("now", utc(now))
                .setParameter("withdrawn", CaseStatus.WITHDRAWN).getSingleResult();
        return new Figures.Deadline(number(row[0]), number(row[1]));
    }

    /**
     * Resolved (or decided not upheld) by the due time, or the due time passed without it. A case waiting on the
     * resident is not measured until it is done: its deadline stands still and moves when the resident answers.
     */
    private Figures.Deadline resolution(OffsetDateTime start, OffsetDateTime end, Instant now) {
        String met = "((c.resolvedAt IS NOT NULL AND c.resolvedAt <= c.resolutionDue) "
                + "OR (c.status = :notUpheld AND c.closedAt <= c.resolutionDue))";
        Object[] row = (Object[]) em.createQuery("SELECT COUNT(c), SUM(CASE WHEN " + met + " THEN 1 ELSE 0 END) "
                + "FROM Complaint c WHERE c.resolutionDue >= :start AND c.resolutionDue < :end "
                + "AND c.status <> :withdrawn AND (" + met + " OR (c.resolutionDue < :now AND c.status <> :waiting))")
                .setParameter("start", start).setParameter("end", end).setParameter("now", utc(now))
                .setParameter("withdrawn", CaseStatus.WITHDRAWN).setParameter("notUpheld", CaseStatus.NOT_UPHELD)
                .setParameter("waiting", CaseStatus.WAITING_ON_RESIDENT).getSingleResult();
        return new Figures.Deadline(number(row[0]), number(row[1]));
    }

    /**
     * The case callbacks opened in the period (a resolution opens one, a reopening cancels it), by state and
     * outcome in one query, and the scores their attempts recorded.
     */
    private void callbacks(OffsetDateTime start, OffsetDateTime end, Tally tally) {
        for (Object[] row : rows(em.createQuery("SELECT t.status, t.outcome, COUNT(t) FROM CallbackTask t "
                + "WHERE t.kind = :case AND t.createdAt >= :start AND t.createdAt < :end GROUP BY t.status, t.outcome")
                .setParameter("case", CallbackTask.Kind.CASE), start, end)) {
            CallbackTask.Status status = (CallbackTask.Status) row[0];
            tally.countCallbacks(status == CallbackTask.Status.CANCELLED, status == CallbackTask.Status.DONE,
                    (CallbackOutcome) row[1], number(row[2]));
        }
        Object[] scores = (Object[]) em.createQuery("SELECT SUM(a.score), COUNT(a.score) FROM CallbackAttempt a "
                + "WHERE a.score IS NOT NULL AND a.task.kind = :case AND a.task.createdAt >= :start "
                + "AND a.task.createdAt < :end").setParameter("case", CallbackTask.Kind.CASE)
                .setParameter("start", start).setParameter("end", end).getSingleResult();
        tally.countScores(number(scores[0]), number(scores[1]));
    }

    /** Residents' survey answers submitted in the period: after a case and in campaigns, not on callbacks. */
    private Figures.Surveys surveys(OffsetDateTime start, OffsetDateTime end) {
        List<ResponseChannel> residents = List.of(ResponseChannel.POST_CASE, ResponseChannel.CAMPAIGN);
        String ofPeriod = "r.submittedAt >= :start AND r.submittedAt < :end AND r.channel IN :residents";
        long responses = em.createQuery("SELECT COUNT(r) FROM SurveyResponse r WHERE " + ofPeriod, Long.class)
                .setParameter("start", start).setParameter("end", end).setParameter("residents", residents)
                .getSingleResult();
        Object[] row = (Object[]) em.createQuery("SELECT "
                + "SUM(CASE WHEN q.kind = :rating THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN q.kind = :rating AND a.score >= " + Figures.SATISFIED_FROM + " THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN q.kind = :rating THEN a.score ELSE 0 END), "
                + "SUM(CASE WHEN q.kind = :nps THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN q.kind = :nps AND a.score >= " + Figures.PROMOTER_FROM + " THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN q.kind = :nps AND a.score <= " + Figures.DETRACTOR_TO + " THEN 1 ELSE 0 END) "
                + "FROM Answer a JOIN a.response r JOIN a.question q WHERE a.score IS NOT NULL AND " + ofPeriod)
                .setParameter("start", start).setParameter("end", end).setParameter("residents", residents)
                .setParameter("rating", QuestionKind.RATING).setParameter("nps", QuestionKind.NPS).getSingleResult();
        return new Figures.Surveys(responses, number(row[0]), number(row[1]), number(row[2]), number(row[3]),
                number(row[4]), number(row[5]));
    }

    /**
     * The cases registered or closed in the period in one pass, grouped by every attribute a figure splits them by
     * (a few thousand combinations at most): registered (per kind), closed (per finished status), valid complaints,
     * complaints decided and upheld, and every breakdown but the building's add these groups up.
     */
    private void cases(OffsetDateTime start, OffsetDateTime end, Tally tally) {
        List<Figures.Dimension> dimensions = Arrays.stream(Figures.Dimension.values())
                .filter(d -> d != Figures.Dimension.BUILDING).toList();
        String by = String.join(", ", dimensions.stream().map(ATTRIBUTE::get).toList()) + ", c.status";
        int n = dimensions.size();
        int kindAt = dimensions.indexOf(Figures.Dimension.KIND);
        for (Object[] row : rows(em.createQuery("SELECT " + by + ", " + GROUP_COUNTS
                + " FROM Complaint c WHERE (" + REGISTERED + ") OR (" + CLOSED + ") GROUP BY " + by),
                start, end, true)) {
            long registered = number(row[n + 1]);
            long closed = number(row[n + 2]);
            long valid = number(row[n + 3]);
            for (int i = 0; i < n; i++) {
                tally.countGroup(dimensions.get(i), key(row[i]), registered, closed, valid);
            }
            CaseKind kind = (CaseKind) row[kindAt];
            CaseStatus status = (CaseStatus) row[n];
            tally.countRegistered(registered);
            tally.countRegistered(kind, registered);
            tally.countClosed(status, closed);
            boolean decided = kind == CaseKind.COMPLAINT
                    && (status == CaseStatus.CLOSED || status == CaseStatus.NOT_UPHELD);
            tally.countValid(valid, decided ? closed : 0, decided && status == CaseStatus.CLOSED ? closed : 0);
        }
    }

    /**
     * By the building of the linked unit (the unlinked form the group {@code null}), and the cases registered from a
     * unit per building and category: a join on the register, grouped by both.
     */
    private void buildings(OffsetDateTime start, OffsetDateTime end, Tally tally) {
        Object[] unlinked = (Object[]) valid(em.createQuery("SELECT " + GROUP_COUNTS
                + " FROM Complaint c WHERE c.unitId IS NULL AND ((" + REGISTERED + ") OR (" + CLOSED + "))"))
                .setParameter("start", start).setParameter("end", end).getSingleResult();
        tally.countGroup(Figures.Dimension.BUILDING, null, number(unlinked[0]), number(unlinked[1]),
                number(unlinked[2]));
        for (Object[] row : rows(em.createQuery("SELECT u.building, c.categoryCode, " + GROUP_COUNTS
                + " FROM Complaint c, Unit u WHERE u.id = c.unitId AND ((" + REGISTERED + ") OR (" + CLOSED + ")) "
                + "GROUP BY u.building, c.categoryCode"), start, end, true)) {
            String building = (String) row[0];
            tally.countGroup(Figures.Dimension.BUILDING, building, number(row[2]), number(row[3]), number(row[4]));
            if (row[1] != null) {
                tally.countHeat(building, (String) row[1], number(row[2]));
            }
        }
    }

    private static String key(Object value) {
        return value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
    }

    static Query valid(Query query) {
        return query.setParameter("complaint", CaseKind.COMPLAINT).setParameter("notUpheld", CaseStatus.NOT_UPHELD)
                .setParameter("withdrawn", CaseStatus.WITHDRAWN);
    }

    private static List<Object[]> rows(Query query, OffsetDateTime start, OffsetDateTime end) {
        return rows(query, start, end, false);
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query query, OffsetDateTime start, OffsetDateTime end, boolean validity) {
        query.setParameter("start", start).setParameter("end", end);
        return (validity ? valid(query) : query).getResultList();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
