package io.kefu.handover.entity;

import io.kefu.tenancy.entity.TenantOwned;
import io.kefu.time.Clocks;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;

/** One person's acknowledgement of a hand-over (who, when); once per person. */
@Entity
@Table(name = "handover_ack")
@NamedQuery(name = HandoverAck.OF, query = "SELECT a FROM HandoverAck a WHERE a.handover = :handover "
        + "ORDER BY a.ackedAt, a.id")
public class HandoverAck extends TenantOwned {

    public static final String OF = "HandoverAck.of";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "handover_id", nullable = false, updatable = false)
    private Handover handover;

    @Column(name = "username", nullable = false, updatable = false, length = 64)
    private String username;

    @Column(name = "acked_at", nullable = false, updatable = false)
    private OffsetDateTime ackedAt;

    protected HandoverAck() {
        // for JPA
    }

    public HandoverAck(Handover handover, String username, Clock clock) {
        this.handover = handover;
        this.username = username;
        this.ackedAt = Clocks.utcNow(clock);
    }

    public String username() {
        return username;
    }

    public Instant ackedAt() {
        return ackedAt.toInstant();
    }
}
