package io.kefu.handover.entity;

import io.kefu.problem.Fields;
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

/** An addition to a submitted hand-over, by its author or a supervisor; appended, never changed. */
@Entity
@Table(name = "handover_entry")
@NamedQuery(name = HandoverEntry.OF, query = "SELECT e FROM HandoverEntry e WHERE e.handover = :handover "
        + "ORDER BY e.writtenAt, e.id")
public class HandoverEntry extends TenantOwned {

    public static final String OF = "HandoverEntry.of";
    public static final int TEXT_MAXLENGTH = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "handover_id", nullable = false, updatable = false)
    private Handover handover;

    @Column(name = "author", nullable = false, updatable = false, length = 64)
    private String author;

    @Column(name = "written_at", nullable = false, updatable = false)
    private OffsetDateTime writtenAt;

    @Column(name = "text", nullable = false, updatable = false, length = TEXT_MAXLENGTH)
    private String text;

    protected HandoverEntry() {
        // for JPA
    }

    public HandoverEntry(Handover handover, String author, String text, Clock clock) {
        this.handover = handover;
        this.author = author;
        this.text = Fields.text(text, "text", TEXT_MAXLENGTH);
        this.writtenAt = Clocks.utcNow(clock);
    }

    public String author() {
        return author;
    }

    public Instant writtenAt() {
        return writtenAt.toInstant();
    }

    public String text() {
        return text;
    }
}
