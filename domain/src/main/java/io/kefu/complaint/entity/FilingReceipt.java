package io.kefu.complaint.entity;

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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Proof that a filing with a given {@link IdempotencyKey} happened: written in the filing's own transaction, so
 * the receipt exists exactly when the case does. A retry with the key finds it and answers with that case; a
 * retry that carries other content under the same key is refused rather than guessed at.
 */
@Entity
@Table(name = "filing_receipt")
@NamedQuery(name = FilingReceipt.BY_KEY, query = "SELECT r FROM FilingReceipt r WHERE r.keyHash = :keyHash")
public class FilingReceipt extends TenantOwned {

    public static final String BY_KEY = "FilingReceipt.byKey";
    /** The database's name of the one-receipt-per-key rule; a concurrent twin of a filing breaks it. */
    public static final String UNIQUE_KEY = "filing_receipt_key";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "key_hash", nullable = false, updatable = false, length = 64)
    private String keyHash;

    @Column(name = "request_hash", nullable = false, updatable = false, length = 64)
    private String requestHash;

    @ManyToOne(optional = false)
    @JoinColumn(name = "complaint_id", nullable = false, updatable = false)
    private Complaint complaint;

    @Column(name = "sealed_token", nullable = false, updatable = false, length = 200)
    private String sealedToken;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected FilingReceipt() {
        // for JPA
    }

    public FilingReceipt(IdempotencyKey key, String requestHash, Complaint complaint, String trackingToken,
            Clock clock) {
        this.keyHash = key.hash();
        this.requestHash = Objects.requireNonNull(requestHash);
        this.complaint = Objects.requireNonNull(complaint);
        this.sealedToken = key.seal(trackingToken);
        this.createdAt = Clocks.utcNow(clock);
    }

    /** Whether a retry asks for the same filing as the first request did. */
    public boolean isFor(String otherRequestHash) {
        return requestHash.equals(otherRequestHash);
    }

    public Complaint complaint() {
        return complaint;
    }

    /** The tracking token the first answer gave, readable only with the key that filed it. */
    public String trackingToken(IdempotencyKey key) {
        return key.open(sealedToken);
    }

    /**
     * What the request asked for, as a hash: who files, through which channel, every field of the intake and every
     * file's name and content. Each part is length-prefixed, so no two different requests read the same.
     */
    public static String requestHash(String filer, String channel, Intake intake, List<Upload> uploads) {
        MessageDigest digest = IdempotencyKey.sha256();
        for (String part : new String[] {filer, channel, String.valueOf(intake.kind()), intake.categoryCode(),
                intake.description(), intake.location(), intake.contactName(), intake.contactPhone(),
                intake.contactEmail(), intake.desiredOutcome(), String.valueOf(intake.anonymous())}) {
            add(digest, part == null ? null : part.getBytes(StandardCharsets.UTF_8));
        }
        for (Upload upload : uploads) {
            add(digest, String.valueOf(upload.name()).getBytes(StandardCharsets.UTF_8));
            add(digest, upload.content());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void add(MessageDigest digest, byte[] bytes) {
        digest.update((bytes == null ? "-:" : bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        if (bytes != null) {
            digest.update(bytes);
        }
    }
}
