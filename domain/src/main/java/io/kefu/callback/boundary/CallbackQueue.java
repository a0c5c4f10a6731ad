package io.kefu.callback.boundary;

import io.kefu.callback.entity.CallbackTask;
import io.kefu.complaint.entity.CallbackOutcome;
import io.kefu.complaint.entity.CaseKind;
import io.kefu.complaint.entity.CaseStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The callback queue of the current tenant, one page at a time from the database, and the figures the
 * regulations measure the office by: the callback rate (回访处理率, target 100%), satisfaction found by the
 * callbacks, and the valid-complaint rate (有效投诉率) against the tenant's target.
 */
@ApplicationScoped
@Transactional
public class CallbackQueue {

    public static final int MAX_PAGE_SIZE = 100;

    /** Which callbacks: still to make, past their due time, finished (done or cancelled), or all. */
    public enum View {
        OPEN, OVERDUE, DONE, ALL
    }

    /** {@code assignee} a username, or {@code null} for anybody's; {@code kind} {@code null} for both kinds. */
    public record Filter(View view, String assignee, CallbackTask.Kind kind) {
    }

    public record Page(List<CallbackTask> items, long total, int page, int size) {
    }

    /**
     * The figures for the days {@code from}..{@code to} (inclusive, in the tenant's zone). Rates are
     * {@code null} when there is nothing to divide by.
     *
     * @param resolved cases resolved in the period (whose callback was not cancelled by a reopening)
     * @param calledBack those of them whose callback has an outcome
     * @param outcomes finished case callbacks of the period by outcome
     * @param averageScore mean of the 1–5 scores given on the callbacks of the period's resolutions
     * @param registered cases registered in the period, every kind
     * @param validComplaints complaints registered in the period and upheld (not closed as not upheld, not withdrawn)
     */
    public record Figures(LocalDate from, LocalDate to, long resolved, long calledBack, Double callbackRate,
            Map<CallbackOutcome, Long> outcomes, Double satisfactionRate, Double averageScore, long registered,
            long validComplaints, Double validComplaintRate, double validTarget, Boolean validOnTarget,
            long overdueOpen) {
    }

    @Inject
    EntityManager em;

    public Page page(Filter filter, Instant now, int page, int size) {
        int pageSize = Math.max(1, Math.min(size <= 0 ? 20 : size, MAX_PAGE_SIZE));
        int pageNumber = Math.max(0, Math.min(page, 100_000));
        return new Page(items(filter, now, pageNumber * pageSize, pageSize), count(filter, now), pageNumber,
                pageSize);
    }

    public List<CallbackTask> items(Filter filter, Instant now, int first, int max) {
        boolean finished = filter.view() == View.DONE;
        TypedQuery<CallbackTask> query = em.createQuery("SELECT t FROM CallbackTask t" + where(filter)
                + (finished ? " ORDER BY t.finishedAt DESC, t.id DESC" : " ORDER BY t.dueAt ASC, t.id ASC"),
                CallbackTask.class);
        bind(query, filter, now);
        return query.setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, Math.min(max, MAX_PAGE_SIZE)))
                .getResultList();
    }

    public long count(Filter filter, Instant now) {
        TypedQuery<Long> query = em.createQuery("SELECT COUNT(t) FROM CallbackTask t" + where(filter), Long.class);
        bind(query, filter, now);
        return query.getSingleResult();
    }

    private static String where(Filter filter) {
        StringBuilder jpql = new StringBuilder(" WHERE 1 = 1");
        switch (filter.view() == null ? View.OPEN : filter.view()) {
            case OPEN -> jpql.append(" AND t.status = :open");
            case OVERDUE -> jpql.append(" AND t.status = :open AND t.dueAt < :now");
            case DONE -> jpql.append(" AND t.status <> :open");
            case ALL -> { }
        }
        if (filter.assignee() != null) {
            jpql.append(" AND t.assignee = :assignee");
        }
        if (filter.kind() != null) {
            jpql.append(" AND t.kind = :kind");
        }
        return jpql.toString();
    }

    private static void bind(TypedQuery<?> query, Filter filter, Instant now) {
        View view = filter.view() == null ? View.OPEN : filter.view();
        if (view != View.ALL) {
            query.setParameter("open", CallbackTask.Status.OPEN);
        }
        if (view == View.OVERDUE) {
            query.setParameter("now", now.atOffset(ZoneOffset.UTC));
        }
        if (filter.assignee() != null) {
            query.setParameter("assignee", filter.assignee());
        }
        if (filter.kind() != null) {
            query.setParameter("kind", filter.kind());
        }
    }

    /** The office's callback figures for a period; {@code validTargetPermille} from the tenant's policy. */
    public Figures figures(LocalDate from, LocalDate to, ZoneId zone, Instant now, int validTargetPermille) {
        OffsetDateTime start = from.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime end = to.plusDays(1).atStartOfDay(zone).toOffsetDateTime()
                .withOffsetSameInstant(ZoneOffset.UTC);
        long resolved = single("SELECT COUNT(DISTINCT t.complaint.id) FROM CallbackTask t WHERE t.kind = :case "
                + "AND t.status <> :cancelled AND t.createdAt >= :start AND t.createdAt < :end", start, end);
        long calledBack = single("SELECT COUNT(DISTINCT t.complaint.id) FROM CallbackTask t WHERE t.kind = :case "
                + "AND t.status = :done AND t.createdAt >= :start AND t.createdAt < :end", start, end);
        Map<CallbackOutcome, Long> outcomes = new EnumMap<>(CallbackOutcome.class);
        for (CallbackOutcome o : CallbackOutcome.values()) {
            outcomes.put(o, 0L);
        }
        em.createQuery("SELECT t.outcome, COUNT(t) FROM CallbackTask t WHERE t.kind = :case AND t.status = :done "
                + "AND t.createdAt >= :start AND t.createdAt < :end GROUP BY t.outcome", Object[].class)
                .setParameter("case", CallbackTask.Kind.CASE).setParameter("done", CallbackTask.Status.DONE)
                .setParameter("start", start).setParameter("end", end).getResultList()
                .forEach(row -> outcomes.put((CallbackOutcome) row[0], (Long) row[1]));
        long happy = outcomes.get(CallbackOutcome.SATISFIED) + outcomes.get(CallbackOutcome.CONFIRMED_ONLINE);
        long reached = happy + outcomes.get(CallbackOutcome.PARTLY_SATISFIED)
                + outcomes.get(CallbackOutcome.NOT_SATISFIED);
        Double averageScore = em.createQuery("SELECT AVG(a.score) FROM CallbackAttempt a WHERE a.score IS NOT NULL "
                + "AND a.task.kind = :case AND a.task.createdAt >= :start AND a.task.createdAt < :end", Double.class)
                .setParameter("case", CallbackTask.Kind.CASE).setParameter("start", start).setParameter("end", end)
                .getSingleResult();
        long registered = em.createQuery("SELECT COUNT(c) FROM Complaint c WHERE c.registeredAt >= :start "
                + "AND c.registeredAt < :end", Long.class).setParameter("start", start).setParameter("end", end)
                .getSingleResult();
        long valid = em.createQuery("SELECT COUNT(c) FROM Complaint c WHERE c.registeredAt >= :start "
                + "AND c.registeredAt < :end AND c.kind = :complaint AND c.status NOT IN :notValid", Long.class)
                .setParameter("start", start).setParameter("end", end).setParameter("complaint", CaseKind.COMPLAINT)
                .setParameter("notValid", List.of(CaseStatus.NOT_UPHELD, CaseStatus.WITHDRAWN)).getSingleResult();
        long overdue = em.createQuery("SELECT COUNT(t) FROM CallbackTask t WHERE t.status = :open AND t.dueAt < :now",
                Long.class).setParameter("open", CallbackTask.Status.OPEN)
                .setParameter("now", now.atOffset(ZoneOffset.UTC)).getSingleResult();
        Double validRate = ratio(valid, registered);
        double target = validTargetPermille / 1000.0;
        return new Figures(from, to, resolved, calledBack, ratio(calledBack, resolved), outcomes, ratio(happy, reached),
                averageScore, registered, valid, validRate, target, validRate == null ? null : validRate <= target,
                overdue);
    }

    private long single(String jpql, OffsetDateTime start, OffsetDateTime end) {
        TypedQuery<Long> query = em.createQuery(jpql, Long.class).setParameter("case", CallbackTask.Kind.CASE)
                .setParameter("start", start).setParameter("end", end);
        if (jpql.contains(":cancelled")) {
            query.setParameter("cancelled", CallbackTask.Status.CANCELLED);
        }
        if (jpql.contains(":done")) {
            query.setParameter("done", CallbackTask.Status.DONE);
        }
        return query.getSingleResult();
    }

    static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    /** Outcome counts in a stable order, for pages and JSON. */
    public static Map<String, Long> named(Map<CallbackOutcome, Long> outcomes) {
        Map<String, Long> named = new LinkedHashMap<>();
        outcomes.forEach((k, v) -> named.put(k.name(), v));
        return named;
    }
}
