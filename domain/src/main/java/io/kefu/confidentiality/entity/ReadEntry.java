package io.kefu.confidentiality.entity;

import io.kefu.resident.entity.Confidentiality;
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
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One read of a protected customer record that showed its personal data (查阅记录). Written once and never changed
 * (the table refuses UPDATE and DELETE); kept apart from the change audit, because a read changes nothing and
 * must be logged all the same.
 */
@Entity
@Table(name = "read_log")
@NamedQuery(name = ReadEntry.PAGE, query = "SELECT r FROM ReadEntry r WHERE (:actor IS NULL OR r.actor = :actor)"
        + " AND (:customer IS NULL OR r.customerKey = :customer) AND r.at >= :from AND r.at < :to"
        + " ORDER BY r.at DESC, r.id DESC")
@NamedQuery(name = ReadEntry.COUNT, query = "SELECT COUNT(r) FROM ReadEntry r WHERE (:actor IS NULL OR r.actor"
        + " = :actor) AND (:customer IS NULL OR r.customerKey = :customer) AND r.at >= :from AND r.at < :to")
public class ReadEntry extends TenantOwned {

    public static final String PAGE = "ReadEntry.page";
    public static final String COUNT = "ReadEntry.count";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "at", nullable = false, updatable = false)
    private OffsetDateTime at;

    @Column(name = "actor", nullable = false, updatable = false, length = 64)
    private String actor;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private Long customerId;

    @Column(name = "customer_key", nullable = false, updatable = false, length = 12)
    private String customerKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "level", nullable = false, updatable = false, length = 16)
    private Confidentiality level;

    @Column(name = "case_number", updatable = false, length = 13)
    private String caseNumber;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false, updatable = false, length = 8)
    private ReadChannel channel;

    @Enumerated(EnumType.STRING)
    @Column(name = "basis", nullable = false, updatable = false, length = 16)
    private Basis basis;

    @Column(name = "grant_key", updatable = false, length = 12)
    private String grantKey;

    @Column(name = "reason", updatable = false, length = AccessGrant.REASON_MAXLENGTH)
    private String reason;

    protected ReadEntry() {
        // for JPA
    }

    public ReadEntry(OffsetDateTime at, String actor, Long customerId, String customerKey, Confidentiality level,
            String caseNumber, ReadChannel channel, Basis basis, String grantKey, String reason) {
        this.at = Objects.requireNonNull(at);
        this.actor = Objects.requireNonNull(actor);
        this.customerId = Objects.requireNonNull(customerId);
        this.customerKey = Objects.requireNonNull(customerKey);
        this.level = Objects.requireNonNull(level);
        this.caseNumber = caseNumber;
        this.channel = Objects.requireNonNull(channel);
        this.basis = Objects.requireNonNull(basis);
        this.grantKey = grantKey;
        this.reason = reason;
    }

    public Long id() {
        return id;
    }

    public OffsetDateTime at() {
        return at;
    }

    public String actor() {
        return actor;
    }

    public Long customerId() {
        return customerId;
    }

    public String customerKey() {
        return customerKey;
    }

    public Confidentiality level() {
        return level;
    }

    public String caseNumber() {
        return caseNumber;
    }

    public ReadChannel channel() {
        return channel;
    }

    public Basis basis() {
        return basis;
    }

    public String grantKey() {
        return grantKey;
    }

    public String reason() {
        return reason;
    }
}
