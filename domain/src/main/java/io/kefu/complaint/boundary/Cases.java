package io.kefu.complaint.boundary;

import io.kefu.complaint.entity.Actor;
import io.kefu.complaint.entity.Attachment;
import io.kefu.complaint.entity.CaseAction;
import io.kefu.complaint.entity.CaseKind;
import io.kefu.complaint.entity.CaseNumber;
import io.kefu.complaint.entity.CaseReopening;
import io.kefu.complaint.entity.CaseResolved;
import io.kefu.complaint.entity.CaseStatus;
import io.kefu.complaint.entity.Complaint;
import io.kefu.complaint.entity.DispatchOrder;
import io.kefu.complaint.entity.Escalation;
import io.kefu.complaint.entity.ServiceLevel;
import io.kefu.complaint.entity.Severity;
import io.kefu.deadline.WorkingCalendar;
import io.kefu.deadline.boundary.Calendars;
import io.kefu.identity.boundary.Member;
import io.kefu.notice.boundary.Notices;
import io.kefu.notice.entity.Notice;
import io.kefu.phrase.boundary.ServiceLanguage;
import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import io.kefu.problem.Writes;
import io.kefu.resident.boundary.Units;
import io.kefu.resident.entity.Unit;
import io.kefu.workspace.boundary.Office;
import io.kefu.workspace.boundary.Workspace;
import io.kefu.workspace.entity.Code;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Staff and supervisors working on the current tenant's cases: find one by number, take an action on it,
 * issue and complete dispatch orders, read its files. Each call is one transaction: load, let the case apply
 * the rule, store, tell whoever must know. The caller passes the version they saw; if the case changed since,
 * the action is refused as a conflict and nothing is written.
 */
@ApplicationScoped
@Transactional
public class Cases {

    /** What an action needs besides the case and the actor; fields the action does not use are ignored. */
    public record Command(CaseAction action, Long version, String text, String categoryCode, CaseKind kind,
            Severity severity, String departmentCode, String toUser, Instant replyBy) {

        public static Command of(CaseAction action, Long version, String text) {
            return new Command(action, version, text, null, null, null, null, null, null);
        }
    }

    @Inject
    EntityManager em;

    @Inject
    Workspace workspace;

    @Inject
    Office office;

    @Inject
    Calendars calendars;

    @Inject
    ServiceLevels serviceLevels;

    @Inject
    ServiceLanguage language;

    @Inject
    Notices notices;

    @Inject
    Escalations escalations;

    @Inject
    Event<CaseResolved> resolved;

    @Inject
    Event<CaseReopening> reopening;

    @Inject
    Units units;

    @Inject
    io.kefu.compensation.boundary.Compensations compensations;

    @Inject
    Clock clock;

    public Optional<Complaint> find(String number) {
        Optional<CaseNumber> parsed = CaseNumber.parse(number == null ? "" : number.strip());
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        return em.createNamedQuery(Complaint.BY_NUMBER, Complaint.class)
                .setParameter("number", parsed.get().toString())
                .getResultStream().findFirst().map(Complaint::withHistoryLoaded);
    }

    /** The case with this number in the current tenant; 404 otherwise (also when another tenant has it). */
    public Complaint get(String number) {
        return find(number).orElseThrow(() -> KefuException.notFound("case.not.found", number));
    }

    /**
     * Hands every case {@code leaving} owns that the workflow lets change hands to {@code heir}, each with
     * {@code reason} in its history, as when a person leaves the tenant; the heir is told, as for any hand-over.
     * A case waiting for its callback keeps its owner (its callback is the work left, and moves with the callbacks).
     * How many cases moved.
     */
    public int handOverAllOf(String leaving, String heir, Actor actor, String reason) {
        Member to = office.assignee(heir, "successor");
        List<Complaint> owned = em.createNamedQuery(Complaint.OPEN_OF_OWNER, Complaint.class)
                .setParameter("owner", leaving)
                .setParameter("open", java.util.Arrays.stream(CaseStatus.values())
                        .filter(s -> s.allowedActions().contains(CaseAction.HANDOVER)).toList())
                .getResultList();
        for (Complaint complaint : owned) {
            complaint.handOver(actor, to.username(), reason, clock);
            notices.tell(List.of(to), Notice.Kind.HANDED_OVER, complaint);
        }
        return owned.size();
    }

    /** Takes one action on a case as {@code actor}; the version must be the one the actor saw. */
    public Complaint act(String number, Actor actor, Command command) {
        Complaint complaint = get(number);
        if (command.action() == null) {
            throw KefuException.invalid("action", "field.required");
        }
        if (command.version() == null) {
            throw KefuException.invalid("version", "field.required");
        }
        if (command.version() != complaint.version()) {
            throw KefuException.conflict("concurrent.change");
        }
        switch (command.action()) {
            case ACCEPT -> complaint.accept(actor, clock);
            case CLASSIFY -> classify(complaint, actor, command);
            case ROUTE -> {
                Code department = department(command.departmentCode());
                complaint.route(actor, department.value(), command.text(), clock);
                notices.tell(office.staff().stream().filter(m -> office.handlersOf(department.value())
                        .contains(m.username())).toList(), Notice.Kind.ROUTED, complaint);
            }
            case HANDOVER -> {
                Member to = office.assignee(command.toUser(), "toUser");
                complaint.handOver(actor, to.username(), command.text(), clock);
                notices.tell(List.of(to), Notice.Kind.HANDED_OVER, complaint);
            }
            case PROMISE -> complaint.promise(actor, command.replyBy(), command.text(), clock);
            case NOTE -> complaint.note(actor, command.text(), clock);
            case REPLY -> {
                compensations.requireApprovalForPromise(complaint, command.text(), "text");
                complaint.reply(actor, command.text(), language.phrases(), clock);
                notices.tellResident(complaint, command.text().strip());
            }
            case REQUEST_INFORMATION -> {
                complaint.requestInformation(actor, command.text(), clock);
                notices.tellResident(complaint, command.text().strip());
            }
            case RESOLVE -> {
                complaint.resolve(actor, command.text(), clock);
                resolved.fire(new CaseResolved(complaint, actor));
                notices.tellResident(complaint, complaint.resolution());
            }
            case REJECT -> {
                complaint.reject(actor, command.text(), clock);
                notices.tell(office.supervisors().stream().filter(m -> !m.username().equals(actor.username()))
                        .toList(), Notice.Kind.REJECTION_REQUESTED, complaint);
            }
            case APPROVE_REJECTION -> complaint.approveRejection(actor, command.text(), clock);
            case DENY_REJECTION -> complaint.denyRejection(actor, command.text(), clock);
            case REOPEN -> {
                // The case refuses anybody but its owner or a supervisor before the callback package may refuse.
                complaint.checkReopening(actor);
                reopening.fire(new CaseReopening(complaint, actor));
                complaint.reopen(actor, command.text(), clock);
            }
            // Only a callback outcome closes a case; see the callback package.
            case CLOSE, CALLBACK -> throw KefuException.conflict("case.close.needs.callback");
            case ACKNOWLEDGE -> {
                // The manager (经理) acknowledges; where none is named, any supervisor stands in.
                if (office.managers().stream().noneMatch(m -> m.username().equals(actor.username()))) {
                    throw new KefuException(Failure.FORBIDDEN, "case.manager.only");
                }
                complaint.acknowledge(actor, clock);
            }
            case ADD_INFORMATION, WITHDRAW, CONFIRM ->
                throw new KefuException(Failure.FORBIDDEN, "case.action.resident.only");
            default -> throw new IllegalStateException("unhandled action " + command.action());
        }
        flush();
        return complaint;
    }

    /**
     * Links the case to a unit of the resident register, named by building and number, or unlinks it when both are
     * blank; any staff member may, in every status (the reports count by it). The version must be the one seen.
     */
    public Complaint linkUnit(String number, Actor actor, Long version, String building, String unitNumber) {
        Complaint complaint = get(number);
        boolean unlink = (building == null || building.isBlank()) && (unitNumber == null || unitNumber.isBlank());
        Unit unit = unlink ? null : units.get(building, unitNumber, "");
        if (version == null) {
            throw KefuException.invalid("version", "field.required");
        }
        if (version != complaint.version()) {
            throw KefuException.conflict("concurrent.change");
        }
        complaint.linkUnit(actor, unit == null ? null : unit.id(), unit == null ? null : unit.label(), clock);
        flush();
        return complaint;
    }

    /** The unit the case is linked to, if any. */
    public Optional<Unit> unitOf(Complaint complaint) {
        return units.byId(complaint.unitId());
    }

    public List<Attachment.Summary> attachments(Complaint complaint) {
        return em.createNamedQuery(Attachment.OF_CASE, Attachment.Summary.class)
                .setParameter("complaint", complaint).getResultList();
    }

    public Optional<Attachment> attachment(Complaint complaint, int seq) {
        return em.createNamedQuery(Attachment.BY_SEQ, Attachment.class).setParameter("complaint", complaint)
                .setParameter("seq", seq).getResultStream().findFirst();
    }

    public List<DispatchOrder> dispatchOrders(Complaint complaint) {
        return em.createNamedQuery(DispatchOrder.OF_CASE, DispatchOrder.class)
                .setParameter("complaint", complaint).getResultList();
    }

    /** Sends a worker (派工): by the owner, a supervisor, or a handler of the case's department. */
    public DispatchOrder dispatch(String number, Actor actor, String worker, Instant appointment, String parts) {
        Complaint complaint = get(number);
        requireWorker(complaint, actor);
        DispatchOrder order = new DispatchOrder(complaint, dispatchOrders(complaint).size() + 1, worker,
                appointment, parts, actor.username(), clock);
        complaint.recordDispatch(actor, "#" + order.seq() + " " + order.worker(), clock);
        em.persist(order);
        flush();
        return order;
    }

    /** The worker's report on a dispatch order, by the same people who may dispatch. */
    public DispatchOrder completeDispatch(String number, int seq, Actor actor, String result, String parts) {
        Complaint complaint = get(number);
        requireWorker(complaint, actor);
        DispatchOrder order = dispatchOrders(complaint).stream().filter(d -> d.seq() == seq).findFirst()
                .orElseThrow(() -> KefuException.notFound("dispatch.not.found", seq));
        order.complete(result, parts, actor.username(), clock);
        complaint.recordDispatch(actor, "#" + seq + " " + order.result(), clock);
        flush();
        return order;
    }

    private void requireWorker(Complaint complaint, Actor actor) {
        boolean handler = complaint.departmentCode() != null
                && office.departmentsOf(actor.username()).contains(complaint.departmentCode());
        if (!complaint.isOwnedBy(actor) && !handler) {
            throw new KefuException(Failure.FORBIDDEN, "dispatch.not.allowed");
        }
    }

    /** New kind, severity or category; deadlines follow, and a case that becomes major is reported at once. */
    private void classify(Complaint complaint, Actor actor, Command command) {
        if (command.categoryCode() != null && !command.categoryCode().isBlank()) {
            Code code = code(command.categoryCode(), "categoryCode", "category.not.found");
            if (workspace.findCategory(code).filter(c -> c.isActive()).isEmpty()) {
                throw KefuException.invalid("categoryCode", "category.not.found", code.value());
            }
        }
        CaseKind kind = command.kind() == null ? complaint.kind() : command.kind();
        Severity severity = command.severity() == null ? complaint.severity() : command.severity();
        boolean becomesMajor = severity == Severity.MAJOR && complaint.severity() != Severity.MAJOR;
        ServiceLevel.Deadlines deadlines = null;
        if (kind != complaint.kind() || severity != complaint.severity()) {
            // New deadlines from registration, by the new kind and severity, plus the time spent waiting.
            WorkingCalendar calendar = calendars.calendar();
            ServiceLevel.Deadlines fresh = serviceLevels.levelFor(calendar, kind, severity,
                    complaint.contactPhone()).deadlines(complaint.registeredAt(), calendar, List.of());
            deadlines = complaint.pausedWorkingTime().isZero() ? fresh : new ServiceLevel.Deadlines(
                    calendar.plus(fresh.firstResponseDue(), complaint.pausedWorkingTime()),
                    calendar.plus(fresh.resolutionDue(), complaint.pausedWorkingTime()));
        }
        complaint.classify(actor, command.categoryCode() == null ? complaint.categoryCode() : command.categoryCode(),
                kind, severity, deadlines, clock);
        if (becomesMajor) {
            escalations.escalate(complaint, Escalation.Reason.MAJOR);
        }
    }

    private Code department(String departmentCode) {
        Code code = code(departmentCode, "departmentCode", "department.not.found");
        if (workspace.findDepartment(code).filter(d -> d.isActive()).isEmpty()) {
            throw KefuException.invalid("departmentCode", "department.not.found", code.value());
        }
        return code;
    }

    private static Code code(String value, String field, String notFoundKey) {
        if (value == null || value.isBlank()) {
            throw KefuException.invalid(field, "field.required");
        }
        try {
            return new Code(value.strip());
        } catch (KefuException malformed) {
            throw KefuException.invalid(field, notFoundKey, value.strip());
        }
    }

    private void flush() {
        Writes.flush(em);
    }
}
