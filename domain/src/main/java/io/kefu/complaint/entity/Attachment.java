package io.kefu.complaint.entity;

import io.kefu.time.Clocks;
import io.kefu.tenancy.entity.TenantOwned;
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
import java.time.OffsetDateTime;

/**
 * A photo or PDF filed with a case. Kept in the database with the case (every node sees it, a backup holds
 * it), numbered 1, 2, 3… within the case so that addresses never show a database id. Its media type is the
 * one {@link FileType} recognised in the content, never what the name or the browser claimed.
 */
@Entity
@Table(name = "attachment")
@NamedQuery(name = Attachment.OF_CASE, query = "SELECT new io.kefu.complaint.entity.Attachment$Summary("
        + "a.seq, a.fileName, a.mediaType, a.size, a.uploadedAt) FROM Attachment a WHERE a.complaint = :complaint "
        + "ORDER BY a.seq")
@NamedQuery(name = Attachment.BY_SEQ, query = "SELECT a FROM Attachment a WHERE a.complaint = :complaint "
        + "AND a.seq = :seq")
public class Attachment extends TenantOwned {

    public static final String OF_CASE = "Attachment.ofCase";
    public static final String BY_SEQ = "Attachment.bySeq";
    public static final int NAME_MAXLENGTH = 200;

    /** What lists show of an attachment, without its bytes. */
    public record Summary(int seq, String fileName, String mediaType, int size, OffsetDateTime uploadedAt) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "complaint_id", nullable = false, updatable = false)
    private Complaint complaint;

    @Column(name = "seq", nullable = false, updatable = false)
    private int seq;

    @Column(name = "file_name", nullable = false, updatable = false, length = NAME_MAXLENGTH)
    private String fileName;

    @Column(name = "media_type", nullable = false, updatable = false, length = 64)
    private String mediaType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private int size;

    // Loaded with the row: an attachment is loaded only to be sent, after its transaction, and outside a
    // transaction of its tenant the database refuses tenant rows (row-level security). Lists use Summary.
    @Column(name = "content", nullable = false, updatable = false)
    private byte[] content;

    @Column(name = "uploaded_at", nullable = false, updatable = false)
    private OffsetDateTime uploadedAt;

    @Column(name = "uploaded_by", nullable = false, updatable = false, length = 64)
    private String uploadedBy;

    protected Attachment() {
        // for JPA
    }

    public Attachment(Complaint complaint, int seq, Upload upload, FileType type, String uploadedBy, Clock clock) {
        this.complaint = complaint;
        this.seq = seq;
        this.fileName = upload.safeName();
        this.mediaType = type.mediaType();
        this.size = upload.content().length;
        this.content = upload.content();
        this.uploadedBy = uploadedBy;
        this.uploadedAt = Clocks.utcNow(clock);
    }

    public int seq() {
        return seq;
    }

    public String fileName() {
        return fileName;
    }

    public String mediaType() {
        return mediaType;
    }

    public byte[] content() {
        return content;
    }
}
