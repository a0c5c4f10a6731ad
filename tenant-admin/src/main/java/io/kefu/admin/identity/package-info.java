/**
 * The identity directory seen from tenant administration: opening a tenant's organization, inviting people,
 * stopping and restoring their logins, for the local accounts and for Keycloak. Out of scope: logging in
 * (the portal's {@code identity} package) and who holds which role (Kefu's memberships).
 */
package io.kefu.admin.identity;
