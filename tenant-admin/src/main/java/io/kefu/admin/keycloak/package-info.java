/**
 * Keycloak as Kefu's identity provider: one realm, one organization per tenant. Holds the realm's settings
 * (from configuration), the admin client that provisions organizations and users, and the one-time setup of
 * the realm, its client and mappers on a fresh Keycloak. Kefu keeps the authority over who works where: the
 * admin client is realm-wide, so it is only ever called by Kefu's own boundaries after they have checked the
 * acting person's rights in the tenant. Out of scope: the login itself (the portal's {@code identity}
 * package verifies Keycloak's tokens).
 */
package io.kefu.admin.keycloak;
