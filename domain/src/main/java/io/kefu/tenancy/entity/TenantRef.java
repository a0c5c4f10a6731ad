package io.kefu.tenancy.entity;

import java.time.ZoneId;
import java.util.Locale;

/**
 * A detached snapshot of the tenant a request acts for: safe to keep for the whole request, never a managed
 * entity (an entity would outlive its transaction and could be written by accident).
 */
public record TenantRef(long id, TenantSlug slug, String nameZh, String nameEn, TenantKind kind,
        TenantStatus status, ZoneId zone, Locale defaultLocale) {

    public static TenantRef of(Tenant tenant) {
        return new TenantRef(tenant.id(), tenant.slug(), tenant.name().zh(), tenant.name().en(), tenant.kind(),
                tenant.status(), tenant.timeZone(), tenant.defaultLocale());
    }

    public String name(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }

    public boolean isActive() {
        return status == TenantStatus.ACTIVE;
    }
}
