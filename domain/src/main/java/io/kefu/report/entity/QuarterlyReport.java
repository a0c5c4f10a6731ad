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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One revision of the quarterly complaint analysis report (用户投诉分析报告) of a quarter. While a draft, its figures
 * and causes are counted live and the supervisors write their analysis of each cause; a supervisor submits it; the
 * general manager (or, with none named, the manager) approves it — never the one who submitted it — and from then it
 * is published: the report as approved is kept as a snapshot, and later edits of cases do not change it. A correction
 * of a published report is the next revision, a draft with its reason, as the monthly table's ({@link MonthlyReport});
 * the earlier revision stays as it was approved, readable.
 */
@Entity
@Table(name = "quarterly_report")
@NamedQuery(name = QuarterlyReport.OF_QUARTER, query = "SELECT r FROM QuarterlyReport r WHERE r.quarter = :quarter "
        + "ORDER BY r.revision DESC")
@NamedQuery(name = QuarterlyReport.ALL, query = "SELECT r FROM QuarterlyReport r ORDER BY r.quarter DESC, "
        + "r.revision DESC")
public class QuarterlyReport extends TenantOwned {

    public static final String OF_QUARTER = "QuarterlyReport.ofQuarter";
    public static final String ALL = "QuarterlyReport.all";
    public static final int REASON_MAXLENGTH = CorrectionReason.MAXLENGTH;

    /** Draft → submitted (for approval) → published (immutable). */
    public enum Status {
        DRAFT, SUBMITTED, PUBLISHED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "quarter", nullable = false, updatable = false, length = Quarter.TEXT_LENGTH)
    private String quarter;

    @Column(name = "revision", nullable = false, updatable = false)
    private int revision;

    /** Why this revision corrects the one before; {@code null} for the first. */
    @Column(name = "reason", updatable = false, length = REASON_MAXLENGTH)
    private String reason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private Status status;

    @Column(name = "prepared_by", length = 64)
    private String preparedBy;

    @Column(name = "submitted_at")
    private OffsetDateTime submittedAt;

    @Column(name = "approved_by", length = 64)
    private String approvedBy;

    @Column(name = "approved_at")
    private OffsetDateTime approvedAt;

    @Column(name = "snapshot")
    private String snapshot;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected QuarterlyReport() {
        // for JPA
    }

    private QuarterlyReport(Quarter quarter, int revision, String reason, Clock clock) {
        this.quarter = quarter.toString();
        this.revision = revision;
        this.reason = reason;
        this.status = Status.DRAFT;
        this.createdAt = Clocks.utcNow(clock);
    }

    /** The quarter's first report, as a draft. */
    public static QuarterlyReport firstDraft(Quarter quarter, Clock clock) {
        return new QuarterlyReport(quarter, 1, null, clock);
    }

    /**
     * A correction of this published report: the next revision, a draft, with the reason for it (required, at most
     * {@link #REASON_MAXLENGTH} characters). A supervisor opens it; this revision stays as it was approved.
     */
    public QuarterlyReport revise(Actor actor, String why, Clock clock) {
        requireSupervisor(actor);
        if (status != Status.PUBLISHED) {
            throw KefuException.conflict("report.quarterly.revise.notPublished");
        }
        String text = CorrectionReason.checked(why);
        return new QuarterlyReport(quarter(), revision + 1, text, clock);
    }

    /** Whether the report can still change: its analysis and its actions' list are written while it is a draft. */
    public void requireDraft() {
        if (status != Status.DRAFT) {
            throw KefuException.conflict("report.quarterly.not.draft");
        }
    }

    /** A supervisor hands the draft to the general manager for approval. */
    public void submit(Actor actor, Clock clock) {
        requireSupervisor(actor);
        requireDraft();
        status = Status.SUBMITTED;
        preparedBy = actor.username();
        submittedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** The general manager sends a submitted report back to the supervisors for another round. */
    public void returnToDraft() {
        if (status != Status.SUBMITTED) {
            throw KefuException.conflict("report.quarterly.not.submitted");
        }
        status = Status.DRAFT;
    }

    /**
     * Whether {@code actor} may approve this report now: it is submitted, and not by them — the one who prepared a
     * report does not approve it too, as nobody signs off their own monthly table. Whether {@code actor} is the
     * general manager is the boundary's check.
     */
    public void requireApprovableBy(Actor actor) {
        if (status != Status.SUBMITTED) {
            throw KefuException.conflict("report.quarterly.not.submitted");
        }
        if (actor.username().equals(preparedBy)) {
            throw KefuException.conflict("report.quarterly.approve.ownSubmission");
        }
    }

    /**
     * The general manager approves the submitted report, which is published with {@code document}: the report as it
     * stands now, kept unchanged from here on.
     */
    public void approve(Actor actor, String document, Clock clock) {
        requireApprovableBy(actor);
        status = Status.PUBLISHED;
        approvedBy = actor.username();
        approvedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        snapshot = document;
    }

    private static void requireSupervisor(Actor actor) {
        if (!actor.supervisor()) {
            throw new KefuException(Failure.FORBIDDEN, "report.supervisor.only");
        }
    }

    public Long id() {
        return id;
    }

    public int revision() {
        return revision;
    }

    /** Why this revision corrects the one before; {@code null} for the first. */
    public String reason() {
        return reason;
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }

    public Quarter quarter() {
        return Quarter.parse(quarter);
    }

    public Status status() {
        return status;
    }

    public boolean isPublished() {
        return status == Status.PUBLISHED;
    }

    public String preparedBy() {
        return preparedBy;
    }

    public OffsetDateTime submittedAt() {
        return submittedAt;
    }

    public String approvedBy() {
        return approvedBy;
    }

    public OffsetDateTime approvedAt() {
        return approvedAt;
    }

    /** The report as approved (JSON), {@code null} before. */
    public String snapshot() {
        return snapshot;
    }

    public long version() {
        return version;
    }
}
