/**
 * The API twins of the people and audit pages: a tenant's staff, their roles and status, and the tenant's
 * audit log, for its admins only. The rules are in {@code admin.people}; here only JSON.
 */
package io.kefu.portal.people;
