package io.kefu.callback.entity;

import io.kefu.complaint.entity.Actor;
import io.kefu.complaint.entity.CallbackOutcome;
import io.kefu.complaint.entity.Complaint;
import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import io.kefu.tenancy.entity.TenantOwned;
import io.kefu.time.Clocks;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.FetchType;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/**
 * A callback to make (回访): after a case's resolution, or a courtesy visit from a plan. It is open until its
 * outcome is known: the resident was reached and said how satisfied they are, or could not be reached in the
 * tenant's number of attempts. Every attempt is kept. A case's task is cancelled when the case goes back to
 * work before the callback (the next resolution opens a new one).
 */
@Entity
@Table(name = "callback_task")
@NamedQuery(name = CallbackTask.BY_ID, query = "SELECT t FROM CallbackTask t WHERE t.id = :id")
@NamedQuery(name = CallbackTask.BY_KEY, query = "SELECT t FROM CallbackTask t WHERE t.publicKey = :key")
@NamedQuery(name = CallbackTask.OF_CASE, query = "SELECT t FROM CallbackTask t WHERE t.complaint = :complaint "
        + "ORDER BY t.createdAt DESC, t.id DESC")
@NamedQuery(name = CallbackTask.OPEN_OF_ASSIGNEE, query = "SELECT t FROM CallbackTask t WHERE t.assignee = :assignee"
        + " AND t.status = :open ORDER BY t.id")
@jakarta.persistence.EntityListeners(io.kefu.live.DeskChanges.class)
public class CallbackTask extends TenantOwned {

    /** For jobs, which pass ids between transactions; addresses and the API use {@link #BY_KEY}. */
    public static final String BY_ID = "CallbackTask.byId";
    public static final String BY_KEY = "CallbackTask.byKey";
    /** 128 random bits, URL-safe: the callback's name in addresses and the API, never its database id. */
    public static final int KEY_LENGTH = 22;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern KEY_FORMAT = Pattern.compile("^[A-Za-z0-9_-]{" + KEY_LENGTH + "}$");
    public static final String OF_CASE = "CallbackTask.ofCase";
    public static final String OPEN_OF_ASSIGNEE = "CallbackTask.openOfAssignee";

    public enum Kind {
        /** After a case's resolution; its outcome closes or reopens the case. */
        CASE,
        /** A courtesy visit from a plan (回访计划), not tied to a case. */
        COURTESY
    }

    public enum Status {
        OPEN, DONE, CANCELLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "public_key", nullable = false, updatable = false, length = KEY_LENGTH)
    private String publicKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "task_kind", nullable = false, updatable = false, length = 16)
    private Kind kind;

    @ManyToOne
    @JoinColumn(name = "complaint_id", updatable = false)
    private Complaint complaint;

    /** The case's id as a plain value (read-only): the report figures count cases without joining the cases. */
    @Column(name = "complaint_id", insertable = false, updatable = false)
    private Long complaintId;

    @ManyToOne
    @JoinColumn(name = "plan_id", updatable = false)
    private CourtesyPlan plan;

    @Column(name = "plan_round", updatable = false)
    private LocalDate planRound;

    @Column(name = "target_seq", updatable = false)
    private Integer targetSeq;

    @Column(name = "contact_name", length = Complaint.NAME_MAXLENGTH)
    private String contactName;

    @Column(name = "contact_phone", length = Complaint.PHONE_MAXLENGTH)
    private String contactPhone;

    @Column(name = "unit", length = Complaint.SHORT_MAXLENGTH)
    private String unit;

    @Column(name = "assignee", length = 64)
    private String assignee;

    /** Who resolved the case (null for courtesy visits): the policy may bar them from making this callback. */
    @Column(name = "resolved_by", updatable = false, length = 64)
    private String resolvedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "task_status", nullable = false, length = 16)
    private Status status;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", length = 24)
    private CallbackOutcome outcome;

    @Column(name = "attempts", nullable = false)
    private int attemptCount;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "due_at", nullable = false)
    private OffsetDateTime dueAt;

    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    /** 0 on time; 1 reported to the supervisors as overdue; 2 reported to the manager. */
    @Column(name = "escalation_level", nullable = false)
    private int escalationLevel;

    /** The case while the task is open: the database allows one open callback per case. */
    @Column(name = "open_complaint_id")
    private Long openComplaintId;

    // Read with the callback in its tenant's transaction, never lazily afterwards: outside a transaction of its tenant
    // the database refuses tenant rows (row-level security), and pages and answers show them after the commit.
    // Batched: one query for the attempts of every callback a query returns.
    @OneToMany(mappedBy = "task", cascade = CascadeType.PERSIST, fetch = FetchType.EAGER)
    @BatchFetch(BatchFetchType.IN)
    @OrderBy("seq ASC")
    private List<CallbackAttempt> attempts = new ArrayList<>();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected CallbackTask() {
        // for JPA
    }

    /**
     * The callback {@code resolvedBy}'s resolution calls for, due by {@code due}; the resident's contact comes from
     * the case.
     */
    public static CallbackTask forCase(Complaint complaint, String resolvedBy, Instant due, Clock clock) {
        CallbackTask task = new CallbackTask();
        task.resolvedBy = resolvedBy;
        task.publicKey = newPublicKey();
        task.kind = Kind.CASE;
        task.complaint = Objects.requireNonNull(complaint);
        task.openComplaintId = complaint.id();
        task.contactName = complaint.contactName();
        task.contactPhone = complaint.contactPhone();
        task.unit = complaint.location();
        task.open(due, clock);
        return task;
    }

    /** One courtesy visit of a plan's round, to one of its targets. */
    public static CallbackTask courtesy(CourtesyPlan plan, LocalDate round, int seq, CourtesyPlan.Target target,
            Instant due, Clock clock) {
        CallbackTask task = new CallbackTask();
        task.publicKey = newPublicKey();
        task.kind = Kind.COURTESY;
        task.plan = plan;
        task.planRound = round;
        task.targetSeq = seq;
        task.contactName = target.name();
        task.contactPhone = target.phone();
        task.unit = target.unit();
        task.assignee = plan.assignee();
        task.open(due, clock);
        return task;
    }

    private void open(Instant due, Clock clock) {
        status = Status.OPEN;
        createdAt = Clocks.utcNow(clock);
        dueAt = due.atOffset(ZoneOffset.UTC);
    }

    /**
     * Records an attempt by {@code actor}. Reached: the callback is done with the resident's satisfaction.
     * Not reached: done as unreachable once {@code maxAttempts} attempts failed, otherwise still open; an
     * unanswered attempt sooner than {@code retryAfter} after the previous unanswered one is refused, so that
     * "unreachable" means tried at different times. Whoever records the first attempt of an unassigned task takes it.
     */
    public CallbackAttempt record(Actor actor, AttemptInput input, int maxAttempts, Duration retryAfter, Clock clock) {
        requireOpen();
        // ONLINE is the resident's own answer through the tracking link (confirmedOnline), never a way staff call.
        if (input.method() == CallbackMethod.ONLINE) {
            throw KefuException.invalid("method", "callback.method.online.resident");
        }
        CallbackAttempt previous = lastAttempt();
        if (Boolean.FALSE.equals(input.reached()) && previous != null && !previous.reached()) {
            Instant next = previous.at().plus(retryAfter);
            if (clock.instant().isBefore(next)) {
                throw KefuException.conflict("callback.retry.too.soon",
                        Math.max(1, Duration.between(clock.instant(), next).toMinutes()));
            }
        }
        CallbackAttempt attempt = new CallbackAttempt(this, attempts.size() + 1, actor.username(), input, clock);
        attempts.add(attempt);
        attemptCount = attempts.size();
        if (assignee == null) {
            assignee = actor.username();
        }
        if (attempt.reached()) {
            finish(attempt.satisfaction().outcome(), clock);
        } else if (attemptCount >= maxAttempts) {
            finish(CallbackOutcome.UNREACHABLE, clock);
        }
        return attempt;
    }

    /** The resident confirmed the solution through the tracking link, and the tenant counts that. */
    public CallbackAttempt confirmedOnline(String comment, Clock clock) {
        return online(Satisfaction.SATISFIED, comment, CallbackOutcome.CONFIRMED_ONLINE, clock);
    }

    /** The resident rejected the solution through the tracking link: they are not satisfied, the case reopens. */
    public CallbackAttempt rejectedOnline(String comment, Clock clock) {
        return online(Satisfaction.NOT_SATISFIED, comment, CallbackOutcome.NOT_SATISFIED, clock);
    }

    private CallbackAttempt online(Satisfaction satisfaction, String comment, CallbackOutcome result, Clock clock) {
        requireOpen();
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > CallbackAttempt.COMMENT_MAXLENGTH) {
            text = text.substring(0, CallbackAttempt.COMMENT_MAXLENGTH);
        }
        CallbackAttempt attempt = new CallbackAttempt(this, attempts.size() + 1, Actor.resident().username(),
                new AttemptInput(CallbackMethod.ONLINE, true, satisfaction, null,
                        text == null && satisfaction == Satisfaction.NOT_SATISFIED ? "-" : text), clock);
        attempts.add(attempt);
        attemptCount = attempts.size();
        finish(result, clock);
        return attempt;
    }

    /** The case went back to work before its callback: this callback is not needed any more. */
    public void cancel(Clock clock) {
        requireOpen();
        status = Status.CANCELLED;
        finishedAt = Clocks.utcNow(clock);
        openComplaintId = null;
    }

    /** A supervisor gives the callback to a staff member; staff take an unassigned one for themselves. */
    /**
     * Forgets the copy of the contact the task was made with (name, phone, unit as written), when the case's
     * personal data goes or the customer asked for erasure. Status, outcome and attempts stay: the callback figures
     * count them.
     */
    public void anonymise() {
        contactName = null;
        contactPhone = null;
        unit = null;
    }

    public void assign(Actor actor, String username) {
        requireOpen();
        if (!actor.supervisor() && !(assignee == null && actor.username().equals(username))) {
            throw new KefuException(Failure.FORBIDDEN, "callback.assign.not.allowed");
        }
        assignee = username;
    }

    /** Records that the overdue callback was reported up to {@code level} (1 supervisors, 2 manager). */
    public void escalated(int level) {
        escalationLevel = Math.max(escalationLevel, level);
    }

    public boolean isOverdue(Instant now) {
        return status == Status.OPEN && now.isAfter(dueAt.toInstant());
    }

    private void finish(CallbackOutcome result, Clock clock) {
        status = Status.DONE;
        outcome = result;
        finishedAt = Clocks.utcNow(clock);
        openComplaintId = null;
    }

    private void requireOpen() {
        if (status != Status.OPEN) {
            throw KefuException.conflict("callback.not.open", status);
        }
    }

    /** The attempt recorded last (the one that decided the outcome, once done). */
    public CallbackAttempt lastAttempt() {
        return attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
    }

    /** A fresh public key (also for the upgrade of callbacks made before keys existed). */
    public static String newPublicKey() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Anything else cannot be a callback's key and is not looked up. */
    public static boolean isKey(String text) {
        return text != null && KEY_FORMAT.matcher(text).matches();
    }

    public String publicKey() {
        return publicKey;
    }

    public Long id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public Complaint complaint() {
        return complaint;
    }

    public CourtesyPlan plan() {
        return plan;
    }

    public String contactName() {
        return contactName;
    }

    public String contactPhone() {
        return contactPhone;
    }

    public String unit() {
        return unit;
    }

    public String assignee() {
        return assignee;
    }

    public String resolvedBy() {
        return resolvedBy;
    }

    public Status status() {
        return status;
    }

    public CallbackOutcome outcome() {
        return outcome;
    }

    public int attemptCount() {
        return attemptCount;
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }

    public Instant dueAt() {
        return dueAt.toInstant();
    }

    public Instant finishedAt() {
        return finishedAt == null ? null : finishedAt.toInstant();
    }

    public int escalationLevel() {
        return escalationLevel;
    }

    public List<CallbackAttempt> attempts() {
        return Collections.unmodifiableList(attempts);
    }

    public long version() {
        return version;
    }
}
