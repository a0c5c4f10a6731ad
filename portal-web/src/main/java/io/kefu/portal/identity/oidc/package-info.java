/**
 * Login through Keycloak (OpenID Connect) when it is the configured identity source: the authorization code
 * flow with PKCE for people in a browser, verified bearer tokens for API clients, and logout that ends the
 * Keycloak session too. Tokens only prove who somebody is; what they may do in a tenant is read from Kefu's
 * memberships on every request, never from a token's claims.
 */
package io.kefu.portal.identity.oidc;
