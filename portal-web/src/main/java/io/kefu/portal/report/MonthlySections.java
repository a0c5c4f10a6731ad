package io.kefu.portal.report;

import io.kefu.compensation.entity.ApprovedTotal;
import io.kefu.complaint.entity.Complaint;
import io.kefu.portal.i18n.Messages;
import io.kefu.report.entity.MonthlyReport;
import io.kefu.report.entity.MonthlyTable;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A monthly table as the headed tables the PDF and the workbook both show, in the reader's language: the totals,
 * the summary by responsible department, category, severity and channel, the compensation approved, and the cases.
 * One list for both, so the two files hold the same figures. Rates are percentages (0–100); a figure with nothing
 * to divide by is empty.
 */
public final class MonthlySections {

    /** One headed table. A cell is a number, a {@link LocalDateTime}, text or {@code null} (empty). */
    public record Section(String key, String heading, List<String> columns, List<List<Object>> rows) {
    }

    /** What codes and usernames are called: departments, categories and people (display names). */
    public record Names(Map<String, String> departments, Map<String, String> categories, Map<String, String> people) {

        public String department(String code, Locale locale) {
            if (code == null) {
                return Messages.get(locale, "report.monthly.none");
            }
            return Complaint.EXTERNAL.equals(code) ? Messages.get(locale, "report.monthly.external")
                    : departments.getOrDefault(code, code);
        }

        public String category(String code, Locale locale) {
            return code == null ? Messages.get(locale, "report.monthly.none") : categories.getOrDefault(code, code);
        }

        public String person(String username) {
            return username == null ? null : people.getOrDefault(username, username);
        }
    }

    private MonthlySections() {
    }

    static List<Section> of(MonthlyReport report, MonthlyTable table, Names names, Locale locale) {
        List<Section> sections = new ArrayList<>();
        sections.add(totals(table.totals(), locale));
        for (MonthlyTable.By by : MonthlyTable.By.values()) {
            sections.add(summary(table, by, names, locale));
        }
        sections.add(compensations(table.compensations(), names, locale));
        sections.add(cases(table, names, locale));
        return sections;
    }

    /** Compensation approved in the month per responsible department and type, and the month's sum (元). */
    static Section compensations(List<ApprovedTotal> totals, Names names, Locale locale) {
        List<List<Object>> rows = new ArrayList<>();
        for (ApprovedTotal t : totals) {
            rows.add(Arrays.asList(names.department(t.department(), locale),
                    text(locale, "compensation.type." + t.type()), t.count(), yuan(t.amountFen())));
        }
        rows.add(Arrays.asList(text(locale, "report.monthly.sum"), null,
                totals.stream().mapToLong(ApprovedTotal::count).sum(),
                yuan(totals.stream().mapToLong(ApprovedTotal::amountFen).sum())));
        return new Section("compensations", text(locale, "report.compensation.heading"),
                List.of(text(locale, "report.monthly.column.RESPONSIBLE"), text(locale, "report.compensation.type"),
                        text(locale, "report.compensation.count"), text(locale, "report.compensation.amount")), rows);
    }

    /** Fen as a number of yuan, so a workbook's cell can be added up. */
    static Double yuan(long fen) {
        return fen / 100.0;
    }

    private static Section totals(MonthlyTable.Totals t, Locale locale) {
        List<List<Object>> rows = new ArrayList<>();
        add(rows, locale, "registered", t.registered());
        add(rows, locale, "closed", t.closed());
        add(rows, locale, "closedUpheld", t.closedUpheld());
        add(rows, locale, "notUpheld", t.notUpheld());
        add(rows, locale, "withdrawn", t.withdrawn());
        add(rows, locale, "carriedOverOpen", t.carriedOverOpen());
        add(rows, locale, "firstResponseRate", percent(t.firstResponseRate()));
        add(rows, locale, "resolutionRate", percent(t.resolutionRate()));
        add(rows, locale, "callbackRate", percent(t.callbackRate()));
        add(rows, locale, "callbackSatisfaction", percent(t.callbackSatisfaction()));
        add(rows, locale, "averageCallbackScore", round(t.averageCallbackScore()));
        add(rows, locale, "surveySatisfaction", percent(t.surveySatisfaction()));
        add(rows, locale, "validComplaints", t.validComplaints());
        add(rows, locale, "customers", t.customers());
        add(rows, locale, "validComplaintRate", percent(t.validComplaintRate()));
        add(rows, locale, "target", t.targetPermille() / 10.0);
        add(rows, locale, "onTarget", t.onTarget() == null ? null : text(locale, t.onTarget() ? "report.monthly.yes"
                : "report.monthly.no"));
        add(rows, locale, "upheldShare", percent(t.upheldShare()));
        add(rows, locale, "missedPromises", t.missedPromises());
        return new Section("totals", text(locale, "report.monthly.totals"),
                List.of(text(locale, "report.monthly.figure"), text(locale, "report.monthly.value")), rows);
    }

    private static void add(List<List<Object>> rows, Locale locale, String figure, Object value) {
        rows.add(Arrays.asList(text(locale, "report.monthly.total." + figure), value));
    }

    private static Section summary(MonthlyTable table, MonthlyTable.By by, Names names, Locale locale) {
        List<List<Object>> rows = new ArrayList<>();
        for (MonthlyTable.Group g : table.summary(by)) {
            rows.add(group(label(by, g.key(), names, locale), g));
        }
        rows.add(group(text(locale, "report.monthly.sum"), table.total()));
        return new Section(by.name().toLowerCase(Locale.ROOT), text(locale, "report.monthly.by." + by),
                List.of(text(locale, "report.monthly.column." + by), text(locale, "report.monthly.column.cases"),
                        text(locale, "report.monthly.column.share"), text(locale, "report.monthly.column.valid"),
                        text(locale, "report.monthly.column.deadlines"),
                        text(locale, "report.monthly.column.satisfaction"),
                        text(locale, "report.monthly.column.score")), rows);
    }

    private static List<Object> group(String label, MonthlyTable.Group g) {
        return Arrays.asList(label, g.cases(), percent(g.share()), g.valid(), percent(g.deadlineRate()),
                percent(g.satisfaction()), round(g.averageScore()));
    }

    static String label(MonthlyTable.By by, String key, Names names, Locale locale) {
        return switch (by) {
            case RESPONSIBLE -> names.department(key, locale);
            case CATEGORY -> names.category(key, locale);
            case SEVERITY -> key == null ? "" : text(locale, "severity." + key);
            case CHANNEL -> key == null ? "" : text(locale, "channel." + key);
        };
    }

    private static Section cases(MonthlyTable table, Names names, Locale locale) {
        List<List<Object>> rows = new ArrayList<>();
        for (MonthlyTable.Row r : table.rows()) {
            rows.add(Arrays.asList(r.number(), r.registeredAt().toLocalDateTime(), r.closedAt().toLocalDateTime(),
                    text(locale, "kind." + r.kind()), names.category(r.category(), locale),
                    text(locale, "severity." + r.severity()), text(locale, "channel." + r.channel()),
                    names.department(r.department(), locale), names.department(r.responsible(), locale),
                    names.person(r.owner()), met(r.firstResponseMet(), locale), met(r.resolutionMet(), locale),
                    r.callbackOutcome() == null ? null : text(locale, "callback.outcome." + r.callbackOutcome()),
                    r.callbackScore(), text(locale, "report.monthly.result." + r.result())));
        }
        List<String> columns = new ArrayList<>();
        for (String column : List.of("number", "registered", "closed", "kind", "category", "severity", "channel",
                "department", "responsible", "owner", "firstResponse", "resolution", "callback", "score", "result")) {
            columns.add(text(locale, "report.monthly.row." + column));
        }
        return new Section("cases", text(locale, "report.monthly.cases"), columns, rows);
    }

    private static String met(Boolean met, Locale locale) {
        return met == null ? null : text(locale, met ? "report.monthly.met" : "report.monthly.missed");
    }

    /** A fraction as a percentage with two decimals; {@code null} stays empty. */
    static Double percent(Double fraction) {
        return fraction == null ? null : Math.round(fraction * 10_000) / 100.0;
    }

    private static Double round(Double value) {
        return value == null ? null : Math.round(value * 100) / 100.0;
    }

    static String text(Locale locale, String key) {
        return Messages.get(locale, key);
    }

    /** The subtitle: month, revision, status, and the reason of a correction. */
    static String subtitle(MonthlyReport report, Locale locale) {
        String line = Messages.get(locale, "report.monthly.subtitle", report.month().toString(),
                String.valueOf(report.revision()), text(locale, "report.monthly.status." + report.status()));
        return report.reason() == null ? line : line + " · " + Messages.get(locale, "report.monthly.reasonShown",
                report.reason());
    }
}
