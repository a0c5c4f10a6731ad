package io.kefu.portal.staff;

import io.kefu.complaint.boundary.Inbox;
import io.kefu.complaint.entity.CaseKind;
import io.kefu.complaint.entity.CaseStatus;
import io.kefu.complaint.entity.Complaint;
import io.kefu.complaint.entity.Severity;
import io.kefu.identity.boundary.Caller;
import io.kefu.notice.boundary.Notices;
import io.kefu.notice.entity.Notice;
import io.kefu.portal.identity.Access;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.workspace.boundary.Office;
import io.kefu.workspace.boundary.Workspace;
import io.kefu.workspace.entity.Category;
import io.kefu.workspace.entity.Department;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The staff inbox (/t/{tenant}/staff/): the tenant's cases one page at a time, filtered, sorted and counted by
 * the database; quick views for "mine", "my departments' queue" and "overdue"; the caller's unread notices.
 * The filter can come with the address ({@code ?status=ACCEPTED,IN_PROGRESS&kind=COMPLAINT&category=noise&
 * department=property&severity=SERIOUS&overdue=true&from=2026-11-01&to=2026-11-30&building=A&responsible=x}, the
 * same names as {@code GET /complaints}), so a dashboard figure links to exactly its cases; it stays visible
 * in the form and the chips, and "reset" clears it.
 */
@Named
@ViewScoped
public class InboxPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Inbox inbox;

    @Inject
    Access access;

    @Inject
    CurrentTenant tenant;

    @Inject
    Office office;

    @Inject
    Workspace workspace;

    @Inject
    Notices noticeBox;

    @Inject
    Clock clock;

    /** Several when a link asks for them (all open statuses, say); a status tab picks one. */
    private Set<CaseStatus> statuses;
    private CaseKind kind;
    private String category;
    private String department;
    private Severity severity;
    private String view = "all";
    private boolean overdueOnly;
    private LocalDate from;
    private LocalDate to;
    private String text;
    private String building;
    private String responsible;
    /** A person's cases, from the workload panel's links ({@code ?owner=}); "my cases" takes precedence. */
    private String owner;
    /** Per view and filter: read once, dropped when the filter changes. */
    private Map<CaseStatus, Long> counts;
    private Long overdueCount;
    /** Transient: entities are not Serializable; a node that takes this view over reads them again. */
    private transient List<Notice> notices;
    /** The tenant this view was built for: its cached counts and notices never show under another tenant. */

    @jakarta.annotation.PostConstruct
    void bindToTenant() {
    }

    /**
     * Transient: the model keeps the page it loaded, entities that are not Serializable, and the session with this
     * view is written to the data grid after every request. A node that takes the session over makes a new one,
     * which loads its page again like every request does.
     */
    private transient LazyDataModel<Complaint> cases;

    private LazyDataModel<Complaint> newCasesModel() {
        return new LazyDataModel<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public int count(Map<String, FilterMeta> filters) {
                return (int) inbox.count(filter(true), tenant.get().zone(), clock.instant());
            }

            @Override
            public List<Complaint> load(int first, int pageSize, Map<String, SortMeta> sort,
                    Map<String, FilterMeta> filters) {
                return items(first / Math.max(1, pageSize), pageSize, sort);
            }

            @Override
            public String getRowKey(Complaint complaint) {
                return complaint.number().toString();
            }

            @Override
            public Complaint getRowData(String rowKey) {
                return null;
            }
        };
    }

    private List<Complaint> items(int page, int size, Map<String, SortMeta> sort) {
        String order = "resolutionDue";
        for (SortMeta meta : sort.values()) {
            order = (meta.getOrder() == SortOrder.DESCENDING ? "-" : "") + meta.getField();
        }
        return inbox.items(filter(true), tenant.get().zone(), clock.instant(), order, page, size);
    }

    private Inbox.Filter filter(boolean withStatus) {
        String me = access.caller().map(Caller::username).orElse("");
        Set<String> departments = department == null || department.isBlank() ? null : Set.of(department);
        if ("queue".equals(view)) {
            departments = office.departmentsOf(me);
            if (departments.isEmpty()) {
                departments = Set.of("-");
            }
        }
        return new Inbox.Filter(withStatus ? statuses : null, kind, category, departments, severity,
                "mine".equals(view) ? me : owner, overdueOnly ? Boolean.TRUE : null, from, to, text, null, building,
                responsible);
    }

    public Map<CaseStatus, Long> getCounts() {
        if (counts == null) {
            counts = inbox.countsByStatus(filter(false), tenant.get().zone(), clock.instant());
        }
        return counts;
    }

    public long getOverdueCount() {
        if (overdueCount == null) {
            overdueCount = inbox.overdueCount(clock.instant());
        }
        return overdueCount;
    }

    /** The filter changed: counts are read again with the table. */
    public void apply() {
        counts = null;
        overdueCount = null;
    }

    /**
     * The live desk says a case or notice changed: counts and notices are read again with the table (its page
     * reloads with every render anyway). Also what keeps the counts true after an Ajax search.
     */
    public void refresh() {
        apply();
        notices = null;
    }

    public boolean overdue(Complaint complaint) {
        return complaint.isOverdue(now());
    }

    public List<Notice> getNotices() {
        if (notices == null) {
            notices = noticeBox.unread(access.caller().map(Caller::username).orElse(""));
        }
        return notices;
    }

    public void markNoticesRead() {
        noticeBox.markAllRead(access.caller().map(Caller::username).orElse(""));
        notices = null;
    }

    public void showStatus(CaseStatus wanted) {
        this.statuses = wanted == null ? null : EnumSet.of(wanted);
        apply();
    }

    public void reset() {
        apply();
        statuses = null;
        building = null;
        responsible = null;
        owner = null;
        kind = null;
        category = null;
        department = null;
        severity = null;
        view = "all";
        overdueOnly = false;
        from = null;
        to = null;
        text = null;
    }

    private Instant now() {
        return clock.instant();
    }

    public List<Category> getCategories() {
        return workspace.categories();
    }

    public List<Department> getDepartments() {
        return workspace.departments();
    }

    public CaseStatus[] getStatuses() {
        return CaseStatus.values();
    }

    public CaseKind[] getKinds() {
        return CaseKind.values();
    }

    public Severity[] getSeverities() {
        return Severity.values();
    }

    public LazyDataModel<Complaint> getCases() {
        if (cases == null) {
            cases = newCasesModel();
        }
        return cases;
    }

    /** The one status shown, for the tabs; {@code null} for all or several. */
    public CaseStatus getStatus() {
        return statuses != null && statuses.size() == 1 ? statuses.iterator().next() : null;
    }

    /** The statuses asked for, in order, for the filter chips; empty for all. */
    public List<CaseStatus> getStatusList() {
        return statuses == null ? List.of() : List.copyOf(statuses);
    }

    /** The address's {@code status}: one or several names, comma-separated, as the API takes them. */
    public String getStatusParam() {
        return statuses == null ? null : String.join(",", statuses.stream().map(Enum::name).toList());
    }

    public void setStatusParam(String value) {
        statuses = parseStatuses(value);
    }

    /** Names the link got wrong are left out rather than failing the page: the chips show what is applied. */
    private static Set<CaseStatus> parseStatuses(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Set<CaseStatus> parsed = EnumSet.noneOf(CaseStatus.class);
        for (String name : value.split(",")) {
            Arrays.stream(CaseStatus.values()).filter(s -> s.name().equals(name.strip())).forEach(parsed::add);
        }
        return parsed.isEmpty() ? null : parsed;
    }

    public String getBuilding() {
        return building;
    }

    public void setBuilding(String building) {
        this.building = building == null || building.isBlank() ? null : building.strip();
    }

    public String getResponsible() {
        return responsible;
    }

    /** The responsible department's name in the viewer's language, for the filter chip; the code if unknown. */
    public String getResponsibleName() {
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        return workspace.departments().stream().filter(d -> d.code().value().equals(responsible)).findFirst()
                .map(d -> d.name().in(locale)).orElse(responsible);
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner == null || owner.isBlank() ? null : owner.strip();
    }

    public void setResponsible(String responsible) {
        this.responsible = responsible == null || responsible.isBlank() ? null : responsible.strip();
    }

    public CaseKind getKind() {
        return kind;
    }

    public void setKind(CaseKind kind) {
        this.kind = kind;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getDepartment() {
        return department;
    }

    public void setDepartment(String department) {
        this.department = department;
    }

    public Severity getSeverity() {
        return severity;
    }

    public void setSeverity(Severity severity) {
        this.severity = severity;
    }

    public String getView() {
        return view;
    }

    public void setView(String view) {
        this.view = view;
    }

    public boolean isOverdueOnly() {
        return overdueOnly;
    }

    public void setOverdueOnly(boolean overdueOnly) {
        this.overdueOnly = overdueOnly;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
