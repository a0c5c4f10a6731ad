package io.kefu.survey.entity;

import io.kefu.complaint.entity.Complaint;
import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
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
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The invitation to answer the post-case survey: made when the case closes (at most one per case), due some
 * hours later, then sent — by mail when the resident left an address, and on the tracking page — with a link
 * valid for a number of days. Answered once.
 */
@Entity
@Table(name = "survey_invitation")
@NamedQuery(name = Invitation.OF_CASE, query = "SELECT i FROM Invitation i WHERE i.complaint = :complaint")
// Only for cases still closed: one reopened meanwhile is asked when it closes again.
@NamedQuery(name = Invitation.DUE, query = "SELECT i.id FROM Invitation i WHERE i.sentAt IS NULL "
        + "AND i.dueAt <= :now AND i.complaint.status = :closed ORDER BY i.dueAt")
@NamedQuery(name = Invitation.SEND, query = "UPDATE Invitation i SET i.sentAt = :now, i.expiresAt = :expires "
        + "WHERE i.id = :id AND i.sentAt IS NULL")
@NamedQuery(name = Invitation.SENT_OF_TEMPLATE, query = "SELECT COUNT(i) FROM Invitation i "
        + "WHERE i.template = :template AND i.sentAt IS NOT NULL")
public class Invitation extends TenantOwned {

    public static final String OF_CASE = "Invitation.ofCase";
    public static final String DUE = "Invitation.due";
    public static final String SEND = "Invitation.send";
    public static final String SENT_OF_TEMPLATE = "Invitation.sentOfTemplate";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "complaint_id", nullable = false, updatable = false)
    private Complaint complaint;

    @ManyToOne(optional = false)
    @JoinColumn(name = "template_id", nullable = false, updatable = false)
    private SurveyTemplate template;

    @Column(name = "due_at", nullable = false, updatable = false)
    private OffsetDateTime dueAt;

    @Column(name = "sent_at")
    private OffsetDateTime sentAt;

    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    @Column(name = "responded_at")
    private OffsetDateTime respondedAt;

    protected Invitation() {
        // for JPA
    }

    public Invitation(Complaint complaint, SurveyTemplate template, Duration delay, Clock clock) {
        this.complaint = complaint;
        this.template = template;
        this.dueAt = Clocks.utcNow(clock).plus(delay);
    }

    /** A response may be given: sent, not yet answered, and the link still valid at {@code now}. */
    public void checkOpen(Instant now) {
        if (sentAt == null) {
            throw KefuException.notFound("survey.link.invalid");
        }
        if (respondedAt != null) {
            throw KefuException.conflict("survey.link.used");
        }
        if (expiresAt != null && !now.isBefore(expiresAt.toInstant())) {
            throw new KefuException(Failure.GONE, "survey.link.expired");
        }
    }

    public void responded(Clock clock) {
        checkOpen(clock.instant());
        respondedAt = Clocks.utcNow(clock);
    }

    /** The link may be shown on the tracking page: sent, unanswered, still valid. */
    public boolean isOpen(Instant now) {
        return sentAt != null && respondedAt == null && expiresAt != null && now.isBefore(expiresAt.toInstant());
    }

    public Long id() {
        return id;
    }

    public Complaint complaint() {
        return complaint;
    }

    public SurveyTemplate template() {
        return template;
    }

    public Instant dueAt() {
        return dueAt.toInstant();
    }

    public Instant sentAt() {
        return sentAt == null ? null : sentAt.toInstant();
    }

    public Instant expiresAt() {
        return expiresAt == null ? null : expiresAt.toInstant();
    }

    public boolean isAnswered() {
        return respondedAt != null;
    }
}
