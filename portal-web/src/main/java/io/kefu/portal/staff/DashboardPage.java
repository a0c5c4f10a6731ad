package io.kefu.portal.staff;

import jakarta.json.spi.JsonProvider;
import io.kefu.complaint.entity.CaseKind;
import io.kefu.identity.entity.Role;
import io.kefu.portal.identity.Access;
import io.kefu.problem.KefuException;
import io.kefu.report.boundary.Dashboards;
import io.kefu.report.entity.Dashboard;
import io.kefu.report.entity.DashboardPeriod;
import io.kefu.report.entity.Figures;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.workspace.boundary.Workspace;
import io.kefu.workspace.entity.WorkspaceItem;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;
import org.primefaces.event.ItemSelectEvent;

/**
 * The supervisor's dashboard (/t/{tenant}/staff/dashboard?period=2026-11 or 2026-Q4): figures against the previous
 * period, charts (Chart.js through p:chart) and the buildings × categories table. Every figure that counts cases is
 * a link, and every bar a click, to the inbox filtered to exactly those cases (the {@code Drill} each count carries).
 */
@Named
@ViewScoped
public class DashboardPage implements Serializable {

    /** Looked up once: {@code Json.createXxx} asks the ServiceLoader every time (see JsonBody). */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final long serialVersionUID = 1L;

    /** Colours of the kinds and series, readable on white and told apart by the colour-blind. */
    private static final String[] COLOURS = {"#1f6feb", "#f59e0b", "#10b981", "#8b5cf6", "#ef4444", "#64748b"};

    @Inject
    Dashboards dashboards;

    @Inject
    Access access;

    @Inject
    CurrentTenant tenant;

    @Inject
    Workspace workspace;

    @Inject
    Clock clock;

    private String period;
    private boolean periodInvalid;
    /** Read for the page's rendering; a click on a chart needs only {@link #drills}. */
    private transient Dashboard dashboard;
    /** Per chart id, per dataset, per bar: the inbox query of that bar ({@code null} where none can list it). */
    private final HashMap<String, ArrayList<ArrayList<String>>> drills = new HashMap<>();

    public void load() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (!access.hasAny(EnumSet.of(Role.SUPERVISOR))) {
            faces.getExternalContext().responseSendError(403, "");
            faces.responseComplete();
            return;
        }
        getDashboard();
    }

    public Dashboard getDashboard() {
        if (dashboard == null) {
            DashboardPeriod chosen;
            try {
                chosen = DashboardPeriod.parse(period, tenant.get().zone(), clock.instant());
            } catch (KefuException e) {
                periodInvalid = true;
                chosen = DashboardPeriod.parse(null, tenant.get().zone(), clock.instant());
            }
            dashboard = dashboards.of(chosen, clock.instant());
        }
        return dashboard;
    }

    /** A click on a bar or slice: to the inbox with that bar's filter. */
    public void select(ItemSelectEvent event) throws IOException {
        List<ArrayList<String>> chart = drills.get(event.getComponent().getId());
        if (chart == null || event.getDataSetIndex() >= chart.size()
                || event.getItemIndex() >= chart.get(event.getDataSetIndex()).size()) {
            return;
        }
        String query = chart.get(event.getDataSetIndex()).get(event.getItemIndex());
        if (query != null) {
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.getExternalContext().redirect(inboxBase() + "?" + query);
        }
    }

    /** The inbox address of a count, or {@code null} where no inbox filter lists its cases. */
    public String inbox(Dashboard.Count count) {
        return count == null || count.drill() == null ? null : inboxBase() + "?" + count.drill().query();
    }

    private String inboxBase() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/t/"
                + tenant.get().slug().value() + "/staff/";
    }

    // --- the period picker -----------------------------------------------------------------------------------

    /** The last twelve months and the last five quarters, newest first, for the picker; the shown one always. */
    public List<String> getPeriods() {
        YearMonth month = YearMonth.from(LocalDate.ofInstant(clock.instant(), tenant.get().zone()));
        List<String> periods = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            periods.add(month.minusMonths(m).toString());
        }
        DashboardPeriod quarter = DashboardPeriod.quarter(month.getYear(), (month.getMonthValue() + 2) / 3,
                tenant.get().zone());
        for (int q = 0; q < 5; q++) {
            periods.add(quarter.name());
            quarter = quarter.previous();
        }
        String shown = getDashboard().period().name();
        if (!periods.contains(shown)) {
            periods.add(0, shown);
        }
        return periods;
    }

    // --- the charts (Chart.js configurations) -----------------------------------------------------------------

    public String getStatusChart() {
        ResourceBundle texts = bundle();
        List<Dashboard.StatusCount> counts = getDashboard().openByStatus();
        return bar("status", counts.stream().map(s -> texts.getString("status." + s.status())).toList(),
                List.of(texts.getString("dashboard.open")), List.of(counts.stream().map(Dashboard.StatusCount::cases)
                        .toList()), false, true);
    }

    public String getAgeingChart() {
        ResourceBundle texts = bundle();
        List<Dashboard.AgeBucket> buckets = getDashboard().ageing();
        return bar("ageing", buckets.stream().map(b -> ageLabel(b, texts)).toList(),
                List.of(texts.getString("dashboard.open")), List.of(buckets.stream().map(Dashboard.AgeBucket::cases)
                        .toList()), false, false);
    }

    public String getWeeklyChart() {
        ResourceBundle texts = bundle();
        List<Dashboard.Week> weeks = getDashboard().weekly();
        List<String> series = new ArrayList<>();
        List<List<Dashboard.Count>> data = new ArrayList<>();
        for (CaseKind kind : CaseKind.values()) {
            series.add(texts.getString("kind." + kind));
            data.add(weeks.stream().map(w -> w.byKind().get(kind)).toList());
        }
        return bar("weekly", weeks.stream().map(w -> w.start().toString().substring(5)).toList(), series, data, true,
                false);
    }

    public String getCategoryChart() {
        ResourceBundle texts = bundle();
        Map<String, String> names = names(workspace.categories());
        List<Dashboard.CategoryCount> top = getDashboard().topCategories();
        return bar("categories", top.stream().map(c -> c.category() == null ? texts.getString("dashboard.none")
                : names.getOrDefault(c.category(), c.category())).toList(),
                List.of(texts.getString("dashboard.registered")),
                List.of(top.stream().map(Dashboard.CategoryCount::cases).toList()), false, true);
    }

    public String getLoadChart() {
        ResourceBundle texts = bundle();
        Map<String, String> names = names(workspace.departments());
        List<Dashboard.DepartmentLoad> load = getDashboard().load();
        return bar("load", load.stream().map(l -> l.department() == null ? texts.getString("dashboard.none")
                : names.getOrDefault(l.department(), l.department())).toList(),
                List.of(texts.getString("dashboard.open"), texts.getString("dashboard.overdue")),
                List.of(load.stream().map(Dashboard.DepartmentLoad::open).toList(),
                        load.stream().map(Dashboard.DepartmentLoad::overdue).toList()), false, false);
    }

    public String getDeadlineChart() {
        ResourceBundle texts = bundle();
        List<Dashboard.MonthRates> trend = getDashboard().trend();
        return line(trend, List.of(texts.getString("dashboard.firstResponse"), texts.getString("dashboard.resolution")),
                List.of(m -> m.firstResponse().rate(), m -> m.resolution().rate()));
    }

    public String getSatisfactionChart() {
        ResourceBundle texts = bundle();
        List<Dashboard.MonthRates> trend = getDashboard().trend();
        return line(trend, List.of(texts.getString("callbacks.rate"), texts.getString("callbacks.satisfaction"),
                texts.getString("callbacks.survey.satisfaction")), List.of(m -> m.callbacks().rate(),
                        m -> m.callbacks().satisfaction(), m -> m.surveys().satisfaction()));
    }

    /** A bar chart whose bars are counts of cases; their drill-downs are kept for {@link #select}. */
    private String bar(String id, List<String> labels, List<String> series, List<List<Dashboard.Count>> data,
            boolean stacked, boolean horizontal) {
        JsonArrayBuilder datasets = JSON.createArrayBuilder();
        ArrayList<ArrayList<String>> chartDrills = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            JsonArrayBuilder values = JSON.createArrayBuilder();
            ArrayList<String> seriesDrills = new ArrayList<>();
            for (Dashboard.Count count : data.get(s)) {
                values.add(count.count());
                seriesDrills.add(count.drill() == null ? null : count.drill().query());
            }
            chartDrills.add(seriesDrills);
            datasets.add(JSON.createObjectBuilder().add("label", series.get(s)).add("data", values)
                    .add("backgroundColor", COLOURS[s % COLOURS.length]));
        }
        drills.put(id, chartDrills);
        JsonObjectBuilder scales = JSON.createObjectBuilder()
                .add("x", JSON.createObjectBuilder().add("stacked", stacked))
                .add("y", JSON.createObjectBuilder().add("stacked", stacked).add("beginAtZero", true));
        JsonObjectBuilder options = JSON.createObjectBuilder().add("maintainAspectRatio", false)
                .add("scales", scales)
                .add("plugins", JSON.createObjectBuilder().add("legend", JSON.createObjectBuilder()
                        .add("display", series.size() > 1)));
        if (horizontal) {
            options.add("indexAxis", "y");
        }
        return JSON.createObjectBuilder().add("type", "bar")
                .add("data", JSON.createObjectBuilder().add("labels", strings(labels)).add("datasets", datasets))
                .add("options", options).build().toString();
    }

    /** A line chart of rates in per cent, one point per month; a month without anything to divide has a gap. */
    private static String line(List<Dashboard.MonthRates> trend, List<String> series,
            List<Function<Dashboard.MonthRates, Double>> rates) {
        JsonArrayBuilder datasets = JSON.createArrayBuilder();
        for (int s = 0; s < series.size(); s++) {
            JsonArrayBuilder values = JSON.createArrayBuilder();
            for (Dashboard.MonthRates month : trend) {
                Double rate = rates.get(s).apply(month);
                if (rate == null) {
                    values.addNull();
                } else {
                    values.add(Math.round(rate * 1000) / 10.0);
                }
            }
            datasets.add(JSON.createObjectBuilder().add("label", series.get(s)).add("data", values)
                    .add("borderColor", COLOURS[s % COLOURS.length]).add("backgroundColor", COLOURS[s % COLOURS.length])
                    .add("spanGaps", true));
        }
        return JSON.createObjectBuilder().add("type", "line")
                .add("data", JSON.createObjectBuilder().add("labels", strings(trend.stream()
                        .map(m -> m.month().toString()).toList())).add("datasets", datasets))
                .add("options", JSON.createObjectBuilder().add("maintainAspectRatio", false)
                        .add("scales", JSON.createObjectBuilder().add("y", JSON.createObjectBuilder().add("min", 0)
                                .add("max", 100))))
                .build().toString();
    }

    private static JsonArrayBuilder strings(List<String> values) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }

    private static String ageLabel(Dashboard.AgeBucket bucket, ResourceBundle texts) {
        if (bucket.toDays() == null) {
            return java.text.MessageFormat.format(texts.getString("dashboard.age.over"), bucket.fromDays());
        }
        if (bucket.toDays() - bucket.fromDays() == 1) {
            return java.text.MessageFormat.format(texts.getString("dashboard.age.day"), bucket.fromDays());
        }
        return java.text.MessageFormat.format(texts.getString("dashboard.age.range"), bucket.fromDays(),
                bucket.toDays() - 1);
    }

    // --- the buildings × categories table ---------------------------------------------------------------------

    public List<String> getBuildings() {
        return getDashboard().heatMap().stream().map(Dashboard.Cell::building).distinct().toList();
    }

    public List<String> getHeatCategories() {
        return getDashboard().heatMap().stream().map(Dashboard.Cell::category).distinct().sorted().toList();
    }

    public Dashboard.Cell cell(String building, String category) {
        return getDashboard().heatMap().stream().filter(c -> c.building().equals(building)
                && c.category().equals(category)).findFirst().orElse(null);
    }

    /** The cell's shade: the share of the largest cell, as a background's opacity. */
    public String shade(Dashboard.Cell cell) {
        long max = getDashboard().heatMap().stream().mapToLong(c -> c.cases().count()).max().orElse(1);
        double share = cell == null ? 0 : (double) cell.cases().count() / Math.max(1, max);
        return String.format(Locale.ROOT, "background: rgba(239, 68, 68, %.2f)", 0.08 + 0.72 * share);
    }

    public String categoryName(String code) {
        return names(workspace.categories()).getOrDefault(code, code);
    }

    public String departmentName(String code) {
        return code == null ? bundle().getString("dashboard.none")
                : names(workspace.departments()).getOrDefault(code, code);
    }

    // --- formatting -------------------------------------------------------------------------------------------

    public String percent(Double rate) {
        return rate == null ? "—" : String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    /** The valid-complaint rate is small (target 1 %): two decimals. */
    public String rate(Double rate) {
        return rate == null ? "—" : String.format(Locale.ROOT, "%.2f%%", rate * 100);
    }

    /** "+3" / "−2" / "±0" against the previous period's count. */
    public String change(long now, long before) {
        long delta = now - before;
        return delta > 0 ? "+" + delta : delta < 0 ? "−" + (-delta) : "±0";
    }

    /** The change of a rate in percentage points, or "—" if either is missing. */
    public String changePoints(Double now, Double before) {
        return now == null || before == null ? "—" : String.format(Locale.ROOT, "%+.1f", (now - before) * 100);
    }

    public Figures getFigures() {
        return getDashboard().figures();
    }

    public Figures getPrevious() {
        return getDashboard().previousFigures();
    }

    public boolean isPeriodInvalid() {
        return periodInvalid;
    }

    public String getPeriod() {
        return period;
    }

    public void setPeriod(String period) {
        this.period = period;
    }

    private Map<String, String> names(List<? extends WorkspaceItem> items) {
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        Map<String, String> names = new HashMap<>();
        items.forEach(i -> names.put(i.code().value(), i.name().in(locale)));
        return names;
    }

    private static ResourceBundle bundle() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getResourceBundle(faces, "msg");
    }
}
