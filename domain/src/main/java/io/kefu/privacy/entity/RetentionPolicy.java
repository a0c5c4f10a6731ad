package io.kefu.privacy.entity;

import io.kefu.problem.Fields;
import io.kefu.problem.KefuException;
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
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * How long a tenant keeps the personal data of its finished cases: a case closed more than {@link #months()} ago
 * loses its contact's name, phone, e-mail and address (the retention job), and its attachments too under
 * {@link AttachmentRule#DELETE}. The case itself, its texts and every figure it counts in stay. A tenant that never
 * saved a policy works with {@link #defaults()}: 36 months, attachments kept.
 */
@Entity
@Table(name = "retention_policy")
@NamedQuery(name = RetentionPolicy.OF_TENANT, query = "SELECT p FROM RetentionPolicy p")
public class RetentionPolicy extends TenantOwned {

    public static final String OF_TENANT = "RetentionPolicy.ofTenant";
    public static final int DEFAULT_MONTHS = 36;
    /** Below half a year the callback, survey and complaint about the handling may still be under way. */
    public static final int MIN_MONTHS = 6;
    /** Ten years: no regulation the offices follow asks to keep contact data longer. */
    public static final int MAX_MONTHS = 120;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "months", nullable = false)
    private int months;

    @Enumerated(EnumType.STRING)
    @Column(name = "attachments", nullable = false, length = 8)
    private AttachmentRule attachments;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected RetentionPolicy() {
        // for JPA
    }

    /** 36 months, attachments kept: nothing is deleted that the tenant did not choose to delete. */
    public static RetentionPolicy defaults() {
        RetentionPolicy policy = new RetentionPolicy();
        policy.months = DEFAULT_MONTHS;
        policy.attachments = AttachmentRule.KEEP;
        return policy;
    }

    /** Changes both at once, checked as a whole: every field at fault is reported and nothing changes otherwise. */
    public void change(Integer months, String attachments) {
        int[] checkedMonths = new int[1];
        AttachmentRule[] rule = new AttachmentRule[1];
        KefuException.checkAll(
                () -> checkedMonths[0] = Fields.range(months, "months", MIN_MONTHS, MAX_MONTHS),
                () -> rule[0] = rule(attachments));
        this.months = checkedMonths[0];
        this.attachments = rule[0];
    }

    private static AttachmentRule rule(String value) {
        if (value == null || value.isBlank()) {
            throw KefuException.invalid("attachments", "field.required");
        }
        try {
            return AttachmentRule.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw KefuException.invalid("attachments", "field.choice.invalid", value.strip());
        }
    }

    /**
     * The moment before which a case must have closed for its personal data to go, as of {@code now}: whole
     * calendar months back (in UTC: a day's difference in the tenant's zone does not matter at this length).
     */
    public Instant cutoff(Instant now) {
        return now.atOffset(ZoneOffset.UTC).minusMonths(months).toInstant();
    }

    public int months() {
        return months;
    }

    public AttachmentRule attachments() {
        return attachments;
    }

    public boolean deletesAttachments() {
        return attachments == AttachmentRule.DELETE;
    }

    public long version() {
        return version;
    }
}
