package io.kefu.portal.platform;

import io.kefu.tenancy.entity.TenantRef;

/** A tenant as the platform operator sees it. */
public record TenantJson(String slug, String nameZh, String nameEn, String kind, String status, String timeZone,
        String defaultLocale) {

    static TenantJson of(TenantRef tenant) {
        return new TenantJson(tenant.slug().value(), tenant.nameZh(), tenant.nameEn(), tenant.kind().name(),
                tenant.status().name(), tenant.zone().getId(), tenant.defaultLocale().toLanguageTag());
    }
}
