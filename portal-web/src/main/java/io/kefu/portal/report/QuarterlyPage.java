package io.kefu.portal.report;

import io.kefu.faces.FacesFailures;
import io.kefu.identity.boundary.Member;
import io.kefu.identity.entity.Role;
import io.kefu.portal.complaint.CallerActor;
import io.kefu.portal.i18n.LocaleSelection;
import io.kefu.portal.identity.Access;
import io.kefu.problem.KefuException;
import io.kefu.report.boundary.CorrectiveActions;
import io.kefu.report.boundary.QuarterlyReports;
import io.kefu.report.entity.CorrectiveAction;
import io.kefu.report.entity.Quarter;
import io.kefu.report.entity.QuarterlyReport;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.workspace.boundary.Office;
import io.kefu.workspace.boundary.Workspace;
import io.kefu.workspace.entity.Department;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The quarterly complaint analysis for supervisors (/t/{tenant}/staff/quarterly?q=2026-Q3&amp;revision=1): the
 * report's tables as the PDF prints them, the analysis of each main cause, the corrective actions with their next
 * step, a new action, submitting, the general manager's approval, and a correction of a published report as a new
 * revision with its reason; the quarter's revisions, each readable as it was published; the PDF and workbook are the
 * API's downloads. The quarter is chosen by a plain GET form, so a report is a link to keep. View-scoped: the forms'
 * fields live across their requests; bound to the tenant it was opened for.
 */
@Named
@ViewScoped
public class QuarterlyPage implements Serializable {

    private static final long serialVersionUID = 1L;
    /** How many quarters the choice offers, the current one first. */
    private static final int QUARTERS_OFFERED = 8;

    /** A main cause as the page lists it, with the analysis box. */
    public record CauseRow(String key, String kind, String category, String place, long count, String numbers) {
    }

    /** A revision of the quarter's report as the page lists it. */
    public record RevisionRow(int revision, String status, String reason) {
    }

    /** An action with the step it may take next ({@code null} once verified). */
    public record ActionRow(String ref, String department, String description, String owner, String dueDate,
            String status, String next, long version, boolean overdue) {
    }

    @Inject
    QuarterlyReports reports;

    @Inject
    CorrectiveActions actions;

    @Inject
    QuarterlyDocuments documents;

    @Inject
    CallerActor caller;

    @Inject
    Access access;

    @Inject
    Office office;

    @Inject
    Workspace workspace;

    @Inject
    CurrentTenant tenant;

    @Inject
    LocaleSelection language;

    private String q;
    private String quarterText;
    private String revision;
    /** The earlier revision shown, {@code null} for the latest (only it moves through the workflow). */
    private Integer shown;
    private String correction;
    private transient JsonObject doc;
    private final Map<String, String> analysis = new HashMap<>();
    private String departmentCode;
    private String description;
    private String owner;
    private LocalDate dueDate;
    private List<String> causes = new ArrayList<>();
    private String cases;

    public void load() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (!access.hasAny(EnumSet.of(Role.SUPERVISOR))) {
            faces.getExternalContext().responseSendError(403, "");
            faces.responseComplete();
            return;
        }
        Quarter chosen;
        try {
            chosen = q == null || q.isBlank() ? Quarter.of(documents.today()).previous()
                    : reports.begun(Quarter.parse(q));
        } catch (KefuException e) {
            FacesFailures.show(e, null);
            chosen = Quarter.of(documents.today()).previous();
        }
        quarterText = chosen.toString();
        shown = null;
        if (revision != null && !revision.isBlank()) {
            int latest = reports.find(chosen).map(QuarterlyReport::revision).orElse(1);
            try {
                if (!revision.strip().matches("\\d{1,4}")) {
                    throw KefuException.notFound("report.quarterly.revision.notFound", quarterText, revision);
                }
                int asked = Integer.parseInt(revision.strip());
                shown = reports.revision(chosen, asked).revision() == latest ? null : asked;
            } catch (KefuException e) {
                FacesFailures.show(e, null);
            }
        }
        doc = null;
        analysis.clear();
        for (JsonValue cause : document().getJsonArray("causes")) {
            JsonValue text = cause.asJsonObject().get("analysis");
            analysis.put(cause.asJsonObject().getString("key"), text instanceof JsonString s ? s.getString() : null);
        }
    }

    private Quarter quarter() {
        return Quarter.parse(quarterText);
    }

    private JsonObject document() {
        if (doc == null) {
            doc = shown == null ? documents.of(quarter()) : documents.of(reports.revision(quarter(), shown));
        }
        return doc;
    }

    public List<QuarterlyTables.Table> getTables() {
        return QuarterlyTables.of(document(), language.getLocale(), documents.names(language.getLocale()));
    }

    public List<CauseRow> getCauses() {
        QuarterlyTables.Names names = documents.names(language.getLocale());
        List<CauseRow> rows = new ArrayList<>();
        for (JsonValue value : document().getJsonArray("causes")) {
            JsonObject c = value.asJsonObject();
            rows.add(new CauseRow(c.getString("key"), c.getString("kind"),
                    names.category().apply(c.getString("categoryCode")),
                    c.get("place") instanceof JsonString s ? s.getString() : "", c.getJsonNumber("count").longValue(),
                    String.join(", ", c.getJsonArray("caseNumbers").getValuesAs(JsonString.class).stream()
                            .map(JsonString::getString).toList())));
        }
        return rows;
    }

    public List<ActionRow> getActions() {
        QuarterlyTables.Names names = documents.names(language.getLocale());
        return actions.of(quarter()).stream().map(a -> new ActionRow(a.ref(),
                names.department().apply(a.departmentCode()), a.description(), a.owner(), a.dueDate().toString(),
                a.status().name(), a.status().next() == null ? null : a.status().next().name(), a.version(),
                a.isOverdue(documents.today()))).toList();
    }

    public void saveAnalysis(String key) {
        reports.analyse(quarter(), key, analysis.get(key), caller.get());
        doc = null;
        FacesFailures.info("quarterly.analysis.saved");
    }

    public void commitAction() {
        List<String> numbers = cases == null ? List.of() : Arrays.stream(cases.split("[,，\\s]+"))
                .filter(n -> !n.isBlank()).distinct().toList();
        CorrectiveAction action = actions.commit(quarter(), new CorrectiveAction.Commitment(departmentCode,
                description, owner, dueDate, causes == null ? List.of() : causes, numbers), caller.get());
        doc = null;
        description = null;
        dueDate = null;
        causes = new ArrayList<>();
        cases = null;
        FacesFailures.info("quarterly.action.committed", action.ref());
    }

    public void advance(String ref, String to, long version) {
        actions.advance(ref, CorrectiveAction.Status.valueOf(to), version, caller.get());
        doc = null;
        FacesFailures.info("quarterly.action.advanced", ref);
    }

    public void submit() {
        step(() -> reports.submit(quarter(), caller.get()), "quarterly.submitted");
    }

    public void approve() {
        step(() -> documents.approve(quarter(), caller.get()), "quarterly.approved");
    }

    public void sendBack() {
        step(() -> reports.sendBack(quarter(), caller.get()), "quarterly.sentBack");
    }

    /** Opens a correction of the published report: the next revision, a draft, which the page then shows. */
    public void revise() {
        reports.revise(quarter(), caller.get(), correction);
        shown = null;
        doc = null;
        correction = null;
        FacesFailures.info("quarterly.revised");
    }

    private void step(Runnable step, String done) {
        step.run();
        doc = null;
        FacesFailures.info(done);
    }

    /** A table cell as the page shows it: a rate or mean with one decimal, nothing as a dash. */
    public String cell(Object value) {
        if (value == null) {
            return "—";
        }
        if (value instanceof Double d) {
            return String.format(language.getLocale(), "%.1f", d);
        }
        return value.toString();
    }

    /** The current quarter and the seven before it, latest first. */
    public List<String> getQuarters() {
        List<String> offered = new ArrayList<>();
        Quarter at = Quarter.of(documents.today());
        for (int i = 0; i < QUARTERS_OFFERED; i++) {
            offered.add(at.toString());
            at = at.previous();
        }
        return offered;
    }

    public String getStatus() {
        return document().getString("status");
    }

    /** The number of the revision shown. */
    public int getRevisionShown() {
        return document().getInt("revision", 1);
    }

    /** Why the revision shown corrects the one before; empty for the first. */
    public String getRevisionReason() {
        return document().get("reason") instanceof JsonString s ? s.getString() : "";
    }

    /** Whether the latest revision is shown: only it is written in, submitted, approved or corrected. */
    public boolean isLatest() {
        return shown == null;
    }

    /** The quarter's revisions, the latest first; none before anybody wrote in its report. */
    public List<RevisionRow> getRevisions() {
        return reports.revisions(quarter()).stream().map(r -> new RevisionRow(r.revision(), r.status().name(),
                r.reason())).toList();
    }

    /** The API's address of a download of the revision shown ({@code pdf} or {@code xlsx}). */
    public String download(String extension) {
        return getApiBase() + "/" + extension + (shown == null ? "" : "?revision=" + shown);
    }

    /** Whether the caller approves quarterly reports here: the general manager, or the manager with none named. */
    public boolean isApprover() {
        return office.generalManagers().stream().anyMatch(m -> m.username().equals(caller.get().username()));
    }

    public List<Department> getDepartments() {
        return workspace.departments();
    }

    public List<Member> getPeople() {
        return office.assignable();
    }

    public String getApiBase() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/api/v1/tenants/"
                + tenant.get().slug().value() + "/reports/quarterly/" + quarterText;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getQuarter() {
        return quarterText;
    }

    public String getRevision() {
        return revision;
    }

    public void setRevision(String revision) {
        this.revision = revision;
    }

    public String getCorrection() {
        return correction;
    }

    public void setCorrection(String correction) {
        this.correction = correction;
    }

    public Map<String, String> getAnalysis() {
        return analysis;
    }

    public String getDepartmentCode() {
        return departmentCode;
    }

    public void setDepartmentCode(String departmentCode) {
        this.departmentCode = departmentCode;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public void setDueDate(LocalDate dueDate) {
        this.dueDate = dueDate;
    }

    public List<String> getCauseKeys() {
        return causes;
    }

    public void setCauseKeys(List<String> causes) {
        this.causes = causes;
    }

    public String getCases() {
        return cases;
    }

    public void setCases(String cases) {
        this.cases = cases;
    }
}
