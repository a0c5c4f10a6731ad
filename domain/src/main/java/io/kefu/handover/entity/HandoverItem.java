package io.kefu.handover.entity;

import io.kefu.problem.Fields;
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
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One line of a hand-over: a case or callback from the prefill (its number or key, what it is about, when it is
 * due) and the author's remark. Never changed after submission.
 */
@Entity
@Table(name = "handover_item")
public class HandoverItem extends TenantOwned {

    public static final int SUMMARY_MAXLENGTH = 300;
    public static final int REMARK_MAXLENGTH = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "handover_id", nullable = false, updatable = false)
    private Handover handover;

    @Column(name = "seq", nullable = false, updatable = false)
    private int seq;

    @Enumerated(EnumType.STRING)
    @Column(name = "section", nullable = false, updatable = false, length = 16)
    private Section section;

    /** The case number, or the callback's key. */
    @Column(name = "subject", nullable = false, updatable = false, length = 40)
    private String subject;

    @Column(name = "summary", nullable = false, updatable = false, length = SUMMARY_MAXLENGTH)
    private String summary;

    @Column(name = "due_at", updatable = false)
    private OffsetDateTime dueAt;

    @Column(name = "remark", updatable = false, length = REMARK_MAXLENGTH)
    private String remark;

    protected HandoverItem() {
        // for JPA
    }

    HandoverItem(Handover handover, int seq, Item line, String remark, String field) {
        this.handover = handover;
        this.seq = seq;
        this.section = line.section();
        this.subject = line.subject();
        this.summary = line.summary();
        this.dueAt = line.due() == null ? null : line.due().atOffset(ZoneOffset.UTC);
        this.remark = Fields.optional(remark, field, REMARK_MAXLENGTH);
    }

    /** A line as the prefill offers it, before the author kept it. */
    public record Item(Section section, String subject, String summary, Instant due)
            implements java.io.Serializable {

        public Item {
            summary = summary.length() > SUMMARY_MAXLENGTH ? summary.substring(0, SUMMARY_MAXLENGTH - 1) + "…"
                    : summary;
        }
    }

    public Item item() {
        return new Item(section, subject, summary, dueAt == null ? null : dueAt.toInstant());
    }

    public int seq() {
        return seq;
    }

    public Section section() {
        return section;
    }

    public String subject() {
        return subject;
    }

    public String summary() {
        return summary;
    }

    public Instant dueAt() {
        return dueAt == null ? null : dueAt.toInstant();
    }

    public String remark() {
        return remark;
    }
}
