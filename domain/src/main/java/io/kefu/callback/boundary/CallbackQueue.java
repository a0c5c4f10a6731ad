package io.kefu.callback.boundary;

import io.kefu.callback.entity.CallbackTask;
import io.kefu.complaint.entity.CallbackOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The callback queue of the current tenant, one page at a time from the database, and how many callbacks are
 * overdue now. The figures the regulations measure the office by (callback rate 回访处理率, satisfaction, the
 * valid-complaint rate 有效投诉率) are counted in one place for pages, API and reports: {@code ReportFigures}.
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

    /** Callbacks open past their due time now (the figures of a period are {@code report.boundary.ReportFigures}). */
    public long overdueOpen(Instant now) {
        return em.createQuery("SELECT COUNT(t) FROM CallbackTask t WHERE t.status = :open AND t.dueAt < :now",
                Long.class).setParameter("open", CallbackTask.Status.OPEN)
                .setParameter("now", now.atOffset(ZoneOffset.UTC)).getSingleResult();
    }

    /** Outcome counts in a stable order, for pages and JSON. */
    public static Map<String, Long> named(Map<CallbackOutcome, Long> outcomes) {
        Map<String, Long> named = new LinkedHashMap<>();
        outcomes.forEach((k, v) -> named.put(k.name(), v));
        return named;
    }
}
