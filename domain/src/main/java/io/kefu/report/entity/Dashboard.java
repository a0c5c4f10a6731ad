package io.kefu.report.entity;

import io.kefu.complaint.entity.CaseKind;
import io.kefu.complaint.entity.CaseStatus;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The supervisor's dashboard: where the office stands now (open cases by status, overdue, their age, the load per
 * department) and how the period went against the one before (the figures of docs/REPORTS.md, weekly volume,
 * trends, top categories, buildings × categories). Every count that is a set of cases carries the {@link Drill}
 * that lists exactly those cases in the inbox; rates do not (they are counted over callbacks, answers or
 * deadlines, not over a list of cases).
 *
 * @param figures the period's figures, {@code previousFigures} the previous period's, for the comparison
 * @param registered the cases registered in the period, and {@code valid} the valid complaints among them
 */
public record Dashboard(DashboardPeriod period, DashboardPeriod previous, Figures figures, Figures previousFigures,
        Count registered, Count valid, List<StatusCount> openByStatus, Count overdueNow, List<AgeBucket> ageing,
        List<Week> weekly, List<MonthRates> trend, List<CategoryCount> topCategories, List<DepartmentLoad> load,
        List<Cell> heatMap) {

    /** How many top categories the dashboard shows. */
    public static final int TOP_CATEGORIES = 8;
    /** How many weeks of volume it shows, and how many months of trend. */
    public static final int WEEKS = 12;
    public static final int TREND_MONTHS = 6;

    /** A count of cases with the inbox filter that lists them; {@code drill} is {@code null} if there is none. */
    public record Count(long count, Drill drill) {
    }

    public record StatusCount(CaseStatus status, Count cases) {
    }

    /**
     * Open cases by the days since they were registered (days in the tenant's zone: registered today is 0).
     * {@code toDays} is {@code null} for the last, open-ended bucket.
     */
    public record AgeBucket(int fromDays, Integer toDays, Count cases) {
    }

    /** Cases registered in the week starting on Monday {@code start}, by kind. */
    public record Week(LocalDate start, Map<CaseKind, Count> byKind) {
    }

    /** One month's rates for the trends; each figure as ReportFigures counts it for that month. */
    public record MonthRates(YearMonth month, Figures.Deadline firstResponse, Figures.Deadline resolution,
            Figures.Callbacks callbacks, Figures.Surveys surveys) {
    }

    /** A category's cases registered in the period; {@code category} {@code null} for cases not classified yet. */
    public record CategoryCount(String category, Count cases) {
    }

    /** A handling department's open cases now and the overdue among them; {@code department} may be {@code null}. */
    public record DepartmentLoad(String department, Count open, Count overdue) {
    }

    /** The cases registered in the period from units of {@code building} in {@code category}. */
    public record Cell(String building, String category, Count cases) {
    }
}
