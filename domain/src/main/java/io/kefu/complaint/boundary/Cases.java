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
import java.util.function.Consumer;

/**
 * Staff and supervisors working on the current tenant's cases: find one by number, take an action on it (one
 * method an action, named after it, with what that action needs), issue and complete dispatch orders, read its
 * files. Each call is one transaction: load, let the case apply the rule, store, tell whoever must know. The
 * caller passes the version they saw; if the case changed since, the action is refused as a conflict and nothing
 * is written.
 */
@ApplicationScoped
@Transactional
public class Cases {

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

    /** {@code actor} takes the case and owns it from now on (首问负责). */
    public Complaint accept(String number, Actor actor, Long version) {
        return change(number, version, complaint -> complaint.accept(actor, clock));
    }

    /**
     * New category, kind or severity ({@code null}: as it is); deadlines follow, and a case that becomes major is
     * reported at once.
     */
    public Complaint classify(String number, Actor actor, Long version, String categoryCode, CaseKind kind,
            Severity severity) {
        return change(number, version, complaint -> {
            if (categoryCode != null && !categoryCode.isBlank()) {
                Code code = code(categoryCode, "categoryCode", "category.not.found");
                if (workspace.findCategory(code).filter(c -> c.isActive()).isEmpty()) {
                    throw KefuException.invalid("categoryCode", "category.not.found", code.value());
                }
            }
            CaseKind newKind = kind == null ? complaint.kind() : kind;
            Severity newSeverity = severity == null ? complaint.severity() : severity;
            boolean becomesMajor = newSeverity == Severity.MAJOR && complaint.severity() != Severity.MAJOR;
            complaint.classify(actor, categoryCode == null ? complaint.categoryCode() : categoryCode, newKind,
                    newSeverity, deadlinesAfter(complaint, newKind, newSeverity), clock);
            if (becomesMajor) {
                escalations.escalate(complaint, Escalation.Reason.MAJOR);
            }
        });
    }

    /** The case goes to an active department, whose handlers are told; {@code note} says why, if anything. */
    public Complaint route(String number, Actor actor, Long version, String departmentCode, String note) {
        return change(number, version, complaint -> {
            Code department = department(departmentCode);
            complaint.route(actor, department.value(), note, clock);
            notices.tell(office.staff().stream().filter(m -> office.handlersOf(department.value())
                    .contains(m.username())).toList(), Notice.Kind.ROUTED, complaint);
        });
    }

    /** The case changes owner, with a reason; the new owner is told. */
    public Complaint handOver(String number, Actor actor, Long version, String toUser, String reason) {
        return change(number, version, complaint -> {
            Member to = office.assignee(toUser, "toUser");
            complaint.handOver(actor, to.username(), reason, clock);
            notices.tell(List.of(to), Notice.Kind.HANDED_OVER, complaint);
        });
    }

    /** The resident is told by when they will hear from the office (告知答复时间). */
    public Complaint promise(String number, Actor actor, Long version, Instant replyBy, String note) {
        return change(number, version, complaint -> complaint.promise(actor, replyBy, note, clock));
    }

    /** An internal note; the resident never sees it. */
    public Complaint note(String number, Actor actor, Long version, String text) {
        return change(number, version, complaint -> complaint.note(actor, text, clock));
    }

    /**
     * A public reply, which the resident is sent; refused when it has a forbidden phrase, or promises compensation
     * that was not approved.
     */
    public Complaint reply(String number, Actor actor, Long version, String text) {
        return change(number, version, complaint -> {
            compensations.requireApprovalForPromise(complaint, text, "text");
            complaint.reply(actor, text, language.phrases(), clock);
            notices.tellResident(complaint, text.strip());
        });
    }

    /** A question the resident is sent; the deadlines wait for the answer. */
    public Complaint requestInformation(String number, Actor actor, Long version, String question) {
        return change(number, version, complaint -> {
            complaint.requestInformation(actor, question, clock);
            notices.tellResident(complaint, question.strip());
        });
    }

    /** The work is done: the callback is opened (see the callback package) and the resident is sent the resolution. */
    public Complaint resolve(String number, Actor actor, Long version, String resolution) {
        return change(number, version, complaint -> {
            complaint.resolve(actor, resolution, clock);
            resolved.fire(new CaseResolved(complaint, actor));
            notices.tellResident(complaint, complaint.resolution());
        });
    }

    /** Asks to close the case as not upheld; the other supervisors are told, as one of them decides. */
    public Complaint reject(String number, Actor actor, Long version, String reason) {
        return change(number, version, complaint -> {
            complaint.reject(actor, reason, clock);
            notices.tell(office.supervisors().stream().filter(m -> !m.username().equals(actor.username()))
                    .toList(), Notice.Kind.REJECTION_REQUESTED, complaint);
        });
    }

    public Complaint approveRejection(String number, Actor actor, Long version, String note) {
        return change(number, version, complaint -> complaint.approveRejection(actor, note, clock));
    }

    public Complaint denyRejection(String number, Actor actor, Long version, String note) {
        return change(number, version, complaint -> complaint.denyRejection(actor, note, clock));
    }

    /**
     * Sends the case back to work, with the reason. The case refuses anybody but its owner or a supervisor first;
     * then the callback package may refuse a reopening before the callback (see {@link CaseReopening}).
     */
    public Complaint reopen(String number, Actor actor, Long version, String reason) {
        return change(number, version, complaint -> {
            complaint.checkReopening(actor);
            reopening.fire(new CaseReopening(complaint, actor));
            complaint.reopen(actor, reason, clock);
        });
    }

    /** The manager (经理) acknowledges a major case; where none is named, any supervisor stands in. */
    public Complaint acknowledge(String number, Actor actor, Long version) {
        return change(number, version, complaint -> {
            if (office.managers().stream().noneMatch(m -> m.username().equals(actor.username()))) {
                throw new KefuException(Failure.FORBIDDEN, "case.manager.only");
            }
            complaint.acknowledge(actor, clock);
        });
    }

    /**
     * The failure for an action staff do not take on the case itself, for a boundary that takes actions by name:
     * closing and callback attempts come from the callback (only its outcome closes a case), the resident's own
     * actions from the tracking link. The case and the version seen are checked first, as for any action, so a
     * stale page hears of the change; no action at all is a missing field, told before the version.
     */
    public KefuException refusal(String number, Long version, CaseAction action) {
        if (action == null) {
            get(number);
            return KefuException.invalid("action", "field.required");
        }
        seen(number, version);
        return switch (action) {
            case CLOSE, CALLBACK -> KefuException.conflict("case.close.needs.callback");
            case ADD_INFORMATION, WITHDRAW, CONFIRM ->
                new KefuException(Failure.FORBIDDEN, "case.action.resident.only");
            default -> throw new IllegalArgumentException(action + " is taken through its own method");
        };
    }

    /**
     * Links the case to a unit of the resident register, named by building and number, or unlinks it when both are
     * blank; any staff member may, in every status (the reports count by it). The version must be the one seen.
     */
    public Complaint linkUnit(String number, Actor actor, Long version, String building, String unitNumber) {
        Complaint complaint = get(number);
        boolean unlink = (building == null || building.isBlank()) && (unitNumber == null || unitNumber.isBlank());
        Unit unit = unlink ? null : units.get(building, unitNumber, "");
        requireSeen(complaint, version);
        complaint.linkUnit(actor, unit == null ? null : unit.id(), unit == null ? null : unit.label(), clock);
        return stored(complaint);
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

    /**
     * One action's transaction: the case as the actor saw it (404 when there is none, 422 without the version, 409
     * when it changed since), the action, and the change written before the call returns.
     */
    private Complaint change(String number, Long version, Consumer<Complaint> action) {
        Complaint complaint = seen(number, version);
        action.accept(complaint);
        return stored(complaint);
    }

    private Complaint seen(String number, Long version) {
        Complaint complaint = get(number);
        requireSeen(complaint, version);
        return complaint;
    }

    /**
     * New deadlines from registration, by the new kind and severity, plus the time spent waiting; {@code null} when
     * neither changed.
     */
    private ServiceLevel.Deadlines deadlinesAfter(Complaint complaint, CaseKind kind, Severity severity) {
        if (kind == complaint.kind() && severity == complaint.severity()) {
            return null;
        }
        WorkingCalendar calendar = calendars.calendar();
        ServiceLevel.Deadlines fresh = serviceLevels.levelFor(calendar, kind, severity, complaint.contactPhone())
                .deadlines(complaint.registeredAt(), calendar, List.of());
        return complaint.pausedWorkingTime().isZero() ? fresh : new ServiceLevel.Deadlines(
                calendar.plus(fresh.firstResponseDue(), complaint.pausedWorkingTime()),
                calendar.plus(fresh.resolutionDue(), complaint.pausedWorkingTime()));
    }

    private static void requireSeen(Complaint complaint, Long version) {
        if (version == null) {
            throw KefuException.invalid("version", "field.required");
        }
        if (version != complaint.version()) {
            throw KefuException.conflict("concurrent.change");
        }
    }

    /** Writes the change now, so that a concurrent one fails this call (409), not the commit after it. */
    private Complaint stored(Complaint complaint) {
        flush();
        return complaint;
    }

    private void flush() {
        Writes.flush(em);
    }
}
