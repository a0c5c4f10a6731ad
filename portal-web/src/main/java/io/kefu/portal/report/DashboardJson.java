package io.kefu.portal.report;

import io.kefu.report.entity.Dashboard;
import io.kefu.report.entity.DashboardPeriod;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The dashboard as the API writes it. Every count of cases is {@code {"count": n, "inbox": "status=…&from=…"}}: the
 * query that lists exactly those cases with {@code GET /complaints?…} (and in the staff inbox, {@code staff/?…});
 * {@code inbox} is null where no inbox filter can (cases without a category or department).
 */
final class DashboardJson {

    private DashboardJson() {
    }

    static Map<String, Object> of(Dashboard d) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("period", period(d.period()));
        body.put("previousPeriod", period(d.previous()));
        body.put("registered", count(d.registered()));
        body.put("validComplaints", count(d.valid()));
        body.put("figures", FiguresReportJson.of(d.figures()));
        body.put("previousFigures", FiguresReportJson.of(d.previousFigures()));
        body.put("openByStatus", d.openByStatus().stream().map(s -> row("status", s.status().name(), s.cases()))
                .toList());
        body.put("overdueNow", count(d.overdueNow()));
        body.put("ageing", d.ageing().stream().map(b -> {
            Map<String, Object> row = row("fromDays", b.fromDays(), b.cases());
            row.put("toDays", b.toDays());
            return row;
        }).toList());
        body.put("weekly", d.weekly().stream().map(w -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("weekStart", w.start().toString());
            Map<String, Object> kinds = new LinkedHashMap<>();
            w.byKind().forEach((kind, count) -> kinds.put(kind.name(), count(count)));
            row.put("byKind", kinds);
            return row;
        }).toList());
        body.put("trend", d.trend().stream().map(m -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("month", m.month().toString());
            row.put("firstResponse", FiguresReportJson.deadline(m.firstResponse()));
            row.put("resolution", FiguresReportJson.deadline(m.resolution()));
            row.put("callbackRate", m.callbacks().rate());
            row.put("callbackSatisfaction", m.callbacks().satisfaction());
            row.put("surveySatisfaction", m.surveys().satisfaction());
            return row;
        }).toList());
        body.put("topCategories", d.topCategories().stream().map(c -> row("category", c.category(), c.cases()))
                .toList());
        body.put("departmentLoad", d.load().stream().map(l -> {
            Map<String, Object> row = row("department", l.department(), l.open());
            row.put("overdue", count(l.overdue()));
            return row;
        }).toList());
        body.put("heatMap", d.heatMap().stream().map(c -> {
            Map<String, Object> row = row("building", c.building(), c.cases());
            row.put("category", c.category());
            return row;
        }).toList());
        return body;
    }

    private static Map<String, Object> period(DashboardPeriod p) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", p.name());
        body.put("from", p.period().from().toString());
        body.put("to", p.period().to().toString());
        return body;
    }

    /** A group: its key, then its count with the drill-down. */
    private static Map<String, Object> row(String key, Object value, Dashboard.Count count) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(key, value);
        row.putAll(count(count));
        return row;
    }

    static Map<String, Object> count(Dashboard.Count count) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("count", count.count());
        body.put("inbox", count.drill() == null ? null : count.drill().query());
        return body;
    }
}
