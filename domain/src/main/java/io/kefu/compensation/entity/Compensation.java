package io.kefu.compensation.entity;

import static io.kefu.problem.Fields.text;

import io.kefu.complaint.entity.Actor;
import io.kefu.complaint.entity.Complaint;
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
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A proposal to give a customer something for their case (折让、赔款、退货): type, amount, reason, who proposed it.
 * Numbered 1, 2… within its case. It waits until somebody decides: approval needs a person other than the proposer
 * whose limit (核决权限) covers the amount; refusal needs the same person and a reason. Decided once; a different
 * amount is a new proposal. Each step is written into the case's history by the boundary.
 */
@Entity
@Table(name = "compensation")
@NamedQuery(name = Compensation.OF_CASE, query = "SELECT p FROM Compensation p WHERE p.complaint = :complaint "
        + "ORDER BY p.seq")
@NamedQuery(name = Compensation.APPROVED_IN_CASE, query = "SELECT COUNT(p) FROM Compensation p "
        + "WHERE p.complaint = :complaint AND p.state = :state")
public class Compensation extends TenantOwned {

    public static final String OF_CASE = "Compensation.ofCase";
    public static final String APPROVED_IN_CASE = "Compensation.approvedInCase";
    public static final int REASON_MAXLENGTH = 1_000;

    /** Where a proposal stands; only a proposed one may still be decided. */
    public enum State {
        PROPOSED, APPROVED, REFUSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "complaint_id", nullable = false, updatable = false)
    private Complaint complaint;

    @Column(name = "seq", nullable = false, updatable = false)
    private int seq;

    @Enumerated(EnumType.STRING)
    @Column(name = "comp_type", nullable = false, updatable = false, length = 16)
    private CompensationType type;

    @Column(name = "amount_fen", nullable = false, updatable = false)
    private long amountFen;

    @Column(name = "reason", nullable = false, updatable = false, length = REASON_MAXLENGTH)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private State state;

    @Column(name = "proposed_by", nullable = false, updatable = false, length = 64)
    private String proposedBy;

    @Column(name = "proposed_at", nullable = false, updatable = false)
    private OffsetDateTime proposedAt;

    @Column(name = "decided_by", length = 64)
    private String decidedBy;

    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    @Column(name = "decision_note", length = REASON_MAXLENGTH)
    private String decisionNote;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Compensation() {
        // for JPA
    }

    /** A new proposal, number {@code seq} of its case; the amount in fen as {@link Amount} read it. */
    public Compensation(Complaint complaint, int seq, CompensationType type, long amountFen, String reason,
            Actor proposer, Clock clock) {
        if (type == null) {
            throw KefuException.invalid("type", "field.required");
        }
        if (amountFen <= 0 || amountFen > Amount.MAX_FEN) {
            throw KefuException.invalid("amount", "compensation.amount.positive");
        }
        this.complaint = complaint;
        this.seq = seq;
        this.type = type;
        this.amountFen = amountFen;
        this.reason = text(reason, "reason", REASON_MAXLENGTH);
        this.state = State.PROPOSED;
        this.proposedBy = proposer.username();
        this.proposedAt = Clocks.utcNow(clock);
    }

    /**
     * Approves the proposal as {@code actor}, whose limit is {@code limitFen} ({@code null}: no limit). Refused when
     * the actor proposed it themselves (four eyes), when the amount is beyond their limit, or when it was decided.
     */
    public void approve(Actor actor, Long limitFen, Clock clock) {
        requireDecider(actor, limitFen);
        decide(State.APPROVED, actor, null, clock);
    }

    /** Refuses the proposal, by the same people who may approve it, with the reason the proposer will read. */
    public void refuse(Actor actor, Long limitFen, String why, Clock clock) {
        String note = text(why, "reason", REASON_MAXLENGTH);
        requireDecider(actor, limitFen);
        decide(State.REFUSED, actor, note, clock);
    }

    /** Whether {@code actor} could decide it now: open, not their own, within their limit. */
    public boolean decidableBy(Actor actor, Long limitFen) {
        return state == State.PROPOSED && !actor.username().equals(proposedBy) && covers(limitFen);
    }

    private void requireDecider(Actor actor, Long limitFen) {
        if (state != State.PROPOSED) {
            throw KefuException.conflict("compensation.decided", seq);
        }
        if (actor.username().equals(proposedBy)) {
            throw new KefuException(Failure.FORBIDDEN, "compensation.self.approval");
        }
        if (!covers(limitFen)) {
            throw new KefuException(Failure.FORBIDDEN, "compensation.over.limit", (Object) Amount.format(amountFen),
                    Amount.format(limitFen));
        }
    }

    private boolean covers(Long limitFen) {
        return limitFen == null || amountFen <= limitFen;
    }

    private void decide(State to, Actor actor, String note, Clock clock) {
        state = to;
        decidedBy = actor.username();
        decidedAt = Clocks.utcNow(clock);
        decisionNote = note;
    }

    /** How the case's history tells this step: "#2 REFUND 150.00: reason". */
    public String summary(String text) {
        return "#" + seq + " " + type.name() + " " + Amount.format(amountFen) + ": " + text;
    }

    public Complaint complaint() {
        return complaint;
    }

    public int seq() {
        return seq;
    }

    public CompensationType type() {
        return type;
    }

    public long amountFen() {
        return amountFen;
    }

    public String reason() {
        return reason;
    }

    public State state() {
        return state;
    }

    public String proposedBy() {
        return proposedBy;
    }

    public Instant proposedAt() {
        return proposedAt.toInstant();
    }

    public String decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt == null ? null : decidedAt.toInstant();
    }

    public String decisionNote() {
        return decisionNote;
    }

    public long version() {
        return version;
    }
}
