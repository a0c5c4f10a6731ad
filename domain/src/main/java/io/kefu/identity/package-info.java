/**
 * Who is calling, and what they may do in which tenant. Accounts are global (one person may work for two
 * tenants); roles are held per tenant as {@link io.kefu.identity.entity.Membership}s and checked on every
 * request. This package is the embedded identity source: local accounts with PBKDF2 password hashes. A
 * Keycloak source (OIDC) is added beside it later; memberships stay here either way, because a token's
 * organization claim alone must never grant access to a tenant.
 */
package io.kefu.identity;
