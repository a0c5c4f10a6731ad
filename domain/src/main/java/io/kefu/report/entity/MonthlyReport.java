package io.kefu.report.entity;

import io.kefu.complaint.entity.Actor;
import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import io.kefu.tenancy.entity.TenantOwned;
import io.kefu.time.Clocks;
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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;

/**
 * One revision of a month's statistics table (客诉案件统计表), the document the regulations ask of the office by the
 * 10th of the next month: last month's closed cases with the responsibility for each, and the month's figures.
 *
 * <p>Its story is the regulations' 制表人 → 审核 → 阅签. A <b>draft</b> shows the cases as they are, and supervisors
 * judge the responsibility of each in it. A supervisor <b>submits</b> it: the table is taken as it stands then (the
 * snapshot) and never changes again. The manager (another supervisor when the office names none; never the one who
 * submitted) <b>signs it off</b>, which publishes it. A correction of a published table is the next revision, with its
 * reason; the earlier one stays as it was, readable. A submitted table the reviewer does not accept goes back to draft.
 */
@Entity
@Table(name = "monthly_report")
@NamedQuery(name = MonthlyReport.ALL, query = "SELECT r FROM MonthlyReport r ORDER BY r.month DESC, r.revision DESC")
@NamedQuery(name = MonthlyReport.OF_MONTH, query = "SELECT r FROM MonthlyReport r WHERE r.month = :month "
        + "ORDER BY r.revision DESC")
@NamedQuery(name = MonthlyReport.UNMAILED, query = "SELECT r FROM MonthlyReport r WHERE r.status = :published "
        + "AND r.mailedAt IS NULL ORDER BY r.id")
public class MonthlyReport extends TenantOwned {

    public static final String ALL = "MonthlyReport.all";
    public static final String OF_MONTH = "MonthlyReport.ofMonth";
    public static final String UNMAILED = "MonthlyReport.unmailed";
    public static final int REASON_MAXLENGTH = CorrectionReason.MAXLENGTH;

    /** Where a revision stands in the workflow. */
    public enum Status {
        /** Being prepared: shows the cases as they are; responsibility is judged here. */
        DRAFT,
        /** Submitted (制表/审核): the snapshot is taken; waits for the manager's sign-off. */
        SUBMITTED,
        /** Signed off (阅签) and published: immutable. */
        PUBLISHED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "report_month", nullable = false, updatable = false)
    private LocalDate month;

    @Column(name = "revision", nullable = false, updatable = false)
    private int revision;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private Status status;

    /** Why this revision corrects the one before; {@code null} for the first. */
    @Column(name = "reason", updatable = false, length = REASON_MAXLENGTH)
    private String reason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "prepared_by", length = 64)
    private String preparedBy;

    @Column(name = "prepared_at")
    private OffsetDateTime preparedAt;

    @Column(name = "signed_by", length = 64)
    private String signedBy;

    @Column(name = "signed_at")
    private OffsetDateTime signedAt;

    /** The table as submitted ({@link MonthlyTable} as JSON); {@code null} while a draft. */
    @Column(name = "snapshot")
    private String snapshot;

    @Column(name = "mailed_at")
    private OffsetDateTime mailedAt;

    /** When the manager was told that the table was not published by the 10th (once). */
    @Column(name = "reminded_at")
    private OffsetDateTime remindedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected MonthlyReport() {
        // for JPA
    }

    private MonthlyReport(YearMonth month, int revision, String reason, Clock clock) {
        this.month = month.atDay(1);
        this.revision = revision;
        this.reason = reason;
        this.status = Status.DRAFT;
        this.createdAt = Clocks.utcNow(clock);
    }

    /** The month's first table, as a draft. */
    public static MonthlyReport firstDraft(YearMonth month, Clock clock) {
        return new MonthlyReport(month, 1, null, clock);
    }

    /** A correction of this published table: the next revision, a draft, with the reason for it. */
    public MonthlyReport revise(Actor actor, String why, Clock clock) {
        supervisorOnly(actor);
        if (status != Status.PUBLISHED) {
            throw KefuException.conflict("report.monthly.revise.notPublished");
        }
        String text = CorrectionReason.checked(why);
        return new MonthlyReport(month(), revision + 1, text, clock);
    }

    /** 制表: the supervisor hands in the table as it stands now; it is fixed from here on. */
    public void submit(Actor actor, String table, Clock clock) {
        supervisorOnly(actor);
        requireDraft();
        status = Status.SUBMITTED;
        snapshot = table;
        preparedBy = actor.username();
        preparedAt = Clocks.utcNow(clock);
    }

    /**
     * 阅签: the manager signs the submitted table off and it is published. {@code manager} is the office's named
     * manager, or {@code null} when none is named: then any supervisor but the one who submitted signs.
     */
    public void signOff(Actor actor, String manager, Clock clock) {
        supervisorOnly(actor);
        if (status != Status.SUBMITTED) {
            throw KefuException.conflict("report.monthly.signOff.notSubmitted");
        }
        if (actor.username().equals(preparedBy)) {
            throw KefuException.conflict("report.monthly.signOff.ownSubmission");
        }
        if (manager != null && !manager.equals(actor.username())) {
            throw new KefuException(Failure.FORBIDDEN, "report.monthly.signOff.managerOnly", manager);
        }
        status = Status.PUBLISHED;
        signedBy = actor.username();
        signedAt = Clocks.utcNow(clock);
    }

    /** The reviewer does not accept the submitted table: back to a draft, the snapshot dropped. */
    public void returnToDraft(Actor actor, String manager) {
        supervisorOnly(actor);
        if (status != Status.SUBMITTED) {
            throw KefuException.conflict("report.monthly.signOff.notSubmitted");
        }
        if (manager != null && !manager.equals(actor.username()) && !actor.username().equals(preparedBy)) {
            throw new KefuException(Failure.FORBIDDEN, "report.monthly.signOff.managerOnly", manager);
        }
        status = Status.DRAFT;
        snapshot = null;
        preparedBy = null;
        preparedAt = null;
    }

    /** Responsibility is judged, and the table changed, in a draft only. */
    public void requireDraft() {
        if (status != Status.DRAFT) {
            throw KefuException.conflict("report.monthly.notDraft");
        }
    }

    public void mailed(Clock clock) {
        mailedAt = Clocks.utcNow(clock);
    }

    public void reminded(Clock clock) {
        remindedAt = Clocks.utcNow(clock);
    }

    private static void supervisorOnly(Actor actor) {
        if (!actor.supervisor()) {
            throw new KefuException(Failure.FORBIDDEN, "report.monthly.supervisorOnly");
        }
    }

    public Long id() {
        return id;
    }

    public YearMonth month() {
        return YearMonth.from(month);
    }

    public int revision() {
        return revision;
    }

    public Status status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }

    public String preparedBy() {
        return preparedBy;
    }

    public Instant preparedAt() {
        return preparedAt == null ? null : preparedAt.toInstant();
    }

    public String signedBy() {
        return signedBy;
    }

    public Instant signedAt() {
        return signedAt == null ? null : signedAt.toInstant();
    }

    /** The submitted table as JSON; {@code null} for a draft. */
    public String snapshot() {
        return snapshot;
    }

    public boolean isMailed() {
        return mailedAt != null;
    }

    public boolean isReminded() {
        return remindedAt != null;
    }

    public long version() {
        return version;
    }
}
