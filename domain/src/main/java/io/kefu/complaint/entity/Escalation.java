package io.kefu.complaint.entity;

import io.kefu.time.Clocks;
import io.kefu.tenancy.entity.TenantOwned;
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
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * A case was reported up, once per reason: a major complaint to the manager at once (需上报物业中心经理),
 * an overdue case to the supervisors, and if it stays overdue, to the manager. The table's unique constraint
 * (case, reason) is what makes each escalation happen exactly once, whichever node notices first.
 */
@Entity
@Table(name = "escalation")
@NamedQuery(name = Escalation.OF_CASE, query = "SELECT e FROM Escalation e WHERE e.complaint = :complaint")
public class Escalation extends TenantOwned {

    public static final String OF_CASE = "Escalation.ofCase";

    /** Why a case was reported up, and how high that reaches. */
    public enum Reason {
        /** Severity MAJOR: the manager is told at once. */
        MAJOR(2),
        /** Past a deadline: the supervisors are told. */
        OVERDUE(1),
        /** Still overdue a working day later: the manager is told. */
        OVERDUE_MANAGER(2);

        private final int level;

        Reason(int level) {
            this.level = level;
        }

        public int level() {
            return level;
        }

        /** Whether the manager, rather than the supervisors, is the one told. */
        public boolean toManager() {
            return level == 2;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "complaint_id", nullable = false, updatable = false)
    private Complaint complaint;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason", nullable = false, updatable = false, length = 16)
    private Reason reason;

    @Column(name = "escalated_at", nullable = false, updatable = false)
    private OffsetDateTime escalatedAt;

    protected Escalation() {
        // for JPA
    }

    public Escalation(Complaint complaint, Reason reason, Clock clock) {
        this.complaint = complaint;
        this.reason = reason;
        this.escalatedAt = Clocks.utcNow(clock);
    }

    public Reason reason() {
        return reason;
    }

    public OffsetDateTime escalatedAt() {
        return escalatedAt;
    }
}
