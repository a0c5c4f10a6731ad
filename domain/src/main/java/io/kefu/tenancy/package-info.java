/**
 * Tenancy: one deployment serves many property companies, malls and retail chains, and none may ever see
 * another's data. A {@link io.kefu.tenancy.entity.Tenant} is global; everything a tenant owns extends
 * {@link io.kefu.tenancy.entity.TenantOwned}, an EclipseLink single-table multitenant superclass whose
 * {@code tenant_id} is filled and filtered by the persistence provider itself. The tenant of a request is
 * held by {@link io.kefu.tenancy.control.CurrentTenant} and handed to the EntityManager in exactly one place,
 * {@link io.kefu.tenancy.control.TenantPersistence}, which also names it to PostgreSQL: row-level security on every
 * table with a {@code tenant_id} is the second wall, which holds where the discriminator does not (native SQL, a
 * forgotten predicate); the few reads across tenants name a narrow {@link io.kefu.tenancy.control.Reach}.
 * Resolving the tenant from a URL is the portal's job, not this package's; provisioning tenants (create, suspend)
 * lives in tenant-admin.
 */
package io.kefu.tenancy;
