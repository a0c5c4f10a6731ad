package io.kefu.portal.callback;

import io.kefu.callback.boundary.CallbackQueue;
import io.kefu.callback.entity.CallbackTask;
import io.kefu.identity.boundary.Caller;
import io.kefu.identity.boundary.Member;
import io.kefu.portal.identity.Access;
import io.kefu.report.boundary.ReportFigures;
import io.kefu.report.entity.Figures;
import io.kefu.report.entity.Period;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.workspace.boundary.Office;
import jakarta.faces.view.ViewScoped;
import io.kefu.confidentiality.boundary.Disclosure;
import io.kefu.confidentiality.control.Contact;
import io.kefu.confidentiality.control.Sight;
import io.kefu.confidentiality.entity.ReadChannel;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The callback queue (/t/{tenant}/staff/callbacks): what is due, overdue, mine or anybody's, and what was done,
 * a page at a time from the database; above it the office's callback figures for a period (this month unless
 * chosen). View-scoped for the table's state; bound to the tenant it was built for.
 */
@Named
@ViewScoped
public class CallbacksPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Disclosure disclosure;

    @Inject
    CallbackQueue queue;

    @Inject
    ReportFigures reportFigures;

    @Inject
    Access access;

    @Inject
    Office office;

    @Inject
    CurrentTenant tenant;

    @Inject
    Clock clock;

    private CallbackQueue.View view = CallbackQueue.View.OPEN;
    private boolean mine;
    private String assignee;
    private CallbackTask.Kind kind;
    private LocalDate from;
    private LocalDate to;
    private transient Figures figures;

    @jakarta.annotation.PostConstruct
    void bindToTenant() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), tenant.get().zone());
        from = today.withDayOfMonth(1);
        to = today;
    }

    /**
     * Transient: the model keeps the page it loaded, entities that are not Serializable, and the session with this
     * view is written to the data grid after every request. A node that takes the session over makes a new one,
     * which loads its page again like every request does.
     */
    private transient LazyDataModel<CallbackTask> tasks;
    /** The contacts of the page's rows as the reader may see them, from the one disclosure of the page. */
    private transient Map<CallbackTask, Contact> contacts = Map.of();

    private LazyDataModel<CallbackTask> newTasksModel() {
        return new LazyDataModel<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public int count(Map<String, FilterMeta> filters) {
                return (int) queue.count(filter(), clock.instant());
            }

            @Override
            public List<CallbackTask> load(int first, int pageSize, Map<String, SortMeta> sort,
                    Map<String, FilterMeta> filters) {
                List<CallbackTask> page = queue.items(filter(), clock.instant(), first, pageSize);
                List<Sight> sights = disclosure.readAll(page, CallbackJson::customerOf, CallbackJson::caseOf,
                        ReadChannel.PAGE);
                contacts = new java.util.IdentityHashMap<>();
                for (int i = 0; i < page.size(); i++) {
                    contacts.put(page.get(i), sights.get(i).apply(CallbackJson.contactOf(page.get(i))));
                }
                return page;
            }

            @Override
            public String getRowKey(CallbackTask task) {
                return task.publicKey();
            }

            @Override
            public CallbackTask getRowData(String rowKey) {
                return null;
            }
        };
    }

    private CallbackQueue.Filter filter() {
        String me = access.caller().map(Caller::username).orElse("-");
        return new CallbackQueue.Filter(view, mine ? me : assignee == null || assignee.isBlank() ? null : assignee,
                kind);
    }

    /** The row's contact, masked when its case's record is above the reader's clearance. */
    public Contact contact(CallbackTask task) {
        Contact shown = contacts == null ? null : contacts.get(task);
        return shown != null ? shown : CallbackJson.contactOf(task).masked();
    }

    public void show(String name) {
        view = CallbackQueue.View.valueOf(name);
    }

    /**
     * Figures for the chosen period (docs/REPORTS.md); a reversed period is swapped and one beyond two years cut short
     * rather than refused.
     */
    public Figures getFigures() {
        if (figures == null) {
            LocalDate start = from;
            LocalDate end = to;
            if (start != null && end != null && end.isBefore(start)) {
                start = to;
                end = from;
            }
            if (start != null && end != null && end.isAfter(start.plusYears(Period.MAX_YEARS))) {
                end = start.plusYears(Period.MAX_YEARS);
            }
            figures = reportFigures.figures(Period.asked(start, end, tenant.get().zone(), clock.instant()),
                    clock.instant());
        }
        return figures;
    }

    public void applyPeriod() {
        figures = null;
    }

    /** The live desk says a case or callback changed: the queue and its figures are read again. */
    public void refresh() {
        figures = null;
    }

    public boolean overdue(CallbackTask task) {
        return task.isOverdue(clock.instant());
    }

    /** "98.5%" or "—" when there is nothing to divide. */
    public String percent(Double rate) {
        return rate == null ? "—" : String.format(java.util.Locale.ROOT, "%.1f%%", rate * 100);
    }

    /**
     * A rate that may be small ("0.35%", two decimals: the valid-complaint rate's target is 1 % of the customers)
     * or "—".
     */
    public String rate(Double rate) {
        return rate == null ? "—" : String.format(java.util.Locale.ROOT, "%.2f%%", rate * 100);
    }

    public String score(Double average) {
        return average == null ? "—" : String.format(java.util.Locale.ROOT, "%.2f", average);
    }

    public List<Member> getStaff() {
        return office.assignable();
    }

    public List<CallbackTask.Kind> getKinds() {
        return List.of(CallbackTask.Kind.values());
    }

    public LazyDataModel<CallbackTask> getTasks() {
        if (tasks == null) {
            tasks = newTasksModel();
        }
        return tasks;
    }

    public String getView() {
        return view.name();
    }

    public boolean isMine() {
        return mine;
    }

    public void setMine(boolean mine) {
        this.mine = mine;
    }

    public String getAssignee() {
        return assignee;
    }

    public void setAssignee(String assignee) {
        this.assignee = assignee;
    }

    public CallbackTask.Kind getKind() {
        return kind;
    }

    public void setKind(CallbackTask.Kind kind) {
        this.kind = kind;
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
}
