package io.kefu.handover.entity;

import io.kefu.tenancy.entity.TenantOwned;
import io.kefu.time.Clocks;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * The supervisors were told that nobody of the next shift acknowledged a hand-over in time. The database keeps one
 * per hand-over, so a second round, or a second node, cannot tell them twice: its insert fails with its notices.
 */
@Entity
@Table(name = "handover_alert")
public class HandoverAlert extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @OneToOne(optional = false)
    @JoinColumn(name = "handover_id", nullable = false, updatable = false)
    private Handover handover;

    @Column(name = "alerted_at", nullable = false, updatable = false)
    private OffsetDateTime alertedAt;

    protected HandoverAlert() {
        // for JPA
    }

    public HandoverAlert(Handover handover, Clock clock) {
        this.handover = handover;
        this.alertedAt = Clocks.utcNow(clock);
    }
}
