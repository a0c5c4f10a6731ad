/**
 * The platform operator's API: list, open, suspend and resume tenants. Pages for the same live in
 * tenant-admin; both go through {@code TenantProvisioning}.
 */
package io.kefu.portal.platform;
