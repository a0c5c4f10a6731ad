package io.kefu.report.boundary;

import io.kefu.callback.boundary.CallbackSettings;
import io.kefu.callback.entity.CallbackTask;
import io.kefu.complaint.entity.CallbackOutcome;
import io.kefu.complaint.entity.CaseKind;
import io.kefu.complaint.entity.CaseStatus;
import io.kefu.report.entity.Figures;
import io.kefu.report.entity.Period;
import io.kefu.survey.entity.QuestionKind;
import io.kefu.survey.entity.ResponseChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
        OffsetDateTime start = utc(period.start());
        OffsetDateTime end = utc(period.end());
        long registered = count("SELECT COUNT(c) FROM Complaint c WHERE " + REGISTERED, start, end);
        Map<CaseStatus, Long> closedBy = new EnumMap<>(CaseStatus.class);
        for (CaseStatus finished : List.of(CaseStatus.CLOSED, CaseStatus.NOT_UPHELD, CaseStatus.WITHDRAWN)) {
            closedBy.put(finished, 0L);
        }
        for (Object[] row : rows(em.createQuery("SELECT c.status, COUNT(c) FROM Complaint c WHERE " + CLOSED
                + " GROUP BY c.status"), start, end)) {
            closedBy.put((CaseStatus) row[0], number(row[1]));
        }
        // Open at the period's end: not finished yet, or finished only after it. Two counts, because each has its
        // own index (the unfinished ones are a small part of a tenant's history, the later closings a short range).
        long carriedOver = em.createQuery("SELECT COUNT(c) FROM Complaint c WHERE c.closedAt IS NULL "
                + "AND c.registeredAt < :end", Long.class).setParameter("end", end).getSingleResult()
                + em.createQuery("SELECT COUNT(c) FROM Complaint c WHERE c.closedAt >= :end "
                + "AND c.registeredAt < :end", Long.class).setParameter("end", end).getSingleResult();
        return new Figures(period, registered, closedBy, carriedOver, firstResponse(start, end, now),
                resolution(start, end, now), callbacks(start, end), surveys(start, end), validity(period, start, end),
                breakdowns(start, end));
    }

    /** The first response deadlines of {@code period} alone, for a trend that needs no more. */
    public Figures.Deadline firstResponse(Period period, Instant now) {
        return firstResponse(utc(period.start()), utc(period.end()), now);
    }

    /** The resolution deadlines of {@code period} alone. */
    public Figures.Deadline resolution(Period period, Instant now) {
        return resolution(utc(period.start()), utc(period.end()), now);
    }

    /** The callbacks of {@code period} alone. */
    public Figures.Callbacks callbacks(Period period) {
        return callbacks(utc(period.start()), utc(period.end()));
    }

    /** The residents' survey answers of {@code period} alone. */
    public Figures.Surveys surveys(Period period) {
        return surveys(utc(period.start()), utc(period.end()));
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

    /** The case callbacks opened in the period, i.e. of the cases resolved then (a reopening cancels one). */
    private Figures.Callbacks callbacks(OffsetDateTime start, OffsetDateTime end) {
        String ofPeriod = "t.kind = :case AND t.createdAt >= :start AND t.createdAt < :end";
        long resolved = callbackCount("SELECT COUNT(DISTINCT t.complaintId) FROM CallbackTask t WHERE " + ofPeriod
                + " AND t.status <> :status", CallbackTask.Status.CANCELLED, start, end);
        long calledBack = callbackCount("SELECT COUNT(DISTINCT t.complaintId) FROM CallbackTask t WHERE " + ofPeriod
                + " AND t.status = :status", CallbackTask.Status.DONE, start, end);
        Map<CallbackOutcome, Long> outcomes = new EnumMap<>(CallbackOutcome.class);
        for (CallbackOutcome o : CallbackOutcome.values()) {
            outcomes.put(o, 0L);
        }
        for (Object[] row : rows(em.createQuery("SELECT t.outcome, COUNT(t) FROM CallbackTask t WHERE " + ofPeriod
                + " AND t.status = :done GROUP BY t.outcome").setParameter("case", CallbackTask.Kind.CASE)
                .setParameter("done", CallbackTask.Status.DONE), start, end)) {
            outcomes.put((CallbackOutcome) row[0], number(row[1]));
        }
        Double averageScore = em.createQuery("SELECT AVG(a.score) FROM CallbackAttempt a WHERE a.score IS NOT NULL "
                + "AND a.task.kind = :case AND a.task.createdAt >= :start AND a.task.createdAt < :end", Double.class)
                .setParameter("case", CallbackTask.Kind.CASE).setParameter("start", start).setParameter("end", end)
                .getSingleResult();
        return new Figures.Callbacks(resolved, calledBack, outcomes, averageScore);
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

    private Figures.Validity validity(Period period, OffsetDateTime start, OffsetDateTime end) {
        long valid = validCount(em.createQuery("SELECT COUNT(c) FROM Complaint c WHERE " + VALID), start, end);
        long decided = 0;
        long upheld = 0;
        for (Object[] row : rows(em.createQuery("SELECT c.status, COUNT(c) FROM Complaint c WHERE " + CLOSED
                + " AND c.kind = :complaint AND c.status IN :decided GROUP BY c.status")
                .setParameter("complaint", CaseKind.COMPLAINT)
                .setParameter("decided", List.of(CaseStatus.CLOSED, CaseStatus.NOT_UPHELD)), start, end)) {
            decided += number(row[1]);
            upheld += row[0] == CaseStatus.CLOSED ? number(row[1]) : 0;
        }
        return new Figures.Validity(valid, decided, upheld, customerBases.inForce(period.lastMonth()),
                callbackSettings.policy().validTargetPermille());
    }

    /**
     * Per dimension: registered, closed and valid complaints per group. One query groups by all the case's own
     * attributes at once (a few thousand combinations at most) and each dimension adds its combinations up: one
     * pass over the period's cases instead of one per dimension. By building only the cases linked to a unit are
     * grouped (a join on the register); the unlinked form the group {@code null}.
     */
    private Map<Figures.Dimension, List<Figures.Breakdown>> breakdowns(OffsetDateTime start, OffsetDateTime end) {
        List<Figures.Dimension> dimensions = Arrays.stream(Figures.Dimension.values())
                .filter(d -> d != Figures.Dimension.BUILDING).toList();
        String by = String.join(", ", dimensions.stream().map(ATTRIBUTE::get).toList());
        Map<Figures.Dimension, Map<String, long[]>> sums = new EnumMap<>(Figures.Dimension.class);
        dimensions.forEach(d -> sums.put(d, new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()))));
        for (Object[] row : rows(em.createQuery("SELECT " + by + ", " + GROUP_COUNTS
                + " FROM Complaint c WHERE (" + REGISTERED + ") OR (" + CLOSED + ") GROUP BY " + by), start, end, true)) {
            int n = dimensions.size();
            for (int i = 0; i < n; i++) {
                long[] group = sums.get(dimensions.get(i)).computeIfAbsent(key(row[i]), k -> new long[3]);
                for (int figure = 0; figure < 3; figure++) {
                    group[figure] += number(row[n + figure]);
                }
            }
        }
        Map<Figures.Dimension, List<Figures.Breakdown>> all = new EnumMap<>(Figures.Dimension.class);
        sums.forEach((dimension, groups) -> all.put(dimension, groups.entrySet().stream()
                .map(g -> new Figures.Breakdown(g.getKey(), g.getValue()[0], g.getValue()[1], g.getValue()[2]))
                .toList()));
        all.put(Figures.Dimension.BUILDING, buildings(start, end));
        return all;
    }

    /** By the building of the linked unit, in order; the cases without a unit first, as the group {@code null}. */
    private List<Figures.Breakdown> buildings(OffsetDateTime start, OffsetDateTime end) {
        List<Figures.Breakdown> groups = new ArrayList<>();
        Object[] unlinked = (Object[]) valid(em.createQuery("SELECT " + GROUP_COUNTS
                + " FROM Complaint c WHERE c.unitId IS NULL AND ((" + REGISTERED + ") OR (" + CLOSED + "))"))
                .setParameter("start", start).setParameter("end", end).getSingleResult();
        if (number(unlinked[0]) + number(unlinked[1]) > 0) {
            groups.add(new Figures.Breakdown(null, number(unlinked[0]), number(unlinked[1]), number(unlinked[2])));
        }
        for (Object[] row : rows(em.createQuery("SELECT u.building, " + GROUP_COUNTS
                + " FROM Complaint c, Unit u WHERE u.id = c.unitId AND ((" + REGISTERED + ") OR (" + CLOSED + ")) "
                + "GROUP BY u.building ORDER BY u.building"), start, end, true)) {
            groups.add(new Figures.Breakdown(key(row[0]), number(row[1]), number(row[2]), number(row[3])));
        }
        return groups;
    }

    private static String key(Object value) {
        return value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
    }

    private long count(String jpql, OffsetDateTime start, OffsetDateTime end) {
        return em.createQuery(jpql, Long.class).setParameter("start", start).setParameter("end", end)
                .getSingleResult();
    }

    private long callbackCount(String jpql, CallbackTask.Status status, OffsetDateTime start, OffsetDateTime end) {
        return em.createQuery(jpql, Long.class).setParameter("case", CallbackTask.Kind.CASE)
                .setParameter("status", status).setParameter("start", start).setParameter("end", end)
                .getSingleResult();
    }

    private long validCount(Query query, OffsetDateTime start, OffsetDateTime end) {
        return number(valid(query).setParameter("start", start).setParameter("end", end).getSingleResult());
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
