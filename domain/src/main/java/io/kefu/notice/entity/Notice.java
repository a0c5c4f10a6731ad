package io.kefu.notice.entity;

import io.kefu.live.DeskChanges;
import io.kefu.time.Clocks;
import io.kefu.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.OffsetDateTime;

/** An in-app notice for one staff member about one case, unread until they open it. */
@Entity
@Table(name = "notice")
@NamedQuery(name = Notice.UNREAD, query = "SELECT n FROM Notice n WHERE n.recipient = :recipient "
        + "AND n.readAt IS NULL ORDER BY n.createdAt DESC")
@NamedQuery(name = Notice.RECENT, query = "SELECT n FROM Notice n WHERE n.recipient = :recipient "
        + "ORDER BY n.createdAt DESC")
@NamedQuery(name = Notice.COUNT_UNREAD, query = "SELECT COUNT(n) FROM Notice n WHERE n.recipient = :recipient "
        + "AND n.readAt IS NULL")
@NamedQuery(name = Notice.OPEN_ALERTS, query = "SELECT n FROM Notice n WHERE n.recipient = :recipient "
        + "AND n.kind = io.kefu.notice.entity.Notice.Kind.MAJOR AND n.acknowledgedAt IS NULL ORDER BY n.createdAt DESC")
@NamedQuery(name = Notice.MARK_READ, query = "UPDATE Notice n SET n.readAt = :now WHERE n.recipient = :recipient "
        + "AND n.readAt IS NULL")
@EntityListeners(DeskChanges.class)
public class Notice extends TenantOwned {

    public static final String UNREAD = "Notice.unread";
    public static final String RECENT = "Notice.recent";
    public static final String COUNT_UNREAD = "Notice.countUnread";
    public static final String MARK_READ = "Notice.markRead";
    public static final String OPEN_ALERTS = "Notice.openAlerts";

    /** What happened that the recipient should know. */
    public enum Kind {
        /** A major case was registered or classified as major: the manager is told at once. */
        MAJOR,
        /** A case passed its deadline: the supervisors are told. */
        OVERDUE,
        /** A case stays overdue: the manager is told. */
        OVERDUE_MANAGER,
        /** A case was routed to a department the recipient handles for. */
        ROUTED,
        /** A case was handed over to the recipient. */
        HANDED_OVER,
        /** The resident added information or rejected the solution. */
        RESIDENT_REPLIED,
        /** A case waits for a supervisor's decision on closing it as not upheld. */
        REJECTION_REQUESTED,
        /** The callback found the resident not satisfied: the case is back with its owner. */
        CALLBACK_NOT_SATISFIED,
        /** A case's callback passed its due time: the supervisors are told. */
        CALLBACK_OVERDUE,
        /** A case's callback stays overdue: the manager is told. */
        CALLBACK_OVERDUE_MANAGER,
        /** Last month's statistics table was not published by the 10th: the manager is told. */
        REPORT_DUE,
        /**
         * A corrective action of a quarterly report passed its due date open: its owner and the manager are told.
         * The notice names the action ({@code 2026-Q3-2}) where the others name a case.
         */
        ACTION_OVERDUE,
        /** A staff member asks for access to a protected customer record: the supervisors decide. */
        ACCESS_REQUESTED,
        /** A staff member opened a protected record by break-glass: the supervisors are alerted at once. */
        BREAK_GLASS,
        /** A key customer (重点客户) filed a new case, given to the recipient as their named handler. */
        KEY_CUSTOMER,
        /** A promised reply time (告知答复时间) comes near: the case's owner is reminded. */
        PROMISE_DUE,
        /** A promised reply time passed without a word to the customer: the supervisors are told. */
        PROMISE_MISSED,
        /**
         * Nobody of the next shift acknowledged a hand-over 30 minutes into it: the supervisors are told. The notice
         * names the hand-over ({@code HO-20261205-0001}).
         */
        HANDOVER_UNACKNOWLEDGED
    }

    /** Holds a case number, a corrective action ({@code 2026-Q3-1000}) or a hand-over reference. */
    public static final int SUBJECT_MAXLENGTH = 40;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "recipient", nullable = false, updatable = false, length = 64)
    private String recipient;

    @Enumerated(EnumType.STRING)
    @Column(name = "notice_kind", nullable = false, updatable = false, length = 32)
    private Kind kind;

    @Column(name = "case_number", updatable = false, length = SUBJECT_MAXLENGTH)
    private String caseNumber;

    /** The monthly table ({@code 2026-11}) the notice is about, when it is not about a case. */
    @Column(name = "report_month", updatable = false, length = 7)
    private String reportMonth;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "read_at")
    private OffsetDateTime readAt;

    /** When the recipient acknowledged a major-complaint alert; until then it stays on every staff page of theirs. */
    @Column(name = "acknowledged_at")
    private OffsetDateTime acknowledgedAt;

    protected Notice() {
        // for JPA
    }

    public Notice(String recipient, Kind kind, String caseNumber, Clock clock) {
        this.recipient = recipient;
        this.kind = kind;
        this.caseNumber = caseNumber;
        this.createdAt = Clocks.utcNow(clock);
    }

    /** A notice about the monthly statistics table of {@code month}. */
    public static Notice aboutReport(String recipient, Kind kind, java.time.YearMonth month, Clock clock) {
        Notice notice = new Notice(recipient, kind, null, clock);
        notice.reportMonth = month.toString();
        return notice;
    }

    /** The monthly table ({@code 2026-11}) the notice is about; {@code null} for a notice about a case. */
    /** What the notice is about as a list shows it: the case number, the action ({@code 2026-Q3-2}) or the month. */
    public String subject() {
        return reportMonth != null ? reportMonth : caseNumber;
    }

    /** Where the staff area shows what the notice is about, relative to the tenant's staff area. */
    public String staffPath() {
        if (reportMonth != null) {
            return "reports?month=" + reportMonth;
        }
        if (kind == Kind.ACCESS_REQUESTED || kind == Kind.BREAK_GLASS) {
            return "grants";
        }
        if (kind == Kind.HANDOVER_UNACKNOWLEDGED) {
            return "handover?ref=" + caseNumber;
        }
        if (kind == Kind.ACTION_OVERDUE) {
            return "quarterly?q=" + caseNumber.substring(0, caseNumber.lastIndexOf('-'));
        }
        return "cases/" + caseNumber;
    }

    public String reportMonth() {
        return reportMonth;
    }

    public String recipient() {
        return recipient;
    }

    public Kind kind() {
        return kind;
    }

    public String caseNumber() {
        return caseNumber;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public boolean isRead() {
        return readAt != null;
    }

    public Long id() {
        return id;
    }

    /** A major complaint's notice is an alert: shown to its recipient on every staff page until acknowledged. */
    public boolean isAlert() {
        return kind == Kind.MAJOR;
    }

    /** The recipient saw the alert: it leaves their pages, and counts as read. Once; later calls change nothing. */
    public void acknowledge(Clock clock) {
        if (!isAlert()) {
            throw new IllegalStateException("Only an alert is acknowledged: " + kind);
        }
        if (acknowledgedAt == null) {
            acknowledgedAt = Clocks.utcNow(clock);
            if (readAt == null) {
                readAt = acknowledgedAt;
            }
        }
    }

    public OffsetDateTime acknowledgedAt() {
        return acknowledgedAt;
    }
}
