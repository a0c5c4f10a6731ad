package io.kefu.portal.report;

import jakarta.json.spi.JsonProvider;
import io.kefu.portal.complaint.Times;
import io.kefu.report.entity.Cause;
import io.kefu.report.entity.CorrectiveAction;
import io.kefu.report.entity.QuarterlyView;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The quarterly complaint analysis as a JSON document: what the API answers, what a published report keeps as its
 * snapshot, and what the PDF and the workbook are made from, so the three never disagree. Figures are written as
 * {@link FiguresReportJson} writes them (rates as fractions, {@code null} for 0/0).
 */
final class QuarterlyJson {

    /** Looked up once: {@code Json.createXxx} asks the ServiceLoader every time (see JsonBody). */
    private static final JsonProvider JSON = JsonProvider.provider();

    private QuarterlyJson() {
    }

    /** The report's document as JSON text. */
    static String text(QuarterlyView view, ZoneId zone, LocalDate today) {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            return jsonb.toJson(of(view, zone, today));
        } catch (Exception e) {
            throw new IllegalStateException("the quarterly report could not be written as JSON", e);
        }
    }

    /** A document (a snapshot or {@link #text}) read back. */
    static JsonObject read(String text) {
        try (var reader = JSON.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    static Map<String, Object> of(QuarterlyView view, ZoneId zone, LocalDate today) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("quarter", view.quarter().toString());
        body.put("revision", view.revision());
        body.put("reason", view.reason());
        body.put("status", view.status().name());
        body.put("figures", FiguresReportJson.of(view.figures()));
        body.put("previousQuarter", FiguresReportJson.of(view.previous()));
        body.put("sameQuarterLastYear", FiguresReportJson.of(view.yearBefore()));
        body.put("causes", view.causes().stream().map(QuarterlyJson::cause).toList());
        body.put("compensations", view.compensations().entrySet().stream().flatMap(month -> month.getValue().stream()
                .map(total -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("month", month.getKey().toString());
                    row.put("department", total.department());
                    row.put("type", total.type().name());
                    row.put("count", total.count());
                    row.put("amount", total.amount());
                    return row;
                })).toList());
        body.put("actions", view.actions().stream().map(a -> action(a, zone, today)).toList());
        body.put("lastQuarterActions", view.lastQuarter().stream().map(check -> {
            Map<String, Object> row = action(check.action(), zone, today);
            row.put("doneOnTime", check.doneOnTime());
            row.put("causeRecurred", check.recurred());
            row.put("recurrences", check.recurrences());
            return row;
        }).toList());
        body.put("preparedBy", view.preparedBy());
        body.put("submittedAt", view.submittedAt() == null ? null : Times.iso(view.submittedAt().toInstant(), zone));
        body.put("approvedBy", view.approvedBy());
        body.put("approvedAt", view.approvedAt() == null ? null : Times.iso(view.approvedAt().toInstant(), zone));
        return body;
    }

    static Map<String, Object> cause(Cause c) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("key", c.key());
        row.put("kind", c.kind().name());
        row.put("categoryCode", c.categoryCode());
        row.put("place", c.place());
        row.put("count", c.count());
        row.put("caseNumbers", c.caseNumbers());
        row.put("analysis", c.analysis());
        return row;
    }

    static Map<String, Object> action(CorrectiveAction a, ZoneId zone, LocalDate today) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ref", a.ref());
        row.put("quarter", a.quarter().toString());
        row.put("departmentCode", a.departmentCode());
        row.put("description", a.description());
        row.put("owner", a.owner());
        row.put("dueDate", a.dueDate().toString());
        row.put("causes", a.causeKeys());
        row.put("cases", a.caseNumbers());
        row.put("status", a.status().name());
        row.put("overdue", a.isOverdue(today));
        row.put("createdBy", a.createdBy());
        row.put("doneAt", a.doneAt() == null ? null : Times.iso(a.doneAt().toInstant(), zone));
        row.put("doneBy", a.doneBy());
        row.put("verifiedAt", a.verifiedAt() == null ? null : Times.iso(a.verifiedAt().toInstant(), zone));
        row.put("verifiedBy", a.verifiedBy());
        row.put("next", a.status().next() == null ? null : a.status().next().name());
        row.put("version", a.version());
        return row;
    }

    static List<Map<String, Object>> actions(List<CorrectiveAction> actions, ZoneId zone, LocalDate today) {
        return actions.stream().map(a -> action(a, zone, today)).toList();
    }
}
