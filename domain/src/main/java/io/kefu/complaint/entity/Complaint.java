package io.kefu.complaint.entity;

import io.kefu.time.Clocks;
import io.kefu.deadline.WorkingCalendar;
import io.kefu.phrase.ForbiddenPhrases;
import static io.kefu.problem.Fields.optional;
import static io.kefu.problem.Fields.required;
import static io.kefu.problem.Fields.text;

import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import io.kefu.tenancy.entity.TenantOwned;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A case the office handles: a complaint, repair request, consultation, suggestion or praise. The aggregate
 * root of the complaint workflow.
 *
 * <p>Its story follows the regulations. It is registered with a number and a private tracking link
 * ({@link TrackingKey}), online by the resident or by staff from a call, letter or visit. Whoever accepts it
 * first owns it to the end (首问负责): only the owner, or a supervisor, routes it to a department, hands it
 * over (with a reason), sets a promised reply time, resolves it or asks for it to be closed as not upheld, and
 * that last needs another person, a supervisor, to approve. Public replies pass the tenant's forbidden-phrase
 * check. Every step is appended to its history, which nobody edits; the workflow itself is {@link CaseStatus}.
 * A resolved case waits for its callback (回访) and only the callback's outcome closes it: nobody closes a case
 * by hand.
 */
@Entity
@Table(name = "complaint")
@NamedQuery(name = Complaint.BY_NUMBER, query = "SELECT c FROM Complaint c WHERE c.number = :number")
@NamedQuery(name = Complaint.OPEN_OF_OWNER, query = "SELECT c FROM Complaint c WHERE c.owner = :owner"
        + " AND c.status IN :open ORDER BY c.id")
@jakarta.persistence.EntityListeners(io.kefu.live.DeskChanges.class)
public class Complaint extends TenantOwned {

    public static final String BY_NUMBER = "Complaint.byNumber";
    public static final String OPEN_OF_OWNER = "Complaint.openOfOwner";
    public static final int TEXT_MAXLENGTH = 5_000;
    public static final int SHORT_MAXLENGTH = 200;
    public static final int NAME_MAXLENGTH = 100;
    public static final int PHONE_MAXLENGTH = 32;
    public static final int EMAIL_MAXLENGTH = 254;
    public static final int OUTCOME_MAXLENGTH = 1_000;
    /** Mainland mobile (13800138000) or international (+852 9123 4567); spaces and dashes are ignored. */
    /** Responsibility lies outside the office or with nobody (外部 / 无法归属); no department code looks like it. */
    public static final String EXTERNAL = "_external";

    private static final Pattern PHONE = Pattern.compile("^(1[3-9]\\d{9}|\\+[1-9]\\d{6,14})$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    @Id
    @SequenceGenerator(name = "complaint_id", sequenceName = "complaint_id_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "complaint_id")
    private Long id;

    @Column(name = "case_number", nullable = false, updatable = false, length = CaseNumber.MAX_LENGTH)
    private String number;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 16)
    private CaseKind kind;

    @Column(name = "category_code", length = 40)
    private String categoryCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "severity", nullable = false, length = 16)
    private Severity severity;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false, updatable = false, length = 16)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 32)
    private CaseStatus status;

    @Column(name = "description", nullable = false, updatable = false, length = TEXT_MAXLENGTH)
    private String description;

    @Column(name = "location", length = SHORT_MAXLENGTH)
    private String location;

    @Column(name = "contact_name", length = NAME_MAXLENGTH)
    private String contactName;

    @Column(name = "contact_phone", length = PHONE_MAXLENGTH)
    private String contactPhone;

    @Column(name = "contact_email", length = EMAIL_MAXLENGTH)
    private String contactEmail;

    @Column(name = "desired_outcome", updatable = false, length = OUTCOME_MAXLENGTH)
    private String desiredOutcome;

    @Column(name = "anonymous", nullable = false, updatable = false)
    private boolean anonymous;

    @Column(name = "registered_at", nullable = false, updatable = false)
    private OffsetDateTime registeredAt;

    @Column(name = "registered_by", updatable = false, length = 64)
    private String registeredBy;

    @Column(name = "owner_username", length = 64)
    private String owner;

    @Column(name = "department_code", length = 40)
    private String departmentCode;

    @Column(name = "promised_reply_by")
    private OffsetDateTime promisedReplyBy;

    /**
     * The marks of the current promise (see {@link #promise}): when it was made, when the customer first heard from
     * the office after it (a public reply, a question, the resolution), when its owner was reminded and when it was
     * recorded as missed. The watch sets the last two once each; a new promise clears all but its own moment.
     */
    @Column(name = "promised_at")
    private OffsetDateTime promisedAt;

    @Column(name = "promise_kept_at")
    private OffsetDateTime promiseKeptAt;

    @Column(name = "promise_reminded_at")
    private OffsetDateTime promiseRemindedAt;

    @Column(name = "promise_missed_at")
    private OffsetDateTime promiseMissedAt;

    @Column(name = "first_response_due", nullable = false)
    private OffsetDateTime firstResponseDue;

    @Column(name = "resolution_due", nullable = false)
    private OffsetDateTime resolutionDue;

    @Column(name = "first_responded_at")
    private OffsetDateTime firstRespondedAt;

    @Column(name = "resolved_at")
    private OffsetDateTime resolvedAt;

    @Column(name = "resolution", length = TEXT_MAXLENGTH)
    private String resolution;

    @Column(name = "rejection_requested_by", length = 64)
    private String rejectionRequestedBy;

    /** Since when the case waits on the resident's information; its deadlines stand still meanwhile. */
    @Column(name = "waiting_since")
    private OffsetDateTime waitingSince;

    /** Working time the case spent waiting on the resident, added to its deadlines (also when reclassified). */
    @Column(name = "paused_minutes", nullable = false)
    private int pausedMinutes;

    /** The signed-in resident who filed it online (their "my cases"), or {@code null}. */
    @Column(name = "reporter_username", updatable = false, length = 64)
    private String reporter;

    /** 0 on time; 1 reported to the supervisors as overdue; 2 reported to the manager. */
    @Column(name = "escalation_level", nullable = false)
    private int escalationLevel;

    @Column(name = "major_acknowledged_by", length = 64)
    private String majorAcknowledgedBy;

    /** The callback outcome the case was closed with; {@code null} while it is not closed. */
    @Enumerated(EnumType.STRING)
    @Column(name = "callback_outcome", length = 24)
    private CallbackOutcome callbackOutcome;

    /**
     * When the case last reached a finished status (closed, not upheld, withdrawn): the moment that puts it in a
     * month's report (docs/REPORTS.md). Set and cleared by the workflow itself in {@link #step}: a reopening clears
     * it, so a reopened case counts as closed in the month of its last closing only.
     */
    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    /**
     * The unit on the resident register the case is about, when known: by id, not as a relation, because only the
     * reports (by building, recurring in one unit) and the case page need it, and loading every case must not load
     * a unit too.
     */
    @Column(name = "unit_id")
    private Long unitId;

    /**
     * The customer record (客户档案) the case belongs to, when the contact is on the register; kept as an id like
     * the unit, so that loading a case never loads a record whose reading may have to be logged.
     */
    @Column(name = "customer_id")
    private Long customerId;

    /**
     * When the contact's personal data was removed ({@link #anonymise}): by the retention policy or on the
     * customer's request; {@code null} while it is kept. The contact columns change only this way after filing.
     */
    @Column(name = "anonymised_at")
    private OffsetDateTime anonymisedAt;

    /**
     * Responsibility attribution (职责归属): whose fault the case was, a supervisor's judgement; {@code null} until
     * judged, {@link #EXTERNAL} when no department of the office is responsible.
     */
    @Column(name = "responsible_department_code", length = 40)
    private String responsibleDepartmentCode;

    // Lazy (lists of cases do not show it), and read by withHistoryLoaded() where a case is shown: never after the
    // transaction, when the database refuses tenant rows (row-level security).
    @OneToMany(mappedBy = "complaint", cascade = CascadeType.PERSIST)
    @OrderBy("at ASC, id ASC")
    private List<CaseEvent> history = new ArrayList<>();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Complaint() {
        // for JPA
    }

    /**
     * Registers a case. {@code registeredBy} is the staff member who registered a call, letter or visit, or
     * {@code null} for the resident's own online filing.
     */
    public static Complaint register(CaseNumber number, Intake intake, Channel channel,
            String registeredBy, ServiceLevel.Deadlines deadlines, Clock clock) {
        return register(number, intake, channel, registeredBy, null, deadlines, clock);
    }

    /** As above, for a resident signed in to the portal ({@code reporter}), whose "my cases" list shows it. */
    public static Complaint register(CaseNumber number, Intake intake, Channel channel,
            String registeredBy, String reporter, ServiceLevel.Deadlines deadlines, Clock clock) {
        Complaint c = new Complaint();
        c.reporter = reporter;
        c.number = Objects.requireNonNull(number).toString();
        c.fill(intake);
        c.severity = Severity.ORDINARY;
        c.channel = required(channel, "channel");
        c.anonymous = intake.anonymous();
        c.registeredBy = registeredBy;
        c.status = CaseStatus.REGISTERED;
        c.registeredAt = now(clock);
        c.firstResponseDue = at(deadlines.firstResponseDue());
        c.resolutionDue = at(deadlines.resolutionDue());
        c.history.add(new CaseEvent(c, c.registeredAt, registeredBy == null ? Actor.resident().username()
                : registeredBy, CaseEvent.REGISTERED, null, CaseStatus.REGISTERED, null, true));
        return c;
    }

    /** Checks an intake field by field, reporting every field at fault at once, without registering anything. */
    public static void check(Intake intake) {
        new Complaint().fill(intake);
    }

    private void fill(Intake intake) {
        Complaint c = this;
        KefuException.checkAll(
                () -> c.kind = required(intake.kind(), "kind"),
                () -> c.categoryCode = optional(intake.categoryCode(), "categoryCode", 40),
                () -> c.description = text(intake.description(), "description", TEXT_MAXLENGTH),
                () -> c.location = optional(intake.location(), "location", SHORT_MAXLENGTH),
                () -> c.contactName = intake.anonymous() ? null
                        : optional(intake.contactName(), "contactName", NAME_MAXLENGTH),
                () -> c.contactPhone = phone(intake.contactPhone()),
                () -> c.contactEmail = email(intake.contactEmail()),
                () -> c.desiredOutcome = optional(intake.desiredOutcome(), "desiredOutcome", OUTCOME_MAXLENGTH));
    }

    /** The acceptor becomes the owner, and the case has had its first response. */
    public void accept(Actor actor, Clock clock) {
        step(actor, CaseAction.ACCEPT, null, true, clock);
        owner = actor.username();
        respondedAt(clock);
    }

    /** Category, kind and severity; new deadlines when the severity or kind changed them. */
    public void classify(Actor actor, String category, CaseKind newKind, Severity newSeverity,
            ServiceLevel.Deadlines newDeadlines, Clock clock) {
        requireOwnerOrSupervisorOnceOwned(actor);
        step(actor, CaseAction.CLASSIFY, newKind + " " + newSeverity + (category == null ? "" : " " + category),
                false, clock);
        categoryCode = optional(category, "categoryCode", 40);
        kind = required(newKind, "kind");
        severity = required(newSeverity, "severity");
        if (newDeadlines != null) {
            firstResponseDue = at(newDeadlines.firstResponseDue());
            resolutionDue = at(newDeadlines.resolutionDue());
        }
    }

    /** The responsible department works on it now; the owner still owns it. */
    public void route(Actor actor, String department, String note, Clock clock) {
        requireOwnerOrSupervisor(actor);
        String code = text(department, "departmentCode", 40);
        String why = optional(note, "note", TEXT_MAXLENGTH);
        step(actor, CaseAction.ROUTE, code + (why == null ? "" : ": " + why), false, clock);
        departmentCode = code;
    }

    /** Ownership moves only explicitly, with a reason. */
    public void handOver(Actor actor, String toUser, String reason, Clock clock) {
        requireOwnerOrSupervisor(actor);
        String to = text(toUser, "toUser", 64);
        if (to.equals(owner)) {
            throw KefuException.invalid("toUser", "case.handover.same");
        }
        step(actor, CaseAction.HANDOVER, owner + " → " + to + ": " + text(reason, "reason", TEXT_MAXLENGTH),
                false, clock);
        owner = to;
    }

    /** "Never 'I don't know'": when an answer takes time, the customer is told by when (告知答复时间). */
    public void promise(Actor actor, Instant replyBy, String note, Clock clock) {
        requireOwnerOrSupervisor(actor);
        if (replyBy == null || !replyBy.isAfter(clock.instant())) {
            throw KefuException.invalid("replyBy", "case.promise.past");
        }
        step(actor, CaseAction.PROMISE, note == null ? null : optional(note, "note", TEXT_MAXLENGTH), true, clock);
        promisedReplyBy = at(replyBy);
        promisedAt = now(clock);
        promiseKeptAt = null;
        promiseRemindedAt = null;
        promiseMissedAt = null;
        respondedAt(clock);
    }

    /** The history entry of a promise the office did not keep (internal; the reports count these). */
    public static final String PROMISE_MISSED = "PROMISE_MISSED";

    /**
     * Whether the owner is to be reminded of the promise at {@code now}, {@code before} its time: not reminded yet,
     * not kept yet, the time not passed, and the promise made before the reminder's moment (a promise made for
     * within the next {@code before} needs no reminder: its maker has just said it).
     */
    public boolean isPromiseReminderDue(Instant now, Duration before) {
        if (promisedReplyBy == null || promiseRemindedAt != null || promiseKeptAt != null || !status.isRunning()) {
            return false;
        }
        Instant by = promisedReplyBy.toInstant();
        Instant remindAt = by.minus(before);
        // A promise older than its marks (made before V33) has no moment: it was made long before.
        return !now.isBefore(remindAt) && now.isBefore(by)
                && (promisedAt == null || promisedAt.toInstant().isBefore(remindAt));
    }

    /**
     * Marks the reminder as sent, once; false (and nothing changed) when it is not due
     * ({@link #isPromiseReminderDue}).
     */
    public boolean remindOfPromise(Instant now, Duration before) {
        if (!isPromiseReminderDue(now, before)) {
            return false;
        }
        promiseRemindedAt = at(now);
        return true;
    }

    /**
     * Whether the current promise is missed at {@code now} and not recorded yet: its time passed without a word to
     * the customer by then (a later word does not mend it), while the case was still open at that time.
     */
    public boolean isPromiseMissed(Instant now) {
        if (promisedReplyBy == null || promiseMissedAt != null) {
            return false;
        }
        Instant by = promisedReplyBy.toInstant();
        boolean keptInTime = promiseKeptAt != null && !promiseKeptAt.toInstant().isAfter(by);
        boolean finishedBefore = closedAt != null && !closedAt.toInstant().isAfter(by);
        return now.isAfter(by) && !keptInTime && !finishedBefore;
    }

    /**
     * Records the miss, once: the mark, and an internal history entry that stays when a new promise replaces this
     * one (the reports count the entries). False, and nothing changed, when it is not missed or recorded already.
     */
    public boolean recordPromiseMissed(Instant now) {
        if (!isPromiseMissed(now)) {
            return false;
        }
        promiseMissedAt = at(now);
        history.add(new CaseEvent(this, promiseMissedAt, Actor.SYSTEM, PROMISE_MISSED, status, status,
                promisedReplyBy.toString(), false));
        return true;
    }

    /** The customer heard from the office: the first word after the promise keeps it (when in time). */
    private void keepPromise(Clock clock) {
        if (promisedReplyBy != null && promiseKeptAt == null) {
            promiseKeptAt = now(clock);
        }
    }

    public void note(Actor actor, String text, Clock clock) {
        step(actor, CaseAction.NOTE, text(text, "text", TEXT_MAXLENGTH), false, clock);
    }

    /** A public reply; refused, with the offending phrases, when it contains one the tenant forbids. */
    public void reply(Actor actor, String text, ForbiddenPhrases phrases, Clock clock) {
        String reply = text(text, "text", TEXT_MAXLENGTH);
        phrases.requireCourteous(reply, "text");
        step(actor, CaseAction.REPLY, reply, true, clock);
        respondedAt(clock);
        keepPromise(clock);
    }

    /**
     * Asks the resident for what the office needs to go on (a photo, a time to visit…). A public event; the
     * deadlines stand still from now until the resident answers.
     */
    public void requestInformation(Actor actor, String question, Clock clock) {
        requireOwnerOrSupervisor(actor);
        step(actor, CaseAction.REQUEST_INFORMATION, text(question, "text", TEXT_MAXLENGTH), true, clock);
        keepPromise(clock);
        waitingSince = now(clock);
        respondedAt(clock);
    }

    /**
     * The resident adds information through the tracking link. When the office was waiting for it, both
     * deadlines move on by the working time the case spent waiting.
     */
    public void addInformation(String text, WorkingCalendar calendar, Clock clock) {
        step(Actor.resident(), CaseAction.ADD_INFORMATION, text(text, "text", TEXT_MAXLENGTH), true, clock);
        if (waitingSince != null) {
            Duration waited = calendar.between(waitingSince.toInstant(), clock.instant(), List.of());
            firstResponseDue = at(calendar.plus(firstResponseDue.toInstant(), waited));
            resolutionDue = at(calendar.plus(resolutionDue.toInstant(), waited));
            pausedMinutes += (int) waited.toMinutes();
            waitingSince = null;
        }
    }

    /** The resident is satisfied with the solution (their confirmation through the tracking link). */
    public void confirm(String comment, Clock clock) {
        requireWaitingForCallback();
        step(Actor.resident(), CaseAction.CONFIRM, optional(comment, "comment", TEXT_MAXLENGTH), true, clock);
    }

    /**
     * The resident is not satisfied with the solution: the case goes back to work, with their reason. Only while
     * the solution waits for its callback; a closed case is reopened by the office, not through the link.
     */
    public void rejectSolution(String comment, Clock clock) {
        requireWaitingForCallback();
        backToWork(Actor.resident(), text(comment, "comment", TEXT_MAXLENGTH), clock);
    }

    /** The solution is undone: the case is worked on again and will need a new resolution and callback. */
    private void backToWork(Actor actor, String reason, Clock clock) {
        step(actor, CaseAction.REOPEN, reason, true, clock);
        resolvedAt = null;
        resolution = null;
        callbackOutcome = null;
    }

    private void requireWaitingForCallback() {
        if (status != CaseStatus.CALLBACK_PENDING) {
            throw KefuException.conflict("case.action.not.allowed", CaseAction.CONFIRM, status, allowedActions());
        }
    }

    /** The manager acknowledges a major case reported to them; recorded once. */
    public void acknowledge(Actor actor, Clock clock) {
        if (!actor.supervisor()) {
            throw new KefuException(Failure.FORBIDDEN, "case.supervisor.only");
        }
        if (severity != Severity.MAJOR) {
            throw KefuException.conflict("case.acknowledge.not.major");
        }
        if (majorAcknowledgedBy != null) {
            throw KefuException.conflict("case.acknowledge.done", majorAcknowledgedBy);
        }
        step(actor, CaseAction.ACKNOWLEDGE, null, false, clock);
        majorAcknowledgedBy = actor.username();
    }

    /**
     * Records that the case was reported up: {@code level} 1 to the supervisors, 2 to the manager (overdue),
     * or a major case reported at once. Internal, by the system; the caller makes sure it happens once.
     */
    public void escalate(Escalation.Reason reason, Clock clock) {
        history.add(new CaseEvent(this, now(clock), Actor.SYSTEM, CaseEvent.ESCALATED, status, status,
                reason.name(), false));
        escalationLevel = Math.max(escalationLevel, reason.level());
    }

    /**
     * Records that the case's callback is overdue and was reported up ({@code level} 1 to the supervisors,
     * 2 to the manager). Internal, by the system; the callback keeps its own level so this happens once.
     */
    public void callbackEscalated(int level, Clock clock) {
        history.add(new CaseEvent(this, now(clock), Actor.SYSTEM, CaseEvent.ESCALATED, status, status,
                level >= 2 ? "CALLBACK_OVERDUE_MANAGER" : "CALLBACK_OVERDUE", false));
    }

    /**
     * Records work on a repair's dispatch order (派工) in the history: internal, and only while the case is
     * being worked on.
     */
    public void recordDispatch(Actor actor, String what, Clock clock) {
        if (!status.isOpen()) {
            throw KefuException.conflict("dispatch.case.finished");
        }
        history.add(new CaseEvent(this, now(clock), actor.username(), CaseEvent.DISPATCHED, status, status, what,
                false));
    }

    /**
     * Records a step of a compensation proposal (折让、赔款、退货: proposed, approved, refused) in the history:
     * internal, and the case stays where it is. The compensation package says who may take which step.
     */
    public void recordCompensation(Actor actor, String step, String what, Clock clock) {
        record(actor, step, what, clock);
    }

    /** Whether {@code actor} may act for the owner: the owner, or a supervisor. */
    public boolean isOwnedBy(Actor actor) {
        return actor.supervisor() || actor.username().equals(owner);
    }

    public void resolve(Actor actor, String what, Clock clock) {
        requireOwnerOrSupervisor(actor);
        String done = text(what, "resolution", TEXT_MAXLENGTH);
        step(actor, CaseAction.RESOLVE, done, true, clock);
        waitingSince = null;
        resolution = done;
        resolvedAt = now(clock);
        keepPromise(clock);
    }

    /** Asks to close the case as not upheld (客诉不成立); a supervisor other than the asker decides. */
    public void reject(Actor actor, String reason, Clock clock) {
        requireOwnerOrSupervisor(actor);
        step(actor, CaseAction.REJECT, text(reason, "reason", TEXT_MAXLENGTH), false, clock);
        rejectionRequestedBy = actor.username();
    }

    public void approveRejection(Actor actor, String note, Clock clock) {
        decideRejection(actor, CaseAction.APPROVE_REJECTION, note, clock);
    }

    public void denyRejection(Actor actor, String note, Clock clock) {
        decideRejection(actor, CaseAction.DENY_REJECTION, note, clock);
    }

    private void decideRejection(Actor actor, CaseAction decision, String note, Clock clock) {
        if (!actor.supervisor()) {
            throw new KefuException(Failure.FORBIDDEN, "case.supervisor.only");
        }
        if (actor.username().equals(rejectionRequestedBy)) {
            throw new KefuException(Failure.FORBIDDEN, "case.rejection.own");
        }
        step(actor, decision, note == null || note.isBlank() ? null : optional(note, "note", TEXT_MAXLENGTH),
                decision == CaseAction.APPROVE_REJECTION, clock);
        rejectionRequestedBy = null;
    }

    /**
     * The office sends the case back to work, with the reason (the resident called again, the fix did not hold…):
     * its owner or a supervisor, as for every step that decides where the case goes.
     */
    public void reopen(Actor actor, String reason, Clock clock) {
        checkReopening(actor);
        backToWork(actor, text(reason, "reason", TEXT_MAXLENGTH), clock);
    }

    /**
     * Refuses {@code actor} sending the case back to work unless they own it or supervise. {@link #reopen} checks it
     * itself; a caller that tells others before the case moves (and they may refuse it too) checks it first, so
     * that the owner's refusal is the one heard.
     */
    public void checkReopening(Actor actor) {
        requireOwnerOrSupervisor(actor);
    }

    /**
     * The callback found the resident not satisfied: back to work with their comment, whoever made the call (the
     * callback's outcome decides, not the caller; the callback package says who may call back).
     */
    public void reopenAfterCallback(Actor caller, String comment, Clock clock) {
        backToWork(caller, text(comment, "reason", TEXT_MAXLENGTH), clock);
    }

    /** The resident withdraws the case. */
    public void withdraw(String reason, Clock clock) {
        step(Actor.resident(), CaseAction.WITHDRAW, reason == null || reason.isBlank() ? null
                : optional(reason, "reason", TEXT_MAXLENGTH), true, clock);
    }

    /**
     * Closes the case with the outcome of its callback. There is no other way to close a case: without an
     * outcome that closes (anything but "not satisfied"), it is refused.
     */
    public void close(Actor actor, CallbackOutcome outcome, Clock clock) {
        if (outcome == null || !outcome.closesCase()) {
            throw KefuException.conflict("case.close.needs.callback");
        }
        step(actor, CaseAction.CLOSE, outcome.name(), true, clock);
        callbackOutcome = outcome;
    }

    /** A callback attempt that did not end the callback (nobody answered), in the history; internal. */
    public void recordCallbackAttempt(Actor actor, String summary, Clock clock) {
        step(actor, CaseAction.CALLBACK, optional(summary, "comment", TEXT_MAXLENGTH), false, clock);
    }

    /** Overdue: open, and past the resolution deadline (or past the first-response one without a response). */
    public boolean isOverdue(Instant now) {
        if (!status.isRunning()) {
            return false;
        }
        return now.isAfter(resolutionDue.toInstant())
                || (firstRespondedAt == null && now.isAfter(firstResponseDue.toInstant()));
    }

    /**
     * Links the case to the unit it is about (or unlinks it with {@code null}); staff correct it at any time, also
     * after closing, since the reports count by it. The history says who linked which unit.
     */
    public void linkUnit(Actor actor, Long unit, String unitLabel, Clock clock) {
        if (Objects.equals(unit, unitId)) {
            return;
        }
        unitId = unit;
        record(actor, "LINK_UNIT", unit == null ? "—" : unitLabel, clock);
    }

    /**
     * A supervisor's judgement of whose fault the case was: a department code, or {@link #EXTERNAL}. Made in the
     * monthly statistics table, usually after the case is closed, so it is allowed in every status.
     */
    public void attributeResponsibility(Actor actor, String department, Clock clock) {
        if (!actor.supervisor()) {
            throw new KefuException(Failure.FORBIDDEN, "case.attribution.supervisor");
        }
        String code = text(department, "responsibleDepartment", 40);
        if (code.equals(responsibleDepartmentCode)) {
            return;
        }
        record(actor, "ATTRIBUTE", (responsibleDepartmentCode == null ? "—" : responsibleDepartmentCode) + " → " + code,
                clock);
        responsibleDepartmentCode = code;
    }

    /** The responsible department as judged, or, until a supervisor judged it, the handling department proposed. */
    public String responsibleDepartment() {
        return responsibleDepartmentCode != null ? responsibleDepartmentCode : departmentCode;
    }

    /** Whether a supervisor has judged the responsibility (otherwise {@link #responsibleDepartment()} proposes). */
    public boolean isResponsibilityJudged() {
        return responsibleDepartmentCode != null;
    }

    public Long unitId() {
        return unitId;
    }

    /** The customer record of the case, or null when its contact is not on the register. */
    public Long customerId() {
        return customerId;
    }

    /**
     * Files the case under a customer's record: at registration, from the contact's phone on the register, or
     * later by staff who know better. No history entry: it changes no fact of the case the customer was told.
     */
    public void belongTo(Long customer) {
        this.customerId = customer;
    }

    /**
     * Removes the contact's personal data: name, phone, e-mail, the address as given and the link to the customer's
     * record. What the case is about stays — its texts, unit, department, dates and status — so every figure it
     * counts in stays the same (none of these columns is counted). Done once; a second call changes nothing.
     */
    public void anonymise(Clock clock) {
        if (anonymisedAt != null) {
            return;
        }
        contactName = null;
        contactPhone = null;
        contactEmail = null;
        location = null;
        customerId = null;
        anonymisedAt = now(clock);
    }

    /**
     * Whether the retention policy asks for this case's personal data to go: finished before {@code cutoff} and
     * not yet anonymised. An open case never is, however old: the office still needs to reach the customer.
     */
    public boolean isDueForAnonymisation(Instant cutoff) {
        return anonymisedAt == null && !status.isOpen() && closedAt != null && closedAt.toInstant().isBefore(cutoff);
    }

    public boolean isAnonymised() {
        return anonymisedAt != null;
    }

    /** The history entry of a case given to a key customer's named handler at filing. */
    public static final String KEY_CUSTOMER_HANDLER = "KEY_CUSTOMER_HANDLER";

    /**
     * A key customer's (重点客户) new case goes to their named handler: the handler owns it from registration,
     * and the history says why. Only an unowned case is given; the status stays REGISTERED until it is accepted.
     */
    public void giveToKeyCustomerHandler(String handler, Clock clock) {
        if (owner != null) {
            throw new IllegalStateException("case " + number + " is owned already");
        }
        owner = text(handler, "handler", 64);
        record(Actor.supervisor(Actor.SYSTEM), KEY_CUSTOMER_HANDLER, owner, clock);
    }

    /** An internal entry in the history that does not move the case: the status stays what it is. */
    private void record(Actor actor, String what, String text, Clock clock) {
        history.add(new CaseEvent(this, now(clock), actor.username(), what, status, status, text, false));
    }

    private void step(Actor actor, CaseAction action, String text, boolean publicEvent, Clock clock) {
        CaseStatus from = status;
        status = status.apply(action);
        OffsetDateTime at = now(clock);
        if (from.isOpen() && !status.isOpen()) {
            closedAt = at;
        } else if (!from.isOpen() && status.isOpen()) {
            closedAt = null;
        }
        history.add(new CaseEvent(this, at, actor.username(), action.name(), from, status, text, publicEvent));
    }

    private void requireOwnerOrSupervisor(Actor actor) {
        if (!actor.supervisor() && !actor.username().equals(owner)) {
            throw new KefuException(Failure.FORBIDDEN, "case.not.owner", (Object) (owner == null ? "-" : owner));
        }
    }

    /** Before anybody owns the case, any staff member may classify it (e.g. while registering a call). */
    private void requireOwnerOrSupervisorOnceOwned(Actor actor) {
        if (owner != null) {
            requireOwnerOrSupervisor(actor);
        }
    }

    private void respondedAt(Clock clock) {
        if (firstRespondedAt == null) {
            firstRespondedAt = now(clock);
        }
    }

    private static OffsetDateTime now(Clock clock) {
        return Clocks.utcNow(clock);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String phone(String value) {
        String digits = value == null ? "" : value.replaceAll("[\\s-]", "");
        if (digits.isEmpty()) {
            throw KefuException.invalid("contactPhone", "field.required");
        }
        if (!PHONE.matcher(digits).matches()) {
            throw KefuException.invalid("contactPhone", "case.phone.invalid");
        }
        return digits;
    }

    private static String email(String value) {
        String email = optional(value, "contactEmail", EMAIL_MAXLENGTH);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw KefuException.invalid("contactEmail", "field.email.invalid");
        }
        return email;
    }

    public Long id() {
        return id;
    }

    public CaseNumber number() {
        return CaseNumber.parse(number).orElseThrow();
    }

    public CaseStatus status() {
        return status;
    }

    public CaseKind kind() {
        return kind;
    }

    public Severity severity() {
        return severity;
    }

    public Channel channel() {
        return channel;
    }

    public String categoryCode() {
        return categoryCode;
    }

    public String description() {
        return description;
    }

    public String contactPhone() {
        return contactPhone;
    }

    public String contactName() {
        return contactName;
    }

    public String contactEmail() {
        return contactEmail;
    }

    public String location() {
        return location;
    }

    public String desiredOutcome() {
        return desiredOutcome;
    }

    public boolean anonymous() {
        return anonymous;
    }

    public Instant registeredAt() {
        return registeredAt.toInstant();
    }

    public String registeredBy() {
        return registeredBy;
    }

    public String reporter() {
        return reporter;
    }

    public Instant resolvedAt() {
        return resolvedAt == null ? null : resolvedAt.toInstant();
    }

    public String rejectionRequestedBy() {
        return rejectionRequestedBy;
    }

    public Instant waitingSince() {
        return waitingSince == null ? null : waitingSince.toInstant();
    }

    /** The working time this case has waited on the resident so far. */
    public Duration pausedWorkingTime() {
        return Duration.ofMinutes(pausedMinutes);
    }

    public int escalationLevel() {
        return escalationLevel;
    }

    public String majorAcknowledgedBy() {
        return majorAcknowledgedBy;
    }

    public CallbackOutcome callbackOutcome() {
        return callbackOutcome;
    }

    /** When the case last reached closed, not upheld or withdrawn; {@code null} while it is open. */
    public Instant closedAt() {
        return closedAt == null ? null : closedAt.toInstant();
    }

    /** The actions the workflow allows now (who may take them is checked when they are taken). */
    public java.util.Set<CaseAction> allowedActions() {
        return status.allowedActions();
    }

    public String owner() {
        return owner;
    }

    public String departmentCode() {
        return departmentCode;
    }

    public Instant firstResponseDue() {
        return firstResponseDue.toInstant();
    }

    public Instant resolutionDue() {
        return resolutionDue.toInstant();
    }

    public Instant promisedReplyBy() {
        return promisedReplyBy == null ? null : promisedReplyBy.toInstant();
    }

    public Instant promiseKeptAt() {
        return promiseKeptAt == null ? null : promiseKeptAt.toInstant();
    }

    public Instant promiseRemindedAt() {
        return promiseRemindedAt == null ? null : promiseRemindedAt.toInstant();
    }

    public Instant promiseMissedAt() {
        return promiseMissedAt == null ? null : promiseMissedAt.toInstant();
    }

    public Instant firstRespondedAt() {
        return firstRespondedAt == null ? null : firstRespondedAt.toInstant();
    }

    public String resolution() {
        return resolution;
    }

    public List<CaseEvent> history() {
        return Collections.unmodifiableList(history);
    }

    /**
     * This case with its history read now, inside the transaction that loaded it: for the lookups whose case a page
     * or an answer shows after the commit, when the database no longer shows this tenant's rows.
     */
    public Complaint withHistoryLoaded() {
        history.size();
        return this;
    }

    public long version() {
        return version;
    }
}
