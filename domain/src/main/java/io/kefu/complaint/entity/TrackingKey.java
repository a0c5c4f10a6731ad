package io.kefu.complaint.entity;

import io.kefu.tenancy.entity.TenantOwned;
import io.kefu.time.Clocks;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One private tracking link of a case, kept as the hash of its token only. The filing makes the first (shown
 * once: in the answer, on the confirmation page, in the confirmation mail); every later mail to the resident
 * carries a new one, since the office cannot read the first back. All of a case's links stay valid: a
 * resident who kept any of them reaches the case.
 */
@Entity
@Table(name = "tracking_key")
@NamedQuery(name = TrackingKey.CASE_BY_HASH, query = "SELECT k.complaint FROM TrackingKey k WHERE k.tokenHash = :hash")
public class TrackingKey extends TenantOwned {

    public static final String CASE_BY_HASH = "TrackingKey.caseByHash";
    public static final int HASH_LENGTH = 64;

    /** A new key and its token, which is not kept anywhere: the caller hands it to the resident at once. */
    public record Issued(TrackingKey key, String token) {
    }

    @Id
    @SequenceGenerator(name = "tracking_key_id", sequenceName = "tracking_key_id_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tracking_key_id")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "complaint_id", nullable = false, updatable = false)
    private Complaint complaint;

    @Column(name = "token_hash", nullable = false, updatable = false, length = HASH_LENGTH)
    private String tokenHash;

    @Column(name = "issued_at", nullable = false, updatable = false)
    private OffsetDateTime issuedAt;

    protected TrackingKey() {
        // for JPA
    }

    public static Issued issue(Complaint complaint, Clock clock) {
        String token = TrackingToken.generate();
        TrackingKey key = new TrackingKey();
        key.complaint = Objects.requireNonNull(complaint);
        key.tokenHash = TrackingToken.hash(token);
        key.issuedAt = Clocks.utcNow(clock);
        return new Issued(key, token);
    }

    public Complaint complaint() {
        return complaint;
    }
}
