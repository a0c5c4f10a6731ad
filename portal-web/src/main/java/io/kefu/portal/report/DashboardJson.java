package io.kefu.portal.report;

import io.kefu.report.entity.Dashboard;
import io.kefu.report.entity.DashboardPeriod;
import jakarta.json.bind.annotation.JsonbNillable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard as the API writes it. Every count of cases is {@code {"count": n, "inbox": "status=…&from=…"}}: the
 * query that lists exactly those cases with {@code GET /complaints?…} (and in the staff inbox, {@code staff/?…});
 * {@code inbox} is null where no inbox filter can (cases without a category or department). A group carries its
 * key beside its count and drill-down ({@code {"status": "ACCEPTED", "count": 4, "inbox": …}}). Nulls are written
 * ({@link JsonbNillable}), as they were when these bodies were maps.
 */
@JsonbNillable
public record DashboardJson(Period period, Period previousPeriod, Count registered, Count validComplaints,
        FiguresReportJson figures, FiguresReportJson previousFigures, List<StatusCount> openByStatus,
        Count overdueNow, List<AgeBucket> ageing, List<Week> weekly, List<MonthRates> trend,
        List<CategoryCount> topCategories, List<DepartmentLoad> departmentLoad, List<Cell> heatMap) {

    static DashboardJson of(Dashboard d) {
        return new DashboardJson(Period.of(d.period()), Period.of(d.previous()), Count.of(d.registered()),
                Count.of(d.valid()), FiguresReportJson.of(d.figures()), FiguresReportJson.of(d.previousFigures()),
                d.openByStatus().stream().map(s -> new StatusCount(s.status().name(), s.cases().count(),
                        inbox(s.cases()))).toList(),
                Count.of(d.overdueNow()),
                d.ageing().stream().map(b -> new AgeBucket(b.fromDays(), b.toDays(), b.cases().count(),
                        inbox(b.cases()))).toList(),
                d.weekly().stream().map(Week::of).toList(),
                d.trend().stream().map(m -> new MonthRates(m.month().toString(),
                        FiguresReportJson.Deadline.of(m.firstResponse()),
                        FiguresReportJson.Deadline.of(m.resolution()), m.callbacks().rate(),
                        m.callbacks().satisfaction(), m.surveys().satisfaction())).toList(),
                d.topCategories().stream().map(c -> new CategoryCount(c.category(), c.cases().count(),
                        inbox(c.cases()))).toList(),
                d.load().stream().map(l -> new DepartmentLoad(l.department(), l.open().count(), inbox(l.open()),
                        Count.of(l.overdue()))).toList(),
                d.heatMap().stream().map(c -> new Cell(c.building(), c.category(), c.cases().count(),
                        inbox(c.cases()))).toList());
    }

    private static String inbox(Dashboard.Count count) {
        return count.drill() == null ? null : count.drill().query();
    }

    @JsonbNillable
    public record Period(String name, String from, String to) {

        static Period of(DashboardPeriod p) {
            return new Period(p.name(), p.period().from().toString(), p.period().to().toString());
        }
    }

    @JsonbNillable
    public record Count(long count, String inbox) {

        static Count of(Dashboard.Count count) {
            return new Count(count.count(), DashboardJson.inbox(count));
        }
    }

    @JsonbNillable
    public record StatusCount(String status, long count, String inbox) {
    }

    /** Open cases by age: from {@code fromDays} to {@code toDays} (null: and older). */
    @JsonbNillable
    public record AgeBucket(int fromDays, Integer toDays, long count, String inbox) {
    }

    @JsonbNillable
    public record Week(String weekStart, Map<String, Count> byKind) {

        static Week of(Dashboard.Week w) {
            Map<String, Count> kinds = new LinkedHashMap<>();
            w.byKind().forEach((kind, count) -> kinds.put(kind.name(), Count.of(count)));
            return new Week(w.start().toString(), kinds);
        }
    }

    @JsonbNillable
    public record MonthRates(String month, FiguresReportJson.Deadline firstResponse,
            FiguresReportJson.Deadline resolution, Double callbackRate, Double callbackSatisfaction,
            Double surveySatisfaction) {
    }

    @JsonbNillable
    public record CategoryCount(String category, long count, String inbox) {
    }

    @JsonbNillable
    public record DepartmentLoad(String department, long count, String inbox, Count overdue) {
    }

    @JsonbNillable
    public record Cell(String building, String category, long count, String inbox) {
    }
}
