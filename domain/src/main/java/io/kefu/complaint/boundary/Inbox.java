package io.kefu.complaint.boundary;

import io.kefu.complaint.entity.CaseKind;
import io.kefu.complaint.entity.CaseStatus;
import io.kefu.complaint.entity.Complaint;
import io.kefu.complaint.entity.Severity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The staff inbox of the current tenant: one page of cases, filtered and sorted by the database (never the
 * whole table in memory), and the count per status for the same filters. Sort keys come from a fixed list; the
 * query is built from fixed fragments and every value is a parameter.
 */
@ApplicationScoped
@jakarta.transaction.Transactional
public class Inbox {

    public static final int MAX_PAGE_SIZE = 100;

    /** The sortable columns, by the names the API and the table use. */
    private static final Map<String, String> SORTS = Map.of(
            "number", "c.number", "registeredAt", "c.registeredAt", "resolutionDue", "c.resolutionDue",
            "firstResponseDue", "c.firstResponseDue", "status", "c.status", "severity", "c.severity",
            "kind", "c.kind", "owner", "c.owner");

    /** The statuses that count against deadlines: {@link #OVERDUE} names them {@code :running}. */
    public static final List<CaseStatus> RUNNING = Arrays.stream(CaseStatus.values()).filter(CaseStatus::isRunning)
            .toList();

    /**
     * What to show; {@code null} or empty means "any". {@code departments} is a set so a handler's queue can be
     * "any of my departments"; {@code from}/{@code to} are registration days in the tenant's zone, inclusive.
     * {@code building} is the building of the unit the case is linked to (cases without a unit never match);
     * {@code responsible} the responsible department (职责归属): the supervisor's judgement, or the handling
     * department while none was made, as {@link Complaint#responsibleDepartment()} reads it.
     */
    public record Filter(Set<CaseStatus> statuses, CaseKind kind, String category, Set<String> departments,
            Severity severity, String owner, Boolean overdue, LocalDate from, LocalDate to, String text,
            String reporter, String building, String responsible) {

        /** The inbox's filter without building or responsibility, as most callers ask. */
        public Filter(Set<CaseStatus> statuses, CaseKind kind, String category, Set<String> departments,
                Severity severity, String owner, Boolean overdue, LocalDate from, LocalDate to, String text,
                String reporter) {
            this(statuses, kind, category, departments, severity, owner, overdue, from, to, text, reporter, null, null);
        }

        public static Filter none() {
            return new Filter(null, null, null, null, null, null, null, null, null, null, null);
        }
    }

    /** One page of the result, with the total matching. */
    public record Page(List<Complaint> items, long total, int page, int size) {
    }

    @Inject
    EntityManager em;

    /** {@code sort} is a column name, "-" in front for descending; unknown names fall back to the due date. */
    public Page page(Filter filter, ZoneId zone, Instant now, String sort, int page, int size) {
        int pageSize = pageSize(size);
        return new Page(items(filter, zone, now, sort, page, size), count(filter, zone, now), pageNumber(page),
                pageSize);
    }

    /** One page of cases, without counting them all (a lazy table asks for the count separately). */
    public List<Complaint> items(Filter filter, ZoneId zone, Instant now, String sort, int page, int size) {
        int pageSize = pageSize(size);
        Where where = where(filter, zone, now, true);
        boolean descending = sort != null && sort.startsWith("-");
        String column = SORTS.getOrDefault(sort == null ? "" : sort.replaceFirst("^-", ""), "c.resolutionDue");
        TypedQuery<Complaint> query = em.createQuery("SELECT c FROM Complaint c" + where.jpql + " ORDER BY "
                + column + (descending ? " DESC" : " ASC") + ", c.id" + (descending ? " DESC" : " ASC"),
                Complaint.class);
        where.bind(query);
        return query.setFirstResult(pageNumber(page) * pageSize).setMaxResults(pageSize).getResultList();
    }

    /** How many cases match the filter. */
    public long count(Filter filter, ZoneId zone, Instant now) {
        Where where = where(filter, zone, now, true);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(c) FROM Complaint c" + where.jpql, Long.class);
        where.bind(count);
        return count.getSingleResult();
    }

    private static int pageSize(int size) {
        return Math.max(1, Math.min(size, MAX_PAGE_SIZE));
    }

    /** Past the last page is simply empty; the offset stays an int however far someone pages. */
    private static int pageNumber(int page) {
        return (int) Math.max(0, Math.min(page, Integer.MAX_VALUE / MAX_PAGE_SIZE));
    }

    /** A signed-in resident's own cases ("my cases"), newest first. */
    public Page ofReporter(String reporter, ZoneId zone, Instant now, int page, int size) {
        return page(new Filter(null, null, null, null, null, null, null, null, null, null,
                java.util.Objects.requireNonNull(reporter)), zone, now, "-registeredAt", page, size);
    }

    /** How many cases per status match the filter (its status part ignored), for the inbox's tabs. */
    public Map<CaseStatus, Long> countsByStatus(Filter filter, ZoneId zone, Instant now) {
        Where where = where(filter, zone, now, false);
        TypedQuery<Object[]> query = em.createQuery("SELECT c.status, COUNT(c) FROM Complaint c" + where.jpql
                + " GROUP BY c.status", Object[].class);
        where.bind(query);
        Map<CaseStatus, Long> counts = new EnumMap<>(CaseStatus.class);
        for (CaseStatus status : CaseStatus.values()) {
            counts.put(status, 0L);
        }
        for (Object[] row : query.getResultList()) {
            counts.put((CaseStatus) row[0], (Long) row[1]);
        }
        return counts;
    }

    /** How many open cases are overdue now. */
    public long overdueCount(Instant now) {
        return em.createQuery("SELECT COUNT(c) FROM Complaint c WHERE " + overdue(), Long.class)
                .setParameter("running", RUNNING).setParameter("now", now.atOffset(ZoneOffset.UTC))
                .getSingleResult();
    }

    /**
     * Overdue now, in JPQL over {@code c}: running and past the resolution deadline, or past the first response
     * deadline without a response (and still open: no closing moment, which lets the open cases' index answer it).
     * Parameters {@code :running} ({@link #RUNNING}) and {@code :now} (UTC).
     */
    public static final String OVERDUE = "(c.closedAt IS NULL AND c.status IN :running AND (c.resolutionDue < :now "
            + "OR (c.firstRespondedAt IS NULL AND c.firstResponseDue < :now)))";

    private static String overdue() {
        return OVERDUE;
    }

    private static Where where(Filter f, ZoneId zone, Instant now, boolean withStatus) {
        Where where = new Where();
        if (withStatus && f.statuses() != null && !f.statuses().isEmpty()) {
            where.add("c.status IN :statuses", "statuses", new ArrayList<>(f.statuses()));
        }
        if (f.kind() != null) {
            where.add("c.kind = :kind", "kind", f.kind());
        }
        if (f.category() != null && !f.category().isBlank()) {
            where.add("c.categoryCode = :category", "category", f.category().strip());
        }
        if (f.departments() != null && !f.departments().isEmpty()) {
            where.add("c.departmentCode IN :departments", "departments", new ArrayList<>(f.departments()));
        }
        if (f.severity() != null) {
            where.add("c.severity = :severity", "severity", f.severity());
        }
        if (f.owner() != null && !f.owner().isBlank()) {
            where.add("c.owner = :owner", "owner", f.owner().strip().toLowerCase(Locale.ROOT));
        }
        if (f.reporter() != null) {
            where.add("c.reporter = :reporter", "reporter", f.reporter());
        }
        if (f.overdue() != null) {
            where.add(f.overdue() ? overdue() : "NOT " + overdue(), null, null);
            where.parameters.put("running", RUNNING);
            where.parameters.put("now", now.atOffset(ZoneOffset.UTC));
        }
        if (f.from() != null) {
            where.add("c.registeredAt >= :from", "from", f.from().atStartOfDay(zone).toOffsetDateTime()
                    .withOffsetSameInstant(ZoneOffset.UTC));
        }
        if (f.to() != null) {
            where.add("c.registeredAt < :to", "to", f.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime()
                    .withOffsetSameInstant(ZoneOffset.UTC));
        }
        if (f.building() != null && !f.building().isBlank()) {
            where.add("c.unitId IN (SELECT u.id FROM Unit u WHERE u.building = :building)", "building",
                    f.building().strip());
        }
        if (f.responsible() != null && !f.responsible().isBlank()) {
            where.add("(c.responsibleDepartmentCode = :responsible OR (c.responsibleDepartmentCode IS NULL "
                    + "AND c.departmentCode = :responsible))", "responsible", f.responsible().strip());
        }
        if (f.text() != null && !f.text().isBlank()) {
            String like = "%" + f.text().strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            where.add("(c.number LIKE :text ESCAPE '\\' OR LOWER(c.description) LIKE :text ESCAPE '\\' "
                    + "OR LOWER(c.contactName) LIKE :text ESCAPE '\\' OR c.contactPhone LIKE :text ESCAPE '\\' "
                    + "OR LOWER(c.location) LIKE :text ESCAPE '\\')", "text", like);
        }
        return where;
    }

    /** The WHERE clause being built, and its parameters. */
    private static final class Where {

        private String jpql = "";
        private final Map<String, Object> parameters = new LinkedHashMap<>();

        void add(String condition, String name, Object value) {
            jpql += (jpql.isEmpty() ? " WHERE " : " AND ") + condition;
            if (name != null) {
                parameters.put(name, value);
            }
        }

        void bind(TypedQuery<?> query) {
            parameters.forEach(query::setParameter);
        }
    }
}
