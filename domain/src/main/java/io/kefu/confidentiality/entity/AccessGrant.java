package io.kefu.confidentiality.entity;

import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import io.kefu.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * Time-limited access of one staff member to one protected customer record (查阅授权). It starts as a request
 * with a reason, which a supervisor or manager grants for a number of hours or refuses; a grant can be revoked
 * before it ends. A break-glass read (紧急查阅) is granted at once, for {@link #BREAK_GLASS_TIME}, on the holder's
 * own stated reason; the supervisors are alerted instead of asked. A grant opens the record only while
 * {@link #isOpenAt open}: time alone ends it, nothing has to run.
 */
@Entity
@Table(name = "access_grant")
@NamedQuery(name = AccessGrant.BY_KEY, query = "SELECT g FROM AccessGrant g WHERE g.key = :key")
@NamedQuery(name = AccessGrant.HELD, query = "SELECT g FROM AccessGrant g WHERE g.username = :username"
        + " AND g.customerId IN :customers AND g.state = io.kefu.confidentiality.entity.AccessGrant.State.GRANTED"
        + " AND g.endsAt > :now ORDER BY g.endsAt DESC")
@NamedQuery(name = AccessGrant.PENDING, query = "SELECT g FROM AccessGrant g"
        + " WHERE g.state = io.kefu.confidentiality.entity.AccessGrant.State.REQUESTED ORDER BY g.requestedAt")
@NamedQuery(name = AccessGrant.ACTIVE, query = "SELECT g FROM AccessGrant g"
        + " WHERE g.state = io.kefu.confidentiality.entity.AccessGrant.State.GRANTED AND g.endsAt > :now"
        + " ORDER BY g.endsAt")
@NamedQuery(name = AccessGrant.OF_HOLDER, query = "SELECT g FROM AccessGrant g WHERE g.username = :username"
        + " AND g.customerId = :customer ORDER BY g.requestedAt DESC")
public class AccessGrant extends TenantOwned {

    public static final String BY_KEY = "AccessGrant.byKey";
    public static final String HELD = "AccessGrant.held";
    public static final String PENDING = "AccessGrant.pending";
    public static final String ACTIVE = "AccessGrant.active";
    public static final String OF_HOLDER = "AccessGrant.ofHolder";
    public static final int KEY_LENGTH = 12;
    public static final int REASON_MAXLENGTH = 500;
    public static final int MIN_HOURS = 1;
    public static final int MAX_HOURS = 72;
    public static final Duration BREAK_GLASS_TIME = Duration.ofMinutes(30);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String KEY_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    /** Where a grant stands; only {@code GRANTED} ever opens a record, and only until its end. */
    public enum State {
        REQUESTED, GRANTED, REFUSED, REVOKED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "grant_key", nullable = false, updatable = false, length = KEY_LENGTH)
    private String key;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private Long customerId;

    @Column(name = "username", nullable = false, updatable = false, length = 64)
    private String username;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private State state;

    @Column(name = "break_glass", nullable = false, updatable = false)
    private boolean breakGlass;

    @Column(name = "reason", nullable = false, updatable = false, length = REASON_MAXLENGTH)
    private String reason;

    @Column(name = "case_number", updatable = false, length = 13)
    private String caseNumber;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private OffsetDateTime requestedAt;

    @Column(name = "decided_by", length = 64)
    private String decidedBy;

    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    @Column(name = "note", length = REASON_MAXLENGTH)
    private String note;

    @Column(name = "ends_at")
    private OffsetDateTime endsAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected AccessGrant() {
        // for JPA
    }

    private AccessGrant(Long customerId, String username, String reason, String caseNumber, Clock clock) {
        this.key = newKey();
        this.customerId = Objects.requireNonNull(customerId);
        this.username = Objects.requireNonNull(username);
        this.reason = checkedReason(reason, "reason");
        this.caseNumber = caseNumber;
        this.requestedAt = OffsetDateTime.now(clock);
        this.state = State.REQUESTED;
    }

    /** A staff member asks for access to the record, stating why; a supervisor decides. */
    public static AccessGrant request(Long customerId, String username, String reason, String caseNumber,
            Clock clock) {
        return new AccessGrant(customerId, username, reason, caseNumber, clock);
    }

    /** A supervisor or manager gives {@code username} access for {@code hours} without being asked first. */
    public static AccessGrant give(Long customerId, String username, String reason, String caseNumber,
            String grantor, int hours, Clock clock) {
        AccessGrant grant = new AccessGrant(customerId, username, reason, caseNumber, clock);
        grant.grant(grantor, hours, null, clock);
        return grant;
    }

    /** Immediate access on the holder's own stated reason, for {@link #BREAK_GLASS_TIME}; the supervisors are told. */
    public static AccessGrant breakGlass(Long customerId, String username, String reason, String caseNumber,
            Clock clock) {
        AccessGrant grant = new AccessGrant(customerId, username, reason, caseNumber, clock);
        grant.breakGlass = true;
        grant.state = State.GRANTED;
        grant.decidedAt = grant.requestedAt;
        grant.endsAt = grant.requestedAt.plus(BREAK_GLASS_TIME);
        return grant;
    }

    /** Grants a request for {@code hours} (1–72) from now; nobody grants their own. */
    public void grant(String grantor, int hours, String note, Clock clock) {
        if (state != State.REQUESTED) {
            throw KefuException.conflict("grant.not.pending");
        }
        if (grantor.equals(username)) {
            throw new KefuException(Failure.FORBIDDEN, "grant.own");
        }
        if (hours < MIN_HOURS || hours > MAX_HOURS) {
            throw KefuException.invalid("hours", "grant.hours.range", MIN_HOURS, MAX_HOURS);
        }
        this.state = State.GRANTED;
        this.decidedBy = grantor;
        this.decidedAt = OffsetDateTime.now(clock);
        this.endsAt = decidedAt.plusHours(hours);
        this.note = note == null || note.isBlank() ? null : checkedReason(note, "note");
    }

    /** Refuses a request, saying why. */
    public void refuse(String by, String why, Clock clock) {
        if (state != State.REQUESTED) {
            throw KefuException.conflict("grant.not.pending");
        }
        this.note = checkedReason(why, "note");
        this.state = State.REFUSED;
        this.decidedBy = by;
        this.decidedAt = OffsetDateTime.now(clock);
    }

    /** Ends a grant (a break-glass read included) before its time. */
    public void revoke(String by, Clock clock) {
        if (state != State.GRANTED) {
            throw KefuException.conflict("grant.not.granted");
        }
        this.state = State.REVOKED;
        this.decidedBy = by;
        this.decidedAt = OffsetDateTime.now(clock);
        this.endsAt = decidedAt;
    }

    /** Whether the grant opens the record at {@code now}: granted and not yet ended. */
    public boolean isOpenAt(OffsetDateTime now) {
        return state == State.GRANTED && endsAt != null && now.isBefore(endsAt);
    }

    private static String checkedReason(String text, String field) {
        if (text == null || text.isBlank()) {
            throw KefuException.invalid(field, "grant.reason.required");
        }
        if (text.strip().length() > REASON_MAXLENGTH) {
            throw KefuException.invalid(field, "field.too.long", REASON_MAXLENGTH);
        }
        return text.strip();
    }

    static String newKey() {
        char[] chars = new char[KEY_LENGTH];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = KEY_ALPHABET.charAt(RANDOM.nextInt(KEY_ALPHABET.length()));
        }
        return new String(chars);
    }

    public String key() {
        return key;
    }

    public Long customerId() {
        return customerId;
    }

    public String username() {
        return username;
    }

    public State state() {
        return state;
    }

    public boolean isBreakGlass() {
        return breakGlass;
    }

    public String reason() {
        return reason;
    }

    public String caseNumber() {
        return caseNumber;
    }

    public OffsetDateTime requestedAt() {
        return requestedAt;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public OffsetDateTime decidedAt() {
        return decidedAt;
    }

    public String note() {
        return note;
    }

    public OffsetDateTime endsAt() {
        return endsAt;
    }

    public long version() {
        return version;
    }
}
