package io.kefu.portal.platform;

import io.kefu.admin.provisioning.boundary.TenantUsage;
import io.kefu.tenancy.entity.TenantRef;

/**
 * A tenant as the platform operator sees it; the usage figures are null where they were not counted (right
 * after opening, suspending or resuming).
 */
public record TenantJson(String slug, String nameZh, String nameEn, String kind, String status, String timeZone,
        String defaultLocale, Long casesThisMonth, Long closedThisMonth, Long openCases, Long overdueCases, Long users,
        Long storageBytes) {

    static TenantJson of(TenantRef tenant) {
        return of(tenant, null);
    }

    static TenantJson of(TenantRef tenant, TenantUsage.Usage usage) {
        return new TenantJson(tenant.slug().value(), tenant.nameZh(), tenant.nameEn(), tenant.kind().name(),
                tenant.status().name(), tenant.zone().getId(), tenant.defaultLocale().toLanguageTag(),
                usage == null ? null : usage.casesThisMonth(), usage == null ? null : usage.closedThisMonth(),
                usage == null ? null : usage.openCases(), usage == null ? null : usage.overdueCases(),
                usage == null ? null : usage.users(),
                usage == null ? null : usage.storageBytes());
    }
}
