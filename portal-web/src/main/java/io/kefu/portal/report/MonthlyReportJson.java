package io.kefu.portal.report;

import io.kefu.compensation.entity.ApprovedTotal;
import io.kefu.portal.complaint.Times;
import io.kefu.report.entity.MonthlyReport;
import io.kefu.report.entity.MonthlyTable;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A monthly table as the API writes it: the revision (status, who prepared and signed, when, the reason of a
 * correction), and its table — rows, the summary per responsible department, category, severity and channel, and the
 * month's totals. Rates are fractions, {@code null} for 0/0; times ISO-8601 in the tenant's zone.
 */
final class MonthlyReportJson {

    private MonthlyReportJson() {
    }

    static Map<String, Object> revision(MonthlyReport r, ZoneId zone) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("month", r.month().toString());
        body.put("revision", r.revision());
        body.put("status", r.status().name());
        body.put("reason", r.reason());
        body.put("createdAt", Times.iso(r.createdAt(), zone));
        body.put("preparedBy", r.preparedBy());
        body.put("preparedAt", r.preparedAt() == null ? null : Times.iso(r.preparedAt(), zone));
        body.put("signedBy", r.signedBy());
        body.put("signedAt", r.signedAt() == null ? null : Times.iso(r.signedAt(), zone));
        body.put("version", r.version());
        return body;
    }

    static Map<String, Object> withTable(MonthlyReport r, MonthlyTable table, List<MonthlyReport> revisions,
            ZoneId zone) {
        Map<String, Object> body = revision(r, zone);
        body.put("revisions", revisions.stream().map(each -> revision(each, zone)).toList());
        body.put("table", table(table));
        return body;
    }

    static Map<String, Object> table(MonthlyTable t) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("takenAt", t.takenAt().toString());
        body.put("rows", t.rows().stream().map(MonthlyReportJson::row).toList());
        Map<String, Object> summary = new LinkedHashMap<>();
        for (MonthlyTable.By by : MonthlyTable.By.values()) {
            summary.put(by.name(), t.summary(by).stream().map(MonthlyReportJson::group).toList());
        }
        body.put("summary", summary);
        body.put("total", group(t.total()));
        body.put("totals", totals(t.totals()));
        body.put("compensations", t.compensations().stream().map(MonthlyReportJson::compensation).toList());
        return body;
    }

    /** Approved compensation of one department and type: amounts in yuan as text ("150.00"), as the API has them. */
    private static Map<String, Object> compensation(ApprovedTotal c) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("department", c.department());
        body.put("type", c.type().name());
        body.put("count", c.count());
        body.put("amount", c.amount());
        return body;
    }

    private static Map<String, Object> row(MonthlyTable.Row r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("number", r.number());
        body.put("registeredAt", r.registeredAt().toString());
        body.put("closedAt", r.closedAt().toString());
        body.put("kind", r.kind());
        body.put("category", r.category());
        body.put("severity", r.severity());
        body.put("channel", r.channel());
        body.put("department", r.department());
        body.put("responsibleDepartment", r.responsible());
        body.put("responsibilityJudged", r.responsibilityJudged());
        body.put("owner", r.owner());
        body.put("firstResponseMet", r.firstResponseMet());
        body.put("resolutionMet", r.resolutionMet());
        body.put("callbackOutcome", r.callbackOutcome());
        body.put("callbackScore", r.callbackScore());
        body.put("result", r.result().name());
        return body;
    }

    private static Map<String, Object> group(MonthlyTable.Group g) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", g.key());
        body.put("cases", g.cases());
        body.put("share", g.share());
        body.put("valid", g.valid());
        body.put("deadlinesMeasured", g.deadlinesMeasured());
        body.put("deadlinesMet", g.deadlinesMet());
        body.put("deadlineRate", g.deadlineRate());
        body.put("reached", g.reached());
        body.put("satisfied", g.satisfied());
        body.put("satisfaction", g.satisfaction());
        body.put("averageScore", g.averageScore());
        return body;
    }

    private static Map<String, Object> totals(MonthlyTable.Totals t) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("registered", t.registered());
        body.put("closed", t.closed());
        body.put("closedUpheld", t.closedUpheld());
        body.put("notUpheld", t.notUpheld());
        body.put("withdrawn", t.withdrawn());
        body.put("carriedOverOpen", t.carriedOverOpen());
        body.put("firstResponseMeasured", t.firstResponseMeasured());
        body.put("firstResponseMet", t.firstResponseMet());
        body.put("firstResponseRate", t.firstResponseRate());
        body.put("resolutionMeasured", t.resolutionMeasured());
        body.put("resolutionMet", t.resolutionMet());
        body.put("resolutionRate", t.resolutionRate());
        body.put("resolved", t.resolved());
        body.put("calledBack", t.calledBack());
        body.put("callbackRate", t.callbackRate());
        body.put("callbackSatisfaction", t.callbackSatisfaction());
        body.put("averageCallbackScore", t.averageCallbackScore());
        body.put("surveySatisfaction", t.surveySatisfaction());
        body.put("validComplaints", t.validComplaints());
        body.put("customerBase", t.customers());
        body.put("customerBaseSource", t.customerBaseSource());
        body.put("validComplaintRate", t.validComplaintRate());
        body.put("targetPermille", t.targetPermille());
        body.put("onTarget", t.onTarget());
        body.put("upheldShare", t.upheldShare());
        body.put("missedPromises", t.missedPromises());
        return body;
    }
}
