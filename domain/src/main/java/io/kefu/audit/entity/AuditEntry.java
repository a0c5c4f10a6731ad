package io.kefu.audit.entity;

import io.kefu.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One change in a tenant's audit log. Written once, never changed: there is no setter and no version. Long
 * values are cut to the column (with an ellipsis) rather than refusing the change they describe.
 */
@Entity
@Table(name = "audit_entry")
@NamedQuery(name = AuditEntry.PAGE, query = "SELECT a FROM AuditEntry a WHERE (:action IS NULL OR a.action = :action)"
        + " AND (:actor IS NULL OR a.actor = :actor) ORDER BY a.at DESC, a.id DESC")
@NamedQuery(name = AuditEntry.COUNT, query = "SELECT COUNT(a) FROM AuditEntry a WHERE (:action IS NULL OR a.action"
        + " = :action) AND (:actor IS NULL OR a.actor = :actor)")
public class AuditEntry extends TenantOwned {

    public static final String PAGE = "AuditEntry.page";
    public static final String COUNT = "AuditEntry.count";
    public static final int ACTION_MAXLENGTH = 64;
    public static final int TARGET_MAXLENGTH = 200;
    public static final int VALUE_MAXLENGTH = 8000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "at", nullable = false, updatable = false)
    private OffsetDateTime at;

    @Column(name = "actor", nullable = false, updatable = false, length = 64)
    private String actor;

    @Column(name = "action", nullable = false, updatable = false, length = ACTION_MAXLENGTH)
    private String action;

    @Column(name = "target", nullable = false, updatable = false, length = TARGET_MAXLENGTH)
    private String target;

    @Column(name = "before_value", updatable = false, length = VALUE_MAXLENGTH)
    private String before;

    @Column(name = "after_value", updatable = false, length = VALUE_MAXLENGTH)
    private String after;

    protected AuditEntry() {
        // for JPA
    }

    public AuditEntry(String actor, String action, String target, String before, String after, Clock clock) {
        this.at = OffsetDateTime.now(clock);
        this.actor = cut(Objects.requireNonNull(actor), 64);
        this.action = cut(Objects.requireNonNull(action), ACTION_MAXLENGTH);
        this.target = cut(target == null ? "" : target, TARGET_MAXLENGTH);
        this.before = before == null ? null : cut(before, VALUE_MAXLENGTH);
        this.after = after == null ? null : cut(after, VALUE_MAXLENGTH);
    }

    static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
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

    public String action() {
        return action;
    }

    public String target() {
        return target;
    }

    public String before() {
        return before;
    }

    public String after() {
        return after;
    }
}
