package io.kefu.report.boundary;

import io.kefu.report.entity.Cause;
import io.kefu.report.entity.Period;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The main causes of a period's complaints and whether a cause came back later, as docs/REPORTS.md ("Main causes",
 * "Effectiveness") defines them: counted over the valid complaints registered in the period, the same complaints
 * {@link ReportFigures} counts as valid, grouped in the database.
 */
@ApplicationScoped
@Transactional
public class MainCauses {

    /** The categories with the most valid complaints that the report names as causes. */
    public static final int TOP_CATEGORIES = 3;
    /** A unit or resident with the same category this many times in the period: a recurring complaint. */
    public static final int RECURRING_FROM = 2;
    /** A building where one category came this many times, from at least {@link #BUILDING_UNITS_FROM} units. */
    public static final int BUILDING_FROM = 3;
    public static final int BUILDING_UNITS_FROM = 2;

    private static final String VALID = ReportFigures.VALID + " AND c.categoryCode IS NOT NULL";
    private static final String IN_UNIT = "FROM Complaint c, Unit u WHERE u.id = c.unitId AND ";
    /**
     * A group's case numbers in the same row as its count, so a kind of cause is one query however many causes it
     * has: PostgreSQL's ordered {@code array_agg}, cut to the first {@link Cause#MAX_NUMBERS} and joined with commas
     * ({@code chr(44)}: no quotes to escape inside the JPQL literal). A case number is digits and a hyphen
     * ({@code CaseNumber}), never a comma. EclipseLink's {@code SQL} operator keeps the query JPQL, so the tenant
     * discriminator is still added.
     */
    private static final String NUMBERS = "SQL('array_to_string((array_agg(? ORDER BY ?, ?))[1:" + Cause.MAX_NUMBERS
            + "], chr(44))', c.number, c.registeredAt, c.number)";

    @Inject
    EntityManager em;

    /** Top categories, recurring in a unit, recurring for a resident without a unit, buildings: in that order. */
    public List<Cause> of(Period period) {
        OffsetDateTime start = ReportFigures.utc(period.start());
        OffsetDateTime end = ReportFigures.utc(period.end());
        List<Cause> causes = new ArrayList<>();
        List<Object[]> categories = new ArrayList<>(rows("SELECT c.categoryCode, COUNT(c), " + NUMBERS
                + " FROM Complaint c WHERE " + VALID + " GROUP BY c.categoryCode", start, end));
        categories.sort(Comparator.<Object[]>comparingLong(r -> -ReportFigures.number(r[1]))
                .thenComparing(r -> (String) r[0]));
        for (Object[] row : categories.subList(0, Math.min(TOP_CATEGORIES, categories.size()))) {
            String category = (String) row[0];
            causes.add(new Cause(Cause.categoryKey(category), Cause.Kind.CATEGORY, category, null,
                    ReportFigures.number(row[1]), numbers(row[2]), null));
        }
        for (Object[] row : sorted(rows("SELECT u.building, u.number, c.categoryCode, COUNT(c), " + NUMBERS + " "
                + IN_UNIT + VALID + " GROUP BY u.building, u.number, c.categoryCode HAVING COUNT(c) >= "
                + RECURRING_FROM, start, end), 3)) {
            String building = (String) row[0];
            String unit = (String) row[1];
            String category = (String) row[2];
            causes.add(new Cause(Cause.unitKey(building, unit, category), Cause.Kind.UNIT, category,
                    building + " " + unit, ReportFigures.number(row[3]), numbers(row[4]), null));
        }
        for (Object[] row : sorted(rows("SELECT c.contactPhone, c.categoryCode, COUNT(c), " + NUMBERS
                + " FROM Complaint c WHERE " + VALID + " AND c.unitId IS NULL AND c.contactPhone IS NOT NULL "
                + "GROUP BY c.contactPhone, c.categoryCode HAVING COUNT(c) >= " + RECURRING_FROM, start, end), 2)) {
            String phone = (String) row[0];
            String category = (String) row[1];
            causes.add(new Cause(Cause.residentKey(phone, category), Cause.Kind.RESIDENT, category, phone,
                    ReportFigures.number(row[2]), numbers(row[3]), null));
        }
        for (Object[] row : sorted(rows("SELECT u.building, c.categoryCode, COUNT(c), " + NUMBERS + " " + IN_UNIT
                + VALID + " GROUP BY u.building, c.categoryCode HAVING COUNT(c) >= " + BUILDING_FROM
                + " AND COUNT(DISTINCT c.unitId) >= " + BUILDING_UNITS_FROM, start, end), 2)) {
            String building = (String) row[0];
            String category = (String) row[1];
            causes.add(new Cause(Cause.buildingKey(building, category), Cause.Kind.BUILDING, category, building,
                    ReportFigures.number(row[2]), numbers(row[3]), null));
        }
        return causes;
    }

    /** What a cause's recurrence in a later period is: whether it came back, and the cases that show it. */
    public record Recurrence(boolean recurred, long count, List<String> caseNumbers) {
    }

    /**
     * Whether the cause {@code key}, found in {@code found}, came back in {@code later}: a valid complaint of its
     * category in the same unit, from the same resident, or in the same building; for a top category, at least as
     * many valid complaints of it as in {@code found}.
     */
    public Recurrence recurrence(String key, Period found, Period later) {
        Cause.Key cause = Cause.Key.parse(key);
        OffsetDateTime start = ReportFigures.utc(later.start());
        OffsetDateTime end = ReportFigures.utc(later.end());
        String from = switch (cause.kind()) {
            case CATEGORY -> "FROM Complaint c WHERE " + VALID + " AND c.categoryCode = :category";
            case UNIT -> IN_UNIT + VALID + " AND c.categoryCode = :category AND u.building = :a AND u.number = :b";
            case RESIDENT -> "FROM Complaint c WHERE " + VALID + " AND c.unitId IS NULL AND c.categoryCode = :category "
                    + "AND c.contactPhone = :a";
            case BUILDING -> IN_UNIT + VALID + " AND c.categoryCode = :category AND u.building = :a";
        };
        String a = switch (cause.kind()) {
            case UNIT, BUILDING -> cause.building();
            case RESIDENT -> cause.phone();
            case CATEGORY -> null;
        };
        String b = cause.kind() == Cause.Kind.UNIT ? cause.unit() : null;
        long count = ReportFigures.number(bind(em.createQuery("SELECT COUNT(c) " + from), start, end,
                cause.categoryCode(), a, b).getSingleResult());
        long threshold = 1;
        if (cause.kind() == Cause.Kind.CATEGORY) {
            threshold = Math.max(1, ReportFigures.number(bind(em.createQuery("SELECT COUNT(c) " + from),
                    ReportFigures.utc(found.start()), ReportFigures.utc(found.end()), cause.categoryCode(), null,
                    null).getSingleResult()));
        }
        return new Recurrence(count >= threshold, count, count == 0 ? List.of()
                : numbers(from, start, end, cause.categoryCode(), a, b));
    }

    /** Groups by their count (the last column) descending, then by their keys as written. */
    private static List<Object[]> sorted(List<Object[]> rows, int countAt) {
        List<Object[]> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.<Object[]>comparingLong(r -> -ReportFigures.number(r[countAt]))
                .thenComparing(r -> java.util.Arrays.toString(java.util.Arrays.copyOf(r, countAt))));
        return sorted;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String jpql, OffsetDateTime start, OffsetDateTime end) {
        return ReportFigures.valid(em.createQuery(jpql)).setParameter("start", start).setParameter("end", end)
                .getResultList();
    }

    /** The case numbers {@link #NUMBERS} joined, in their order. */
    private static List<String> numbers(Object joined) {
        return List.of(((String) joined).split(","));
    }

    @SuppressWarnings("unchecked")
    private List<String> numbers(String from, OffsetDateTime start, OffsetDateTime end, String category, String a,
            String b) {
        return bind(em.createQuery("SELECT c.number " + from + " ORDER BY c.registeredAt, c.number"), start, end,
                category, a, b).setMaxResults(Cause.MAX_NUMBERS).getResultList();
    }

    private static Query bind(Query query, OffsetDateTime start, OffsetDateTime end, String category, String a,
            String b) {
        ReportFigures.valid(query).setParameter("start", start).setParameter("end", end)
                .setParameter("category", category);
        if (a != null) {
            query.setParameter("a", a);
        }
        if (b != null) {
            query.setParameter("b", b);
        }
        return query;
    }
}
