package io.kefu.portal.report;

import io.kefu.portal.i18n.Messages;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The quarterly report's document as the tables both exports print, in the reader's language: the PDF puts them
 * one under another, the workbook one to a sheet. Counts stay numbers and rates become percentages (numbers too),
 * so the workbook's cells are typed.
 */
public final class QuarterlyTables {

    /** A headed table: its sheet name is its heading. */
    public record Table(String heading, List<String> columns, List<List<Object>> rows) {
    }

    /** The names of codes in the reader's language: categories and departments as the workspace names them. */
    public record Names(UnaryOperator<String> category, UnaryOperator<String> department) {
    }

    private static final int NUMBERS_SHOWN = 20;

    private QuarterlyTables() {
    }

    static List<Table> of(JsonObject doc, Locale locale, Names names) {
        List<Table> tables = new ArrayList<>();
        JsonObject now = doc.getJsonObject("figures");
        JsonObject before = doc.getJsonObject("previousQuarter");
        JsonObject lastYear = doc.getJsonObject("sameQuarterLastYear");
        List<List<Object>> summary = new ArrayList<>();
        for (String[] figure : new String[][] {{"registered"}, {"closed"}, {"validity", "validComplaints"},
                {"validity", "validComplaintRate", "%"}, {"validity", "target", "%"}, {"validity", "upheldShare", "%"},
                {"firstResponse", "rate", "%"}, {"resolution", "rate", "%"}, {"callbacks", "rate", "%"},
                {"callbacks", "satisfaction", "%"}, {"surveys", "satisfaction", "%"}, {"surveys", "nps"}}) {
            String key = "quarterly.figure." + String.join(".", Arrays.copyOf(figure, figure.length
                    - (figure[figure.length - 1].equals("%") ? 1 : 0)));
            summary.add(Arrays.asList(text(locale, key), figure(now, figure), figure(before, figure),
                    figure(lastYear, figure)));
        }
        tables.add(new Table(text(locale, "quarterly.section.summary"), List.of(text(locale, "quarterly.figure"),
                doc.getString("quarter"), text(locale, "quarterly.previous"), text(locale, "quarterly.lastYear")),
                summary));
        JsonObject breakdowns = now.getJsonObject("breakdowns");
        for (String dimension : List.of("CATEGORY", "RESPONSIBLE_DEPARTMENT", "SEVERITY", "CHANNEL", "BUILDING")) {
            List<List<Object>> rows = new ArrayList<>();
            for (JsonValue value : breakdowns.getJsonArray(dimension)) {
                JsonObject group = value.asJsonObject();
                rows.add(Arrays.asList(groupName(dimension, group.get("key"), locale, names),
                        number(group, "registered"), number(group, "closed"), number(group, "validComplaints")));
            }
            tables.add(new Table(text(locale, "quarterly.by." + dimension), List.of(text(locale,
                    "quarterly.by." + dimension), text(locale, "quarterly.figure.registered"),
                    text(locale, "quarterly.figure.closed"), text(locale, "quarterly.figure.validity.validComplaints")),
                    rows));
        }
        List<List<Object>> causes = new ArrayList<>();
        for (JsonValue value : doc.getJsonArray("causes")) {
            JsonObject c = value.asJsonObject();
            causes.add(Arrays.asList(text(locale, "quarterly.cause." + c.getString("kind")),
                    names.category().apply(c.getString("categoryCode")), string(c, "place"), number(c, "count"),
                    numbers(c.getJsonArray("caseNumbers"), c.getJsonNumber("count").longValue()),
                    string(c, "analysis")));
        }
        tables.add(new Table(text(locale, "quarterly.section.causes"), List.of(text(locale, "quarterly.cause.kind"),
                text(locale, "quarterly.by.CATEGORY"), text(locale, "quarterly.cause.place"),
                text(locale, "quarterly.cause.count"), text(locale, "quarterly.cause.cases"),
                text(locale, "quarterly.cause.analysis")), causes));
        if (doc.containsKey("compensations")) {
            tables.add(compensations(doc.getJsonArray("compensations"), locale, names));
        }
        tables.add(actions(text(locale, "quarterly.section.actions"), doc.getJsonArray("actions"), false, locale,
                names));
        tables.add(actions(text(locale, "quarterly.section.lastQuarter"), doc.getJsonArray("lastQuarterActions"), true,
                locale, names));
        return tables;
    }

    /**
     * The compensation approved per month, responsible department and type, and the quarter's sum (元). Reports
     * published before compensation existed have none and show no such table.
     */
    private static Table compensations(JsonArray totals, Locale locale, Names names) {
        List<List<Object>> rows = new ArrayList<>();
        long count = 0;
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        for (JsonValue value : totals) {
            JsonObject t = value.asJsonObject();
            java.math.BigDecimal amount = new java.math.BigDecimal(t.getString("amount"));
            rows.add(Arrays.asList(t.getString("month"), groupName("RESPONSIBLE_DEPARTMENT", t.get("department"),
                    locale, names), text(locale, "compensation.type." + t.getString("type")), number(t, "count"),
                    amount.doubleValue()));
            count += t.getJsonNumber("count").longValue();
            sum = sum.add(amount);
        }
        rows.add(Arrays.asList(text(locale, "report.monthly.sum"), null, null, count, sum.doubleValue()));
        return new Table(text(locale, "report.compensation.heading"), List.of(text(locale, "quarterly.month"),
                text(locale, "quarterly.by.RESPONSIBLE_DEPARTMENT"), text(locale, "report.compensation.type"),
                text(locale, "report.compensation.count"), text(locale, "report.compensation.amount")), rows);
    }

    private static Table actions(String heading, JsonArray actions, boolean checked, Locale locale, Names names) {
        List<List<Object>> rows = new ArrayList<>();
        for (JsonValue value : actions) {
            JsonObject a = value.asJsonObject();
            List<Object> row = new ArrayList<>(Arrays.asList(a.getString("ref"),
                    names.department().apply(a.getString("departmentCode")), a.getString("description"),
                    a.getString("owner"), a.getString("dueDate"),
                    text(locale, "action.status." + a.getString("status")),
                    strings(a.getJsonArray("causes")).stream().map(k -> cause(k, locale, names))
                            .collect(Collectors.joining("\n")),
                    String.join(", ", strings(a.getJsonArray("cases")))));
            if (checked) {
                JsonValue onTime = a.get("doneOnTime");
                row.add(onTime == null || onTime == JsonValue.NULL ? "—"
                        : text(locale, onTime == JsonValue.TRUE ? "quarterly.yes" : "quarterly.no"));
                row.add(text(locale, a.getBoolean("causeRecurred") ? "quarterly.recurred" : "quarterly.notRecurred"));
                JsonObject recurrences = a.getJsonObject("recurrences");
                row.add(recurrences.values().stream().flatMap(v -> strings(v.asJsonArray()).stream())
                        .distinct().collect(Collectors.joining(", ")));
            }
            rows.add(row);
        }
        List<String> columns = new ArrayList<>(List.of(text(locale, "action.ref"), text(locale, "action.department"),
                text(locale, "action.description"), text(locale, "action.owner"), text(locale, "action.dueDate"),
                text(locale, "action.status"), text(locale, "action.causes"), text(locale, "action.cases")));
        if (checked) {
            columns.addAll(List.of(text(locale, "action.doneOnTime"), text(locale, "action.recurred"),
                    text(locale, "action.recurrences")));
        }
        return new Table(heading, columns, rows);
    }

    /** A cause as a reader names it: "楼栋反复出现 · 设施报修 · 5栋" for {@code BUILDING|5栋|facilities}. */
    private static String cause(String key, Locale locale, Names names) {
        io.kefu.report.entity.Cause.Key cause = io.kefu.report.entity.Cause.Key.parse(key);
        String place = switch (cause.kind()) {
            case UNIT -> cause.building() + " " + cause.unit();
            case BUILDING -> cause.building();
            case RESIDENT -> cause.phone();
            case CATEGORY -> null;
        };
        return text(locale, "quarterly.cause." + cause.kind()) + " · " + names.category().apply(cause.categoryCode())
                + (place == null ? "" : " · " + place);
    }

    /** A figure by its path in the figures' JSON; a trailing "%" makes a fraction a percentage. */
    private static Object figure(JsonObject figures, String[] path) {
        boolean percent = path[path.length - 1].equals("%");
        JsonObject at = figures;
        int last = path.length - (percent ? 2 : 1);
        for (int i = 0; i < last; i++) {
            at = at.getJsonObject(path[i]);
        }
        JsonValue value = at.get(path[last]);
        if (!(value instanceof JsonNumber n)) {
            return null;
        }
        return percent ? Double.valueOf(n.doubleValue() * 100) : n.isIntegral() ? (Object) n.longValue()
                : (Object) n.doubleValue();
    }

    private static Object groupName(String dimension, JsonValue key, Locale locale, Names names) {
        if (!(key instanceof JsonString s)) {
            return text(locale, "quarterly.group.none");
        }
        return switch (dimension) {
            case "CATEGORY" -> names.category().apply(s.getString());
            case "RESPONSIBLE_DEPARTMENT" -> "_external".equals(s.getString()) ? text(locale, "quarterly.external")
                    : names.department().apply(s.getString());
            case "SEVERITY" -> text(locale, "severity." + s.getString());
            case "CHANNEL" -> text(locale, "channel." + s.getString());
            default -> s.getString();
        };
    }

    private static String numbers(JsonArray numbers, long count) {
        List<String> all = strings(numbers);
        String shown = String.join(", ", all.subList(0, Math.min(NUMBERS_SHOWN, all.size())));
        return count > NUMBERS_SHOWN ? shown + " …" : shown;
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static Object number(JsonObject o, String field) {
        JsonValue value = o.get(field);
        return value instanceof JsonNumber n ? (Object) n.longValue() : null;
    }

    private static String string(JsonObject o, String field) {
        JsonValue value = o.get(field);
        return value instanceof JsonString s ? s.getString() : "";
    }

    private static String text(Locale locale, String key) {
        return Messages.get(locale, key);
    }
}
