package io.kefu.portal.report;

import io.kefu.complaint.entity.Complaint;
import io.kefu.faces.FacesFailures;
import io.kefu.identity.entity.Role;
import io.kefu.portal.complaint.CallerActor;
import io.kefu.portal.identity.Access;
import io.kefu.problem.KefuException;
import io.kefu.report.boundary.MonthlyReports;
import io.kefu.report.entity.MonthlyReport;
import io.kefu.report.entity.MonthlyTable;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.workspace.boundary.Office;
import io.kefu.workspace.boundary.Workspace;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.text.NumberFormat;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The reports page for supervisors (/t/{tenant}/staff/reports?month=2026-11&amp;revision=1): the monthly statistics
 * tables with their status and revisions; one month's table (the latest revision or the one asked for) with its
 * totals, summary and cases as the PDF shows them; in a draft the responsibility per case, then submit, the manager's
 * sign-off or return, and a correction as a new revision with its reason; the PDF and Excel downloads (the API's).
 */
@Named
@ViewScoped
public class MonthlyReportsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    @Inject
    MonthlyReports reports;

    @Inject
    MonthlyReportFiles files;

    @Inject
    Access access;

    @Inject
    CallerActor actor;

    @Inject
    CurrentTenant tenant;

    @Inject
    Workspace workspace;

    @Inject
    Office office;

    private String month;
    private String revision;
    private String newMonth;
    private String reason;
    /** The responsibility chosen per case in the draft: number → department code or {@code _external}. */
    private final Map<String, String> attribution = new HashMap<>();
    private transient MonthlyReport report;
    private transient MonthlyTable table;
    private transient List<MonthlyReport> all;
    private transient List<MonthlySections.Section> sections;
    private transient boolean latest;

    public void load() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (!access.hasAny(EnumSet.of(Role.SUPERVISOR))) {
            faces.getExternalContext().responseSendError(403, "");
            faces.responseComplete();
            return;
        }
        newMonth = YearMonth.from(reports.now().atZone(tenant.get().zone())).minusMonths(1).toString();
        open();
    }

    /** Reads the chosen month's table again (after every step, so the page shows what is stored). */
    private void open() {
        all = reports.all();
        report = null;
        table = null;
        attribution.clear();
        if (month == null || month.isBlank()) {
            return;
        }
        try {
            YearMonth asked = MonthlyReports.month(month, "month");
            report = revision == null || revision.isBlank() ? reports.find(asked).orElse(null)
                    : reports.revisions(asked).stream().filter(r -> String.valueOf(r.revision()).equals(revision))
                            .findFirst().orElse(null);
        } catch (KefuException malformed) {
            report = null;
        }
        sections = null;
        latest = false;
        if (report != null) {
            table = reports.table(report);
            table.rows().forEach(r -> attribution.put(r.number(), r.responsible()));
            latest = reports.revisions(report.month()).get(0).revision() == report.revision();
        }
    }

    /** The table's sections as the PDF shows them, in the page's language, computed once per opening. */
    private List<MonthlySections.Section> sections() {
        if (getReport() == null) {
            return List.of();
        }
        if (sections == null) {
            sections = MonthlySections.of(report, table, files.names(locale()), locale());
        }
        return sections;
    }

    public String generate() {
        try {
            MonthlyReport made = reports.generate(MonthlyReports.month(newMonth, "newMonth"));
            return "reports?faces-redirect=true&month=" + made.month();
        } catch (KefuException failure) {
            FacesFailures.show(failure, "generate");
            return null;
        }
    }

    /** Saves the responsibility of every case whose choice differs from the table's. */
    public void saveAttribution() {
        step(() -> {
            for (MonthlyTable.Row row : table.rows()) {
                String chosen = attribution.get(row.number());
                if (chosen != null && !chosen.equals(row.responsible())) {
                    reports.attribute(report.month(), row.number(), chosen, actor.get());
                }
            }
        }, "reports.attributed");
    }

    public void submit() {
        step(() -> reports.submit(report.month(), actor.get(), report.version()), "reports.submitted");
    }

    public void signOff() {
        step(() -> reports.signOff(report.month(), actor.get(), report.version()), "reports.signedOff");
    }

    public void returnToDraft() {
        step(() -> reports.returnToDraft(report.month(), actor.get(), report.version()), "reports.returned");
    }

    public void revise() {
        step(() -> reports.revise(report.month(), actor.get(), reason), "reports.revised");
        if (!FacesContext.getCurrentInstance().isValidationFailed()) {
            reason = null;
        }
    }

    private void step(Runnable work, String done) {
        if (getReport() == null) {
            return;
        }
        try {
            work.run();
            revision = null;
            open();
            FacesFailures.info(done);
        } catch (KefuException failure) {
            FacesFailures.show(failure, "table");
            open();
        }
    }

    public MonthlyReport getReport() {
        if (report == null && all == null) {
            open();
        }
        return report;
    }

    public List<MonthlyReport> getAll() {
        if (all == null) {
            open();
        }
        return all;
    }

    /** The table as the PDF shows it: totals, summaries (the cases are shown with their own columns). */
    public List<MonthlySections.Section> getSections() {
        return sections().stream().filter(s -> !s.key().equals("cases")).toList();
    }

    public MonthlySections.Section getCases() {
        return sections().stream().filter(s -> s.key().equals("cases")).findFirst().orElse(null);
    }

    public boolean isDraft() {
        return getReport() != null && report.status() == MonthlyReport.Status.DRAFT;
    }

    public boolean isSubmitted() {
        return getReport() != null && report.status() == MonthlyReport.Status.SUBMITTED;
    }

    public boolean isPublished() {
        return getReport() != null && report.status() == MonthlyReport.Status.PUBLISHED;
    }

    /** The latest revision is shown (only it moves through the workflow). */
    public boolean isLatest() {
        return getReport() != null && latest;
    }

    /** Who signs off: the named manager, or any supervisor but the one who submitted. */
    public String getSigner() {
        String manager = office.settings().managerUsername();
        return manager == null ? null : files.names(locale()).person(manager);
    }

    public String getSubtitle() {
        return getReport() == null ? "" : MonthlySections.subtitle(report, locale());
    }

    /** The departments a case can be attributed to, and "external / not attributable". */
    public List<SelectItem> getDepartments() {
        Locale locale = locale();
        List<SelectItem> items = new ArrayList<>();
        workspace.departments().forEach(d -> items.add(new SelectItem(d.code().value(), d.name().in(locale))));
        items.add(new SelectItem(Complaint.EXTERNAL, MonthlySections.text(locale, "report.monthly.external")));
        return items;
    }

    /** A cell as text: numbers for the locale, times as month-day hour:minute. */
    public String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number number) {
            NumberFormat format = NumberFormat.getNumberInstance(locale());
            format.setMaximumFractionDigits(2);
            return format.format(number);
        }
        return value instanceof LocalDateTime time ? SHORT.format(time) : value.toString();
    }

    /** The API's address of a download of the shown revision. */
    public String download(String extension) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/api/v1/tenants/"
                + tenant.get().slug().value() + "/reports/monthly/" + report.month() + "/table." + extension
                + "?revision=" + report.revision();
    }

    public String person(String username) {
        return username == null ? "—" : files.names(locale()).person(username);
    }

    private Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    public Map<String, String> getAttribution() {
        return attribution;
    }

    public String getMonth() {
        return month;
    }

    public void setMonth(String month) {
        this.month = month;
    }

    public String getRevision() {
        return revision;
    }

    public void setRevision(String revision) {
        this.revision = revision;
    }

    public String getNewMonth() {
        return newMonth;
    }

    public void setNewMonth(String newMonth) {
        this.newMonth = newMonth;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
