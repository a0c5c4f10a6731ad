package io.kefu.notice.entity;

import io.kefu.time.Clocks;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * An e-mail waiting to go out. Written in the transaction that decided to send it (so an action that rolls
 * back sends nothing) and delivered afterwards by whichever node holds the mail job's lease. Deliberately not
 * tenant-owned: the delivering job works through every tenant's queue at once; the tenant id is kept for the
 * record, and nothing here is shown to any tenant.
 */
@Entity
@Table(name = "outbound_mail")
@NamedQuery(name = OutboundMail.PENDING, query = "SELECT m FROM OutboundMail m WHERE m.sentAt IS NULL "
        + "AND m.attempts < :maxAttempts AND (m.claimedUntil IS NULL OR m.claimedUntil < :now) ORDER BY m.id")
@NamedQuery(name = OutboundMail.CLAIM, query = "UPDATE OutboundMail m SET m.claimedUntil = :until WHERE m.id = :id "
        + "AND m.sentAt IS NULL AND (m.claimedUntil IS NULL OR m.claimedUntil < :now)")
public class OutboundMail {

    public static final String PENDING = "OutboundMail.pending";
    public static final String CLAIM = "OutboundMail.claim";
    /** With the back-off below, a mail is tried for about three hours before it is given up. */
    public static final int MAX_ATTEMPTS = 8;
    public static final int PRIVATE_LINK_MAXLENGTH = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private long tenantId;

    @Column(name = "recipient", nullable = false, updatable = false, length = 254)
    private String recipient;

    @Column(name = "subject", nullable = false, updatable = false, length = 300)
    private String subject;

    @Column(name = "body", nullable = false, updatable = false, length = 10_000)
    private String body;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "sent_at")
    private OffsetDateTime sentAt;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "last_error", length = 500)
    private String lastError;

    /**
     * A private link the mail carries (a resident's tracking link), sent after the body and then forgotten: once
     * the mail is out (or given up) the database keeps no usable link, only the text around it.
     */
    @Column(name = "private_link", length = PRIVATE_LINK_MAXLENGTH)
    private String privateLink;

    /** Until when one node is sending it; no other node touches it meanwhile. */
    @Column(name = "claimed_until")
    private OffsetDateTime claimedUntil;

    @Column(name = "attachment_name", length = 200)
    private String attachmentName;

    @Column(name = "attachment_type", length = 100)
    private String attachmentType;

    @Column(name = "attachment")
    private byte[] attachment;

    /** A file a mail carries: its name as the recipient sees it, its media type and its bytes. */
    public record Attachment(String name, String mediaType, byte[] content) {
    }

    protected OutboundMail() {
        // for JPA
    }

    public OutboundMail(long tenantId, String recipient, String subject, String body, Clock clock) {
        this(tenantId, recipient, subject, body, (String) null, clock);
    }

    /** A mail whose text ends with {@code privateLink}, which is kept only until the mail is sent or given up. */
    public OutboundMail(long tenantId, String recipient, String subject, String body, String privateLink,
            Clock clock) {
        if (privateLink != null && privateLink.length() > PRIVATE_LINK_MAXLENGTH) {
            throw new IllegalArgumentException("private link longer than " + PRIVATE_LINK_MAXLENGTH);
        }
        this.privateLink = privateLink;
        this.tenantId = tenantId;
        this.recipient = recipient;
        this.subject = subject.length() > 300 ? subject.substring(0, 300) : subject;
        this.body = body.length() > 10_000 ? body.substring(0, 10_000) : body;
        this.createdAt = Clocks.utcNow(clock);
    }

    /** A mail with a file attached; the file is kept only until the mail is sent or given up. */
    public OutboundMail(long tenantId, String recipient, String subject, String body, Attachment file, Clock clock) {
        this(tenantId, recipient, subject, body, (String) null, clock);
        this.attachmentName = file.name().length() > 200 ? file.name().substring(0, 200) : file.name();
        this.attachmentType = file.mediaType();
        this.attachment = file.content();
    }

    public void sent(Clock clock) {
        attempts++;
        sentAt = Clocks.utcNow(clock);
        lastError = null;
        privateLink = null;
        attachment = null;
    }

    /** The attached file, or {@code null}. */
    public Attachment attachment() {
        return attachment == null ? null : new Attachment(attachmentName, attachmentType, attachment);
    }

    /** A failed attempt: tried again after 2, 4, 8… minutes (at most an hour), so an SMTP outage loses nothing. */
    public void failed(String error, Clock clock) {
        attempts++;
        lastError = error == null ? "?" : error.length() > 500 ? error.substring(0, 500) : error;
        claimedUntil = Clocks.utcNow(clock)
                .plusMinutes(Math.min(60, 1L << Math.min(attempts, 6)));
        if (attempts >= MAX_ATTEMPTS) {
            privateLink = null;
            attachment = null;
        }
    }

    public OffsetDateTime claimedUntil() {
        return claimedUntil;
    }

    public Long id() {
        return id;
    }

    public long tenantId() {
        return tenantId;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public String recipient() {
        return recipient;
    }

    public String subject() {
        return subject;
    }

    public String body() {
        return body;
    }

    /** What goes out: the body and, while it is kept, the private link after it. */
    public String text() {
        return privateLink == null ? body : body + privateLink;
    }
}
