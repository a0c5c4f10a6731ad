/**
 * Which tenant a request is for, read from the path and nowhere else: pages under {@code /t/{slug}/…}, the
 * API under {@code /api/v1/tenants/{slug}/…}. Unknown slugs are 404, suspended tenants 403, before any
 * page or resource runs. Pages keep their tenant URL through postbacks (JSF would otherwise post to the
 * physical view path and lose the tenant).
 */
package io.kefu.portal.tenancy;
