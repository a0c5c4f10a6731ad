package io.kefu.portal.staff;

import io.kefu.callback.boundary.Callbacks;
import io.kefu.callback.entity.CallbackTask;
import io.kefu.complaint.boundary.Cases;
import io.kefu.complaint.entity.Actor;
import io.kefu.complaint.entity.Attachment;
import io.kefu.complaint.entity.CaseAction;
import io.kefu.complaint.entity.CaseKind;
import io.kefu.complaint.entity.CaseEvent;
import io.kefu.complaint.entity.Complaint;
import io.kefu.complaint.entity.DispatchOrder;
import io.kefu.complaint.entity.Severity;
import io.kefu.faces.FacesFailures;
import io.kefu.identity.boundary.Member;
import io.kefu.phrase.ForbiddenPhrases;
import io.kefu.phrase.boundary.ServiceLanguage;
import io.kefu.phrase.entity.CannedReply;
import io.kefu.portal.complaint.CallerActor;
import io.kefu.portal.tenancy.TenantPath;
import io.kefu.problem.KefuException;
import io.kefu.resident.boundary.Units;
import io.kefu.resident.entity.Unit;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.workspace.boundary.Office;
import io.kefu.workspace.boundary.Workspace;
import io.kefu.workspace.entity.Category;
import io.kefu.workspace.entity.Department;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * A case for staff (/t/{tenant}/staff/cases/{number}): its facts, history, files and dispatch orders, and the
 * actions the workflow allows now. One dialog serves every action; the version the page was rendered with goes
 * back with the action, so a change made meanwhile by someone else is refused, not overwritten. View-scoped (the
 * dialog's action and fields live across its requests) and bound to the tenant and case it was opened for.
 */
@Named
@ViewScoped
public class CasePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Cases cases;

    @Inject
    Callbacks callbacks;

    @Inject
    CallerActor caller;

    @Inject
    Workspace workspace;

    @Inject
    Office office;

    @Inject
    ServiceLanguage language;

    @Inject
    CurrentTenant tenant;

    @Inject
    HttpServletRequest request;

    @Inject
    Units units;

    @Inject
    Clock clock;

    private long tenantId;
    private String number;
    private transient Complaint complaint;
    private transient boolean looked;
    private transient CallbackTask callback;
    private Long version;
    private CaseAction action;
    private String text;
    private String categoryCode;
    private CaseKind kind;
    private Severity severity;
    private String departmentCode;
    private String toUser;
    private LocalDateTime replyBy;
    private String worker;
    private LocalDateTime appointment;
    private String parts;
    private Integer dispatchSeq;
    private String result;
    private String usedParts;
    private String highlighted;
    private String unitBuilding;
    private String unitNumber;
    private transient Unit unit;

    @PostConstruct
    void bind() {
        tenantId = tenant.get().id();
        number = (String) request.getAttribute(TenantPath.PARAMETER);
    }

    /** This view was built for one tenant and case; a post of it under another address changes nothing. */
    private boolean sameCase() {
        if (tenant.get().id() == tenantId && java.util.Objects.equals(number,
                request.getAttribute(TenantPath.PARAMETER))) {
            return true;
        }
        FacesFailures.show(KefuException.conflict("concurrent.change"), null);
        return false;
    }

    public Complaint getCase() {
        if (!looked) {
            looked = true;
            complaint = sameCase() ? cases.find(number).orElse(null) : null;
            if (complaint != null && version == null) {
                version = complaint.version();
            }
        }
        return complaint;
    }

    /** Opens the dialog for an action, with the fields it needs prefilled from the case. */
    public void prepare(String name) {
        action = CaseAction.valueOf(name);
        highlighted = null;
        text = null;
        reload();
        if (getCase() != null) {
            categoryCode = complaint.categoryCode();
            kind = complaint.kind();
            severity = complaint.severity();
            departmentCode = complaint.departmentCode();
        }
    }

    public void perform() {
        if (!sameCase()) {
            return;
        }
        highlighted = null;
        try {
            complaint = take(caller.get());
            callback = null;
            looked = true;
            version = complaint.version();
            clearInputs();
            FacesFailures.info("case.done." + action.name());
        } catch (KefuException failure) {
            if (action == CaseAction.REPLY && "case.reply.forbidden".equals(failure.messageKey())) {
                highlighted = highlight(text, language.phrases());
            }
            FacesFailures.show(failure, "case");
            if ("concurrent.change".equals(failure.messageKey())) {
                reload();
            }
        }
    }

    /** The dialog's action, through the method of {@link Cases} it names, with the fields that action reads. */
    private Complaint take(Actor actor) {
        if (action == null) {
            throw cases.refusal(number, version, null);
        }
        return switch (action) {
            case ACCEPT -> cases.accept(number, actor, version);
            case CLASSIFY -> cases.classify(number, actor, version, categoryCode, kind, severity);
            case ROUTE -> cases.route(number, actor, version, departmentCode, text);
            case HANDOVER -> cases.handOver(number, actor, version, toUser, text);
            case PROMISE -> cases.promise(number, actor, version,
                    replyBy == null ? null : replyBy.atZone(tenant.get().zone()).toInstant(), text);
            case NOTE -> cases.note(number, actor, version, text);
            case REPLY -> cases.reply(number, actor, version, text);
            case REQUEST_INFORMATION -> cases.requestInformation(number, actor, version, text);
            case RESOLVE -> cases.resolve(number, actor, version, text);
            case REJECT -> cases.reject(number, actor, version, text);
            case APPROVE_REJECTION -> cases.approveRejection(number, actor, version, text);
            case DENY_REJECTION -> cases.denyRejection(number, actor, version, text);
            case REOPEN -> cases.reopen(number, actor, version, text);
            case ACKNOWLEDGE -> cases.acknowledge(number, actor, version);
            case CLOSE, CALLBACK, ADD_INFORMATION, WITHDRAW, CONFIRM -> throw cases.refusal(number, version, action);
        };
    }

    public void dispatch() {
        if (!sameCase()) {
            return;
        }
        cases.dispatch(number, caller.get(), worker, appointment == null ? null
                : appointment.atZone(tenant.get().zone()).toInstant(), parts);
        reload();
        worker = null;
        appointment = null;
        parts = null;
        FacesFailures.info("dispatch.done");
    }

    public void completeDispatch() {
        if (!sameCase()) {
            return;
        }
        cases.completeDispatch(number, dispatchSeq == null ? 0 : dispatchSeq, caller.get(), result, usedParts);
        reload();
        result = null;
        usedParts = null;
        FacesFailures.info("dispatch.completed.done");
    }

    /** Links the case to the building and unit picked (both cleared: unlinks it). */
    public void linkUnit() {
        if (!sameCase()) {
            return;
        }
        try {
            complaint = cases.linkUnit(number, caller.get(), version, unitBuilding, unitNumber);
            unit = null;
            reload();
            FacesFailures.info("case.unit.done");
        } catch (KefuException failure) {
            FacesFailures.show(failure, "case");
            if ("concurrent.change".equals(failure.messageKey())) {
                reload();
            }
        }
    }

    /** The unit the case is linked to, or {@code null}. */
    public Unit getUnit() {
        if (unit == null && getCase() != null && complaint.unitId() != null) {
            unit = cases.unitOf(complaint).orElse(null);
        }
        return unit;
    }

    public List<String> completeBuilding(String typed) {
        return units.buildings(typed);
    }

    public List<String> completeUnitNumber(String typed) {
        return units.numbersIn(unitBuilding, typed);
    }

    public String getUnitBuilding() {
        return unitBuilding;
    }

    public void setUnitBuilding(String unitBuilding) {
        this.unitBuilding = unitBuilding;
    }

    public String getUnitNumber() {
        return unitNumber;
    }

    public void setUnitNumber(String unitNumber) {
        this.unitNumber = unitNumber;
    }

    /** Reads the case again, also after a change made by a panel of the page (compensation) beside the dialog. */
    public void reload() {
        looked = false;
        unit = null;
        callback = null;
        version = null;
        getCase();
    }

    private void clearInputs() {
        text = null;
        toUser = null;
        replyBy = null;
    }

    /** The reply with every forbidden phrase marked, HTML-escaped around the marks. */
    static String highlight(String reply, ForbiddenPhrases phrases) {
        if (reply == null) {
            return null;
        }
        StringBuilder html = new StringBuilder();
        int at = 0;
        for (ForbiddenPhrases.Finding finding : phrases.findIn(reply)) {
            if (finding.start() < at) {
                continue;
            }
            html.append(escape(reply.substring(at, finding.start()))).append("<mark class=\"kefu-forbidden\">")
                    .append(escape(reply.substring(finding.start(), finding.end()))).append("</mark>");
            at = finding.end();
        }
        return html.append(escape(reply.substring(at))).toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    public boolean may(String name) {
        return getCase() != null && getCase().allowedActions().contains(CaseAction.valueOf(name));
    }

    /** The actions to offer this user now: allowed by the workflow, and theirs to take (the domain checks again). */
    public boolean offered(String name) {
        if (!may(name)) {
            return false;
        }
        CaseAction offered = CaseAction.valueOf(name);
        boolean supervisor = isSupervisor();
        return switch (offered) {
            case CLOSE, CALLBACK -> false;
            case APPROVE_REJECTION, DENY_REJECTION, ACKNOWLEDGE -> supervisor;
            case ACCEPT, NOTE -> true;
            case CLASSIFY -> getCase().owner() == null || getCase().isOwnedBy(caller.get());
            default -> getCase().isOwnedBy(caller.get());
        };
    }

    /** The case's latest callback (回访), or {@code null} before its first resolution. */
    public CallbackTask getCallback() {
        if (getCase() == null) {
            return null;
        }
        if (callback == null) {
            callback = callbacks.ofCase(getCase()).stream().findFirst().orElse(null);
        }
        return callback;
    }

    public boolean isOverdue() {
        return getCase() != null && getCase().isOverdue(clock.instant());
    }

    public boolean isSupervisor() {
        return caller.get().supervisor();
    }

    public List<CaseEvent> getHistory() {
        if (getCase() == null) {
            return List.of();
        }
        List<CaseEvent> events = new ArrayList<>(getCase().history());
        Collections.reverse(events);
        return events;
    }

    public List<Attachment.Summary> getAttachments() {
        return getCase() == null ? List.of() : cases.attachments(getCase());
    }

    public List<DispatchOrder> getDispatchOrders() {
        return getCase() == null ? List.of() : cases.dispatchOrders(getCase());
    }

    public List<CannedReply> getCannedReplies() {
        return getCase() == null ? List.of() : language.cannedRepliesFor(getCase().categoryCode());
    }

    /** A department's name in the page's language, or its code when it no longer exists. */
    public String departmentName(String code, java.util.Locale locale) {
        return code == null ? "—" : getDepartments().stream().filter(d -> d.code().value().equals(code)).findFirst()
                .map(d -> d.name().in(locale)).orElse(code);
    }

    /** A category's name in the page's language, or its code when it no longer exists. */
    public String categoryName(String code, java.util.Locale locale) {
        return code == null ? "—" : getCategories().stream().filter(c -> c.code().value().equals(code)).findFirst()
                .map(c -> c.name().in(locale)).orElse(code);
    }

    public List<Category> getCategories() {
        return workspace.categories();
    }

    public List<Department> getDepartments() {
        return workspace.departments();
    }

    public List<Member> getStaff() {
        return office.assignable();
    }

    public Set<CaseAction> getDialogActions() {
        return Set.of(CaseAction.values());
    }

    public String getApiBase() {
        return request.getContextPath() + "/api/v1/tenants/" + tenant.get().slug().value() + "/complaints/";
    }

    public CaseKind[] getKinds() {
        return CaseKind.values();
    }

    public Severity[] getSeverities() {
        return Severity.values();
    }

    public String getHighlighted() {
        return highlighted;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public CaseAction getAction() {
        return action;
    }

    public void setAction(CaseAction action) {
        this.action = action;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getCategoryCode() {
        return categoryCode;
    }

    public void setCategoryCode(String categoryCode) {
        this.categoryCode = categoryCode;
    }

    public CaseKind getKind() {
        return kind;
    }

    public void setKind(CaseKind kind) {
        this.kind = kind;
    }

    public Severity getSeverity() {
        return severity;
    }

    public void setSeverity(Severity severity) {
        this.severity = severity;
    }

    public String getDepartmentCode() {
        return departmentCode;
    }

    public void setDepartmentCode(String departmentCode) {
        this.departmentCode = departmentCode;
    }

    public String getToUser() {
        return toUser;
    }

    public void setToUser(String toUser) {
        this.toUser = toUser;
    }

    public LocalDateTime getReplyBy() {
        return replyBy;
    }

    public void setReplyBy(LocalDateTime replyBy) {
        this.replyBy = replyBy;
    }

    public String getWorker() {
        return worker;
    }

    public void setWorker(String worker) {
        this.worker = worker;
    }

    public LocalDateTime getAppointment() {
        return appointment;
    }

    public void setAppointment(LocalDateTime appointment) {
        this.appointment = appointment;
    }

    public String getParts() {
        return parts;
    }

    public void setParts(String parts) {
        this.parts = parts;
    }

    /** The dispatch orders still waiting for the worker's report. */
    public List<DispatchOrder> getOpenDispatchOrders() {
        return getDispatchOrders().stream().filter(d -> !d.isDone()).toList();
    }

    public String getResult() {
        return result;
    }

    public void setResult(String result) {
        this.result = result;
    }

    public String getUsedParts() {
        return usedParts;
    }

    public void setUsedParts(String usedParts) {
        this.usedParts = usedParts;
    }

    public Integer getDispatchSeq() {
        return dispatchSeq;
    }

    public void setDispatchSeq(Integer dispatchSeq) {
        this.dispatchSeq = dispatchSeq;
    }
}
