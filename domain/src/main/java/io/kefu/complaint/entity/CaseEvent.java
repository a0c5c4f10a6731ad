package io.kefu.complaint.entity;

import io.kefu.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One step in a case's history: who, when, what, from which status to which, with its text. Append-only:
 * every column is written once (表单条目都应有填写人签字、填写日期); nothing here has a setter. Public events
 * (registration, replies, resolution…) are what the resident's tracking page shows; internal notes are not.
 */
@Entity
@Table(name = "case_event")
public class CaseEvent extends TenantOwned {

    /** What happened, beyond the workflow's actions: the case was registered. */
    public static final String REGISTERED = "REGISTER";
    /** The case was reported up (overdue, or major); the text names the reason. */
    public static final String ESCALATED = "ESCALATE";
    /** A dispatch order was issued or completed; the text says which and what. */
    public static final String DISPATCHED = "DISPATCH";
    /**
     * A history line holds a free text of the case's full length plus what it is about: the department of a
     * routing ("engineering: …"), both people of a hand-over, the number of a dispatch order.
     */
    public static final int BODY_MAXLENGTH = Complaint.TEXT_MAXLENGTH + 200;

    @Id
    @SequenceGenerator(name = "case_event_id", sequenceName = "case_event_id_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_event_id")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "complaint_id", nullable = false, updatable = false)
    private Complaint complaint;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private OffsetDateTime at;

    @Column(name = "actor", nullable = false, updatable = false, length = 64)
    private String actor;

    @Column(name = "event_action", nullable = false, updatable = false, length = 32)
    private String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", updatable = false, length = 32)
    private CaseStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, updatable = false, length = 32)
    private CaseStatus to;

    @Column(name = "body", updatable = false, length = BODY_MAXLENGTH)
    private String text;

    @Column(name = "public_event", nullable = false, updatable = false)
    private boolean publicEvent;

    protected CaseEvent() {
        // for JPA
    }

    CaseEvent(Complaint complaint, OffsetDateTime at, String actor, String action, CaseStatus from, CaseStatus to,
            String text, boolean publicEvent) {
        this.complaint = complaint;
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.from = from;
        this.to = to;
        this.text = text;
        this.publicEvent = publicEvent;
    }

    public OffsetDateTime at() {
        return at;
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public CaseStatus from() {
        return from;
    }

    public CaseStatus to() {
        return to;
    }

    public String text() {
        return text;
    }

    public boolean isPublic() {
        return publicEvent;
    }
}
