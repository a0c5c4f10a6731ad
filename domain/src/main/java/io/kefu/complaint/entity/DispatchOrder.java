package io.kefu.complaint.entity;

import io.kefu.time.Clocks;
import static io.kefu.problem.Fields.optional;
import static io.kefu.problem.Fields.text;

import io.kefu.problem.KefuException;
import io.kefu.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A repair's work order (派工单 / 维修服务单): which worker goes, when (the appointment agreed with the
 * resident), which parts, and afterwards what was found and done. Numbered 1, 2… within its case; a case may
 * need several visits. Completed once; the result is not edited afterwards.
 */
@Entity
@Table(name = "dispatch_order")
@NamedQuery(name = DispatchOrder.OF_CASE, query = "SELECT d FROM DispatchOrder d WHERE d.complaint = :complaint "
        + "ORDER BY d.seq")
public class DispatchOrder extends TenantOwned {

    public static final String OF_CASE = "DispatchOrder.ofCase";
    public static final int WORKER_MAXLENGTH = 100;
    public static final int PARTS_MAXLENGTH = 1_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "complaint_id", nullable = false, updatable = false)
    private Complaint complaint;

    @Column(name = "seq", nullable = false, updatable = false)
    private int seq;

    @Column(name = "worker", nullable = false, length = WORKER_MAXLENGTH)
    private String worker;

    @Column(name = "appointment", nullable = false)
    private OffsetDateTime appointment;

    @Column(name = "parts", length = PARTS_MAXLENGTH)
    private String parts;

    @Column(name = "result", length = Complaint.TEXT_MAXLENGTH)
    private String result;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 64)
    private String createdBy;

    @Column(name = "completed_at")
    private OffsetDateTime completedAt;

    @Column(name = "completed_by", length = 64)
    private String completedBy;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected DispatchOrder() {
        // for JPA
    }

    public DispatchOrder(Complaint complaint, int seq, String worker, Instant appointment, String parts,
            String createdBy, Clock clock) {
        if (!complaint.status().isOpen() || complaint.status() == CaseStatus.CALLBACK_PENDING) {
            throw KefuException.conflict("dispatch.case.finished");
        }
        if (appointment == null) {
            throw KefuException.invalid("appointment", "field.required");
        }
        this.complaint = complaint;
        this.seq = seq;
        this.worker = text(worker, "worker", WORKER_MAXLENGTH);
        this.appointment = appointment.atOffset(ZoneOffset.UTC);
        this.parts = optional(parts, "parts", PARTS_MAXLENGTH);
        this.createdBy = createdBy;
        this.createdAt = Clocks.utcNow(clock);
    }

    /** The worker's report: what was found and done, and the parts actually used. */
    public void complete(String what, String partsUsed, String by, Clock clock) {
        if (completedAt != null) {
            throw KefuException.conflict("dispatch.completed", seq);
        }
        this.result = text(what, "result", Complaint.TEXT_MAXLENGTH);
        if (partsUsed != null && !partsUsed.isBlank()) {
            this.parts = optional(partsUsed, "parts", PARTS_MAXLENGTH);
        }
        this.completedBy = by;
        this.completedAt = Clocks.utcNow(clock);
    }

    public int seq() {
        return seq;
    }

    public String worker() {
        return worker;
    }

    public Instant appointment() {
        return appointment.toInstant();
    }

    public String parts() {
        return parts;
    }

    public String result() {
        return result;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant completedAt() {
        return completedAt == null ? null : completedAt.toInstant();
    }

    public String completedBy() {
        return completedBy;
    }

    public boolean isDone() {
        return completedAt != null;
    }

    public long version() {
        return version;
    }
}
