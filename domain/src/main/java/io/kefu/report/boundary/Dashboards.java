package io.kefu.report.boundary;

import io.kefu.complaint.boundary.Inbox;
import io.kefu.complaint.entity.CaseKind;
import io.kefu.complaint.entity.CaseStatus;
import io.kefu.report.entity.Dashboard;
import io.kefu.report.entity.DashboardPeriod;
import io.kefu.report.entity.Drill;
import io.kefu.report.entity.Figures;
import io.kefu.report.entity.Period;
import io.kefu.report.entity.Tally;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The current tenant's dashboard for a month or quarter, every count an aggregate query in the database (no case is
 * loaded), every figure of docs/REPORTS.md taken from {@link ReportFigures} rather than counted again. "Now" figures
 * (open, overdue, ageing, load) are as things stand at {@code now}; the others belong to the period.
 */
@ApplicationScoped
@Transactional
public class Dashboards {

    /** The lower bounds of the ageing buckets in days (docs/REPORTS.md, "Dashboard"); the last is open-ended. */
    static final int[] AGE_LIMITS = {0, 1, 3, 7, 14, 30};

    /**
     * The open statuses. Their queries also say {@code closedAt IS NULL} (true of every open case): it lets the open
     * cases' partial index (V22_1) answer them without reading the table.
     */
    private static final List<CaseStatus> OPEN = Arrays.stream(CaseStatus.values()).filter(CaseStatus::isOpen)
            .toList();
    private static final Set<CaseStatus> VALID_STATUSES = EnumSet.complementOf(EnumSet.of(CaseStatus.NOT_UPHELD,
            CaseStatus.WITHDRAWN));

    @Inject
    EntityManager em;

    @Inject
    ReportFigures reportFigures;

    public Dashboard of(DashboardPeriod period, Instant now) {
        Period days = period.period();
        Tally tally = reportFigures.tally(days, now);
        Figures figures = reportFigures.figures(days, now, tally);
        DashboardPeriod previous = period.previous();
        Figures previousFigures = reportFigures.figures(previous.period(), now);
        OpenNow open = openNow(days.zone(), now);
        Drill registeredDrill = Drill.to().registered(days.from(), days.to()).build();
        Drill validDrill = Drill.to().kind(CaseKind.COMPLAINT).statuses(VALID_STATUSES)
                .registered(days.from(), days.to()).build();
        return new Dashboard(period, previous, figures, previousFigures,
                new Dashboard.Count(figures.registered(), registeredDrill),
                new Dashboard.Count(figures.validity().validComplaints(), validDrill), open.byStatus(),
                new Dashboard.Count(open.overdue(), Drill.to().overdue().build()), open.ageing(),
                weekly(period, now), trend(days, now, List.of(figures, previousFigures)), topCategories(days, figures),
                open.load(), heatMap(days, tally));
    }

    /**
     * The "now" figures, from the open cases in one pass (the open cases' index answers it): grouped by status and
     * handling department, each group with its overdue cases (the inbox's "overdue") and its ageing buckets (days
     * since the registration day).
     */
    private OpenNow openNow(ZoneId zone, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        StringBuilder sums = new StringBuilder();
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (int i = 0; i < AGE_LIMITS.length; i++) {
            Integer upper = i + 1 < AGE_LIMITS.length ? AGE_LIMITS[i + 1] : null;
            String lowerBound = upper == null ? "" : "c.registeredAt >= :from" + i + " AND ";
            sums.append(", SUM(CASE WHEN ").append(lowerBound).append("c.registeredAt < :to").append(i)
                    .append(" THEN 1 ELSE 0 END)");
            if (upper != null) {
                parameters.put("from" + i, startOf(today.minusDays(upper - 1L), zone));
            }
            parameters.put("to" + i, startOf(today.minusDays(AGE_LIMITS[i] - 1L), zone));
        }
        TypedQuery<Object[]> query = em.createQuery("SELECT c.status, c.departmentCode, COUNT(c), SUM(CASE WHEN "
                + Inbox.OVERDUE + " THEN 1 ELSE 0 END)" + sums + " FROM Complaint c WHERE c.closedAt IS NULL "
                + "AND c.status IN :open GROUP BY c.status, c.departmentCode", Object[].class)
                .setParameter("open", OPEN).setParameter("running", Inbox.RUNNING)
                .setParameter("now", now.atOffset(ZoneOffset.UTC));
        parameters.forEach(query::setParameter);
        return new OpenNow(today, query.getResultList());
    }

    /** The open cases' groups (status, department, count, overdue, one count per ageing bucket), added up. */
    private record OpenNow(LocalDate today, List<Object[]> groups) {

        List<Dashboard.StatusCount> byStatus() {
            Map<CaseStatus, Long> counts = new EnumMap<>(CaseStatus.class);
            groups.forEach(row -> counts.merge((CaseStatus) row[0], number(row[2]), Long::sum));
            return OPEN.stream().map(status -> new Dashboard.StatusCount(status, new Dashboard.Count(
                    counts.getOrDefault(status, 0L), Drill.to().statuses(List.of(status)).build()))).toList();
        }

        long overdue() {
            return groups.stream().mapToLong(row -> number(row[3])).sum();
        }

        List<Dashboard.AgeBucket> ageing() {
            List<Dashboard.AgeBucket> buckets = new ArrayList<>();
            for (int i = 0; i < AGE_LIMITS.length; i++) {
                int at = 4 + i;
                Integer upper = i + 1 < AGE_LIMITS.length ? AGE_LIMITS[i + 1] : null;
                Drill drill = Drill.to().statuses(OPEN).registered(upper == null ? null
                        : today.minusDays(upper - 1L), today.minusDays(AGE_LIMITS[i])).build();
                buckets.add(new Dashboard.AgeBucket(AGE_LIMITS[i], upper, new Dashboard.Count(
                        groups.stream().mapToLong(row -> number(row[at])).sum(), drill)));
            }
            return buckets;
        }

        /** Per handling department, the busiest first (then by code, the cases without a department last). */
        List<Dashboard.DepartmentLoad> load() {
            Map<String, long[]> byDepartment = new HashMap<>();
            groups.forEach(row -> {
                long[] sums = byDepartment.computeIfAbsent((String) row[1], d -> new long[2]);
                sums[0] += number(row[2]);
                sums[1] += number(row[3]);
            });
            return byDepartment.entrySet().stream()
                    .sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0])
                            .thenComparing(Map.Entry::getKey, Comparator.nullsLast(Comparator.naturalOrder())))
                    .map(e -> new Dashboard.DepartmentLoad(e.getKey(),
                            new Dashboard.Count(e.getValue()[0], e.getKey() == null ? null
                                    : Drill.to().statuses(OPEN).department(e.getKey()).build()),
                            new Dashboard.Count(e.getValue()[1], e.getKey() == null ? null
                                    : Drill.to().department(e.getKey()).overdue().build())))
                    .toList();
        }
    }

    /** The weeks (Monday to Sunday) up to the one holding the period's last day so far, by kind. */
    private List<Dashboard.Week> weekly(DashboardPeriod period, Instant now) {
        ZoneId zone = period.period().zone();
        LocalDate lastMonday = period.lastDaySoFar(now).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate first = lastMonday.minusWeeks(Dashboard.WEEKS - 1L);
        List<Dashboard.Week> weeks = new ArrayList<>();
        for (int w = 0; w < Dashboard.WEEKS; w++) {
            LocalDate monday = first.plusWeeks(w);
            Tally week = reportFigures.totals(new Period(monday, monday.plusDays(6), zone), now);
            Map<CaseKind, Dashboard.Count> counts = new EnumMap<>(CaseKind.class);
            for (CaseKind kind : CaseKind.values()) {
                counts.put(kind, new Dashboard.Count(week.registered(kind),
                        Drill.to().kind(kind).registered(monday, monday.plusDays(6)).build()));
            }
            weeks.add(new Dashboard.Week(monday, counts));
        }
        return weeks;
    }

    /**
     * The rates of the months up to the period's last month, each counted for its month as ReportFigures does; a
     * month whose figures were already counted (a month period and the one before) is not counted again.
     */
    private List<Dashboard.MonthRates> trend(Period days, Instant now, List<Figures> counted) {
        List<Dashboard.MonthRates> months = new ArrayList<>();
        YearMonth last = days.lastMonth();
        for (int m = Dashboard.TREND_MONTHS - 1; m >= 0; m--) {
            YearMonth month = last.minusMonths(m);
            Period period = Period.month(month, days.zone());
            Figures known = counted.stream().filter(f -> f.period().equals(period)).findFirst().orElse(null);
            months.add(known != null
                    ? new Dashboard.MonthRates(month, known.firstResponse(), known.resolution(), known.callbacks(),
                            known.surveys())
                    : rates(month, reportFigures.totals(period, now)));
        }
        return months;
    }

    private static Dashboard.MonthRates rates(YearMonth month, Tally tally) {
        return new Dashboard.MonthRates(month, tally.firstResponse(), tally.resolution(), tally.callbacks(),
                tally.surveys());
    }

    /** The categories with the most cases registered in the period, from the figures' own breakdown. */
    private static List<Dashboard.CategoryCount> topCategories(Period days, Figures figures) {
        return figures.breakdowns().get(Figures.Dimension.CATEGORY).stream().filter(b -> b.registered() > 0)
                .sorted(Comparator.comparingLong(Figures.Breakdown::registered).reversed()
                        .thenComparing(b -> b.key() == null ? "" : b.key()))
                .limit(Dashboard.TOP_CATEGORIES)
                .map(b -> new Dashboard.CategoryCount(b.key(), new Dashboard.Count(b.registered(), b.key() == null
                        ? null : Drill.to().category(b.key()).registered(days.from(), days.to()).build())))
                .toList();
    }

    /** Cases registered in the period from a unit of the register, by its building and the case's category. */
    private static List<Dashboard.Cell> heatMap(Period days, Tally tally) {
        List<Dashboard.Cell> cells = new ArrayList<>();
        tally.heat().forEach((building, categories) -> categories.forEach((category, n) ->
                cells.add(new Dashboard.Cell(building, category, new Dashboard.Count(n, Drill.to().category(category)
                        .registered(days.from(), days.to()).building(building).build())))));
        return cells;
    }

    private static OffsetDateTime startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
