/**
 * Logging in and being allowed in. One Jakarta Security authentication mechanism serves the whole portal:
 * the login form (session, new session id at login) and HTTP Basic on the API (no session), both against
 * the local accounts of the embedded identity source. What a caller may do in a tenant is decided by
 * {@link io.kefu.portal.identity.Access} from memberships read on every request, never from anything the
 * client sends. Keycloak (OIDC, bearer tokens) joins as a second source behind the same mechanism.
 */
package io.kefu.portal.identity;
