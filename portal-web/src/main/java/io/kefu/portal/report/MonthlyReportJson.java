package io.kefu.portal.report;

import io.kefu.compensation.entity.ApprovedTotal;
import io.kefu.portal.complaint.Times;
import io.kefu.report.entity.MonthlyReport;
import io.kefu.report.entity.MonthlyTable;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A monthly table as the API writes it: the revision (status, who prepared and signed, when, the reason of a
 * correction), and its table — rows, the summary per responsible department, category, severity and channel, and the
 * month's totals. Rates are fractions, {@code null} for 0/0; times ISO-8601 in the tenant's zone. Nulls are written
 * ({@link JsonbNillable}), as they were when these bodies were maps.
 */
final class MonthlyReportJson {

    private MonthlyReportJson() {
    }

    /** One revision of a month's table, without the table. */
    @JsonbNillable
    public record Revision(String month, int revision, String status, String reason, String createdAt,
            String preparedBy, String preparedAt, String signedBy, String signedAt, long version) {
    }

    /** A revision with its table and every revision of its month (the same properties as {@link Revision}). */
    @JsonbNillable
    public record WithTable(String month, int revision, String status, String reason, String createdAt,
            String preparedBy, String preparedAt, String signedBy, String signedAt, long version,
            List<Revision> revisions, Table table) {
    }

    @JsonbNillable
    public record Table(String takenAt, List<Row> rows, Map<String, List<Group>> summary, Group total,
            Totals totals, List<Compensation> compensations) {
    }

    /** Approved compensation of one department and type: amounts in yuan as text ("150.00"), as the API has them. */
    @JsonbNillable
    public record Compensation(String department, String type, long count, String amount) {
    }

    @JsonbNillable
    public record Row(String number, String registeredAt, String closedAt, String kind, String category,
            String severity, String channel, String department, String responsibleDepartment,
            boolean responsibilityJudged, String owner, Boolean firstResponseMet, Boolean resolutionMet,
            String callbackOutcome, Integer callbackScore, String result) {
    }

    @JsonbNillable
    public record Group(String key, long cases, Double share, long valid, long deadlinesMeasured, long deadlinesMet,
            Double deadlineRate, long reached, long satisfied, Double satisfaction, Double averageScore) {
    }

    @JsonbNillable
    public record Totals(long registered, long closed, long closedUpheld, long notUpheld, long withdrawn,
            long carriedOverOpen, long firstResponseMeasured, long firstResponseMet, Double firstResponseRate,
            long resolutionMeasured, long resolutionMet, Double resolutionRate, long resolved, long calledBack,
            Double callbackRate, Double callbackSatisfaction, Double averageCallbackScore, Double surveySatisfaction,
            long validComplaints, Integer customerBase, String customerBaseSource, Double validComplaintRate,
            int targetPermille, Boolean onTarget, Double upheldShare, Long missedPromises) {
    }

    static Revision revision(MonthlyReport r, ZoneId zone) {
        return new Revision(r.month().toString(), r.revision(), r.status().name(), r.reason(),
                Times.iso(r.createdAt(), zone), r.preparedBy(), Times.iso(r.preparedAt(), zone), r.signedBy(),
                Times.iso(r.signedAt(), zone), r.version());
    }

    static WithTable withTable(MonthlyReport r, MonthlyTable table, List<MonthlyReport> revisions, ZoneId zone) {
        Revision one = revision(r, zone);
        return new WithTable(one.month(), one.revision(), one.status(), one.reason(), one.createdAt(),
                one.preparedBy(), one.preparedAt(), one.signedBy(), one.signedAt(), one.version(),
                revisions.stream().map(each -> revision(each, zone)).toList(), table(table));
    }

    static Table table(MonthlyTable t) {
        Map<String, List<Group>> summary = new LinkedHashMap<>();
        for (MonthlyTable.By by : MonthlyTable.By.values()) {
            summary.put(by.name(), t.summary(by).stream().map(MonthlyReportJson::group).toList());
        }
        return new Table(t.takenAt().toString(), t.rows().stream().map(MonthlyReportJson::row).toList(), summary,
                group(t.total()), totals(t.totals()),
                t.compensations().stream().map(MonthlyReportJson::compensation).toList());
    }

    private static Compensation compensation(ApprovedTotal c) {
        return new Compensation(c.department(), c.type().name(), c.count(), c.amount());
    }

    private static Row row(MonthlyTable.Row r) {
        return new Row(r.number(), r.registeredAt().toString(), r.closedAt().toString(), r.kind(), r.category(),
                r.severity(), r.channel(), r.department(), r.responsible(), r.responsibilityJudged(), r.owner(),
                r.firstResponseMet(), r.resolutionMet(), r.callbackOutcome(), r.callbackScore(), r.result().name());
    }

    private static Group group(MonthlyTable.Group g) {
        return new Group(g.key(), g.cases(), g.share(), g.valid(), g.deadlinesMeasured(), g.deadlinesMet(),
                g.deadlineRate(), g.reached(), g.satisfied(), g.satisfaction(), g.averageScore());
    }

    private static Totals totals(MonthlyTable.Totals t) {
        return new Totals(t.registered(), t.closed(), t.closedUpheld(), t.notUpheld(), t.withdrawn(),
                t.carriedOverOpen(), t.firstResponseMeasured(), t.firstResponseMet(), t.firstResponseRate(),
                t.resolutionMeasured(), t.resolutionMet(), t.resolutionRate(), t.resolved(), t.calledBack(),
                t.callbackRate(), t.callbackSatisfaction(), t.averageCallbackScore(), t.surveySatisfaction(),
                t.validComplaints(), t.customers(), t.customerBaseSource(), t.validComplaintRate(),
                t.targetPermille(), t.onTarget(), t.upheldShare(), t.missedPromises());
    }
}
