package io.kefu.audit.entity;

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
 * One act of a platform operator: a tenant opened, its opening undone, suspended, resumed, or its usage read.
 * Global (no tenant owns it; operators read all of it), written once and never changed (the table's trigger
 * refuses anything else). The tenant is named by its slug, so an entry outlives a tenant whose opening was undone.
 */
@Entity
@Table(name = "platform_audit_entry")
@NamedQuery(name = PlatformAuditEntry.PAGE, query = "SELECT a FROM PlatformAuditEntry a WHERE (:action IS NULL OR"
        + " a.action = :action) AND (:tenant IS NULL OR a.tenantSlug = :tenant) ORDER BY a.at DESC, a.id DESC")
@NamedQuery(name = PlatformAuditEntry.COUNT, query = "SELECT COUNT(a) FROM PlatformAuditEntry a WHERE (:action IS"
        + " NULL OR a.action = :action) AND (:tenant IS NULL OR a.tenantSlug = :tenant)")
public class PlatformAuditEntry {

    public static final String PAGE = "PlatformAuditEntry.page";
    public static final String COUNT = "PlatformAuditEntry.count";

    /** The acts recorded, as stable codes (translated when shown: {@code platform.audit.action.<code>}). */
    public enum Action {
        TENANT_OPENED, TENANT_OPENING_UNDONE, TENANT_SUSPENDED, TENANT_RESUMED, USAGE_READ
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "at", nullable = false, updatable = false)
    private OffsetDateTime at;

    @Column(name = "actor", nullable = false, updatable = false, length = 64)
    private String actor;

    @Column(name = "action", nullable = false, updatable = false, length = 64)
    private String action;

    @Column(name = "tenant_slug", updatable = false, length = 40)
    private String tenantSlug;

    @Column(name = "details", updatable = false, length = 2000)
    private String details;

    protected PlatformAuditEntry() {
        // for JPA
    }

    /** {@code tenantSlug} null when the act covered every tenant (the usage of all of them read at once). */
    public PlatformAuditEntry(String actor, Action action, String tenantSlug, String details, Clock clock) {
        this.at = OffsetDateTime.now(clock);
        this.actor = AuditEntry.cut(Objects.requireNonNull(actor), 64);
        this.action = action.name();
        this.tenantSlug = tenantSlug;
        this.details = details == null ? null : AuditEntry.cut(details, 2000);
    }

    public OffsetDateTime at() {
        return at;
    }

    public String actor() {
        return actor;
    }

    public Action action() {
        return Action.valueOf(action);
    }

    public String tenantSlug() {
        return tenantSlug;
    }

    public String details() {
        return details;
    }
}
