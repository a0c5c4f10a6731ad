package io.kefu.workspace.boundary;

import io.kefu.audit.boundary.AuditLog;
import io.kefu.cache.Snapshots;
import io.kefu.problem.KefuException;
import io.kefu.problem.Writes;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.tenancy.entity.Tenant;
import io.kefu.workspace.entity.IntakeField;
import io.kefu.workspace.entity.TenantLogo;
import io.kefu.workspace.entity.WorkspaceSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The current tenant's workspace as its admins set it up: names, language and zone (on the global tenant row,
 * changed by the current tenant's id only), the look of its pages and logo, the intake form's rules and what
 * customer grades change. Saved as a whole at the version it was read: a concurrent change is refused.
 */
@ApplicationScoped
@Transactional
public class WorkspaceSetup {

    /** What the workspace page edits, as one value. */
    public record Change(String nameZh, String nameEn, String defaultLocale, String timeZone, String primaryColour,
            Set<IntakeField> requiredFields, Integer maxFiles, Integer maxFileMb,
            WorkspaceSettings.GradePercents grades) {
    }

    @Inject
    EntityManager em;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public WorkspaceSettings settings() {
        return stored().orElseGet(WorkspaceSettings::defaults);
    }

    @Inject
    Snapshots snapshots;

    /**
     * The intake rules and grade shares for reading only, as this node holds them ({@link Snapshots}); shared
     * between requests, so never changed (change {@link #settings()} through {@link #update}).
     */
    public WorkspaceSettings rules() {
        return snapshots.get(Snapshots.tenant(currentTenant.get().id()), "workspace", this::settings);
    }

    /** The current tenant's own row (never another's: looked up by the id the request was resolved to). */
    public Tenant tenant() {
        return em.find(Tenant.class, currentTenant.get().id());
    }

    /**
     * Saves names, language, zone and settings together; {@code expectedVersion} as read (0 before the first
     * save). Every wrong field is reported at once and nothing is saved unless all are right.
     */
    public WorkspaceSettings update(Change change, long expectedVersion) {
        Optional<WorkspaceSettings> stored = stored();
        if (stored.orElseGet(WorkspaceSettings::defaults).version() != expectedVersion) {
            throw KefuException.conflict("concurrent.change");
        }
        WorkspaceSettings settings = stored.orElseGet(WorkspaceSettings::defaults);
        Tenant tenant = tenant();
        String before = describe(tenant, settings);
        KefuException.checkAll(
                () -> tenant.reconfigure(change.nameZh(), change.nameEn(), change.defaultLocale(), change.timeZone()),
                () -> settings.change(change.primaryColour(), change.requiredFields(), change.maxFiles(),
                        change.maxFileMb(), change.grades()));
        if (stored.isEmpty()) {
            em.persist(settings);
        } else {
            // The version guards the tenant row's fields too: it moves on every save, even when only they changed.
            em.lock(settings, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        }
        Writes.flush(em);
        audit.record("settings.workspace", tenant.slug().value(), before, describe(tenant, settings));
        return settings;
    }

    public Optional<TenantLogo> logo() {
        return em.createNamedQuery(TenantLogo.OF_TENANT, TenantLogo.class).getResultStream().findFirst();
    }

    /** The tag of the current logo, if there is one: pages link {@code logo?v=tag}. */
    public Optional<String> logoTag() {
        return em.createNamedQuery(TenantLogo.TAG, String.class).getResultStream().findFirst();
    }

    /** Replaces the logo with checked image bytes (PNG, JPEG or WebP, at most 512 KB). */
    public TenantLogo replaceLogo(byte[] image) {
        Optional<TenantLogo> stored = logo();
        String before = stored.map(TenantLogo::etag).orElse(null);
        TenantLogo logo = stored.orElse(null);
        if (logo == null) {
            logo = new TenantLogo(image, clock);
            em.persist(logo);
        } else {
            logo.replace(image, clock);
        }
        Writes.flush(em);
        audit.record("settings.logo", currentTenant.get().slug().value(), before, logo.etag());
        return logo;
    }

    public void removeLogo() {
        logo().ifPresent(logo -> {
            em.remove(logo);
            audit.record("settings.logo", currentTenant.get().slug().value(), logo.etag(), null);
        });
    }

    private static String describe(Tenant tenant, WorkspaceSettings settings) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("nameZh", tenant.name().zh());
        values.put("nameEn", tenant.name().en());
        values.put("defaultLocale", tenant.defaultLocale().toLanguageTag());
        values.put("timeZone", tenant.timeZone().getId());
        values.put("primaryColour", settings.hasOwnColour() ? settings.primaryColour() : null);
        values.put("requiredFields", settings.requiredFields());
        values.put("maxFiles", settings.maxFiles());
        values.put("maxFileMb", settings.maxFileMb());
        values.put("gradePercents", settings.gradePercents());
        return AuditLog.describe(values);
    }

    private Optional<WorkspaceSettings> stored() {
        return em.createNamedQuery(WorkspaceSettings.OF_TENANT, WorkspaceSettings.class).getResultStream()
                .findFirst();
    }
}
