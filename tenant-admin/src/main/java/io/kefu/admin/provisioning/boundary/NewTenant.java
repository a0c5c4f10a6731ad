package io.kefu.admin.provisioning.boundary;

import io.kefu.tenancy.entity.TenantKind;

/**
 * What the platform operator types to open a tenant. Plain strings, validated by the domain (slug format,
 * names, zone, locale) so the page and the REST API report the same field errors.
 */
public record NewTenant(String slug, String nameZh, String nameEn, TenantKind kind, String timeZone,
        String defaultLocale) {
}
