/**
 * The tenant's audit log (操作日志): who changed which setting or person, when, and what it was before and
 * after. Boundaries that change settings or people call {@code AuditLog.record} inside their own transaction;
 * failed logins at the tenant (its login page, HTTP Basic on its API) are written too, so that password guessing
 * shows. The tenant admin reads the log. Out of scope: reading cases (that is the case history) and the platform
 * operator's actions on whole tenants (they are global, not a tenant's).
 */
package io.kefu.audit;
