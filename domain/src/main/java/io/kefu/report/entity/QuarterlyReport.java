package io.kefu.report.entity;

import io.kefu.complaint.entity.Actor;
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
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The quarterly complaint analysis report (用户投诉分析报告) of one quarter. While a draft, its figures and causes
 * are counted live and the supervisors write their analysis of each cause; a supervisor submits it; the general
 * manager (or, with none named, the manager) approves it, and from then it is published: the report as approved is
 * kept as a snapshot, and later edits of cases do not change it.
 */
@Entity
@Table(name = "quarterly_report")
@NamedQuery(name = QuarterlyReport.OF_QUARTER, query = "SELECT r FROM QuarterlyReport r WHERE r.quarter = :quarter")
@NamedQuery(name = QuarterlyReport.ALL, query = "SELECT r FROM QuarterlyReport r ORDER BY r.quarter DESC")
public class QuarterlyReport extends TenantOwned {

    public static final String OF_QUARTER = "QuarterlyReport.ofQuarter";
    public static final String ALL = "QuarterlyReport.all";

    /** Draft → submitted (for approval) → published (immutable). */
    public enum Status {
        DRAFT, SUBMITTED, PUBLISHED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "quarter", nullable = false, length = Quarter.TEXT_LENGTH)
    private String quarter;

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

    public QuarterlyReport(Quarter quarter) {
        this.quarter = quarter.toString();
        this.status = Status.DRAFT;
    }

    /** Whether the report can still change: its analysis and its actions' list are written while it is a draft. */
    public void requireDraft() {
        if (status != Status.DRAFT) {
            throw KefuException.conflict("report.quarterly.not.draft");
        }
    }

    /** A supervisor hands the draft to the general manager for approval. */
    public void submit(Actor actor, Clock clock) {
        if (!actor.supervisor()) {
            throw new KefuException(Failure.FORBIDDEN, "report.supervisor.only");
        }
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
     * The general manager approves the submitted report, which is published with {@code document}: the report as it
     * stands now, kept unchanged from here on. Whether {@code actor} is the general manager is the boundary's check.
     */
    public void approve(Actor actor, String document, Clock clock) {
        if (status != Status.SUBMITTED) {
            throw KefuException.conflict("report.quarterly.not.submitted");
        }
        status = Status.PUBLISHED;
        approvedBy = actor.username();
        approvedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        snapshot = document;
    }

    public Long id() {
        return id;
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
