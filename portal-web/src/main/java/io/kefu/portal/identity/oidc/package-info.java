/**
 * Login through Keycloak (OpenID Connect) when it is the configured identity source: the authorization code
 * flow with PKCE for people in a browser, verified bearer tokens for API clients, and logout that ends the
 * Keycloak session too. Tokens only prove who somebody is; what they may do in a tenant is read from Kefu's
 * memberships on every request, never from a token's claims.
 *
 * <p>No security protocol is written here by hand: Connect2id's {@code oauth2-oidc-sdk} builds the authorization
 * request (state, nonce, PKCE S256), trades the code and validates the ID token; {@code nimbus-jose-jwt} checks
 * bearer tokens and keeps the realm's keys ({@link io.kefu.portal.identity.oidc.RealmKeys}). What is Kefu's own is
 * the policy on top: which claims make a token Kefu's (audience or authorized party, {@code typ}), and what a
 * login does to Kefu's accounts.
 *
 * <p><b>Why not Jakarta Security's {@code @OpenIdAuthenticationMechanismDefinition}</b> (Payara's OpenID Connect
 * mechanism), which would also do the flow:
 * <ul>
 * <li>Two identity sources in one application, chosen at run time by {@code KEFU_IDENTITY_SOURCE}: local accounts
 * (form login and HTTP Basic) by default, Keycloak when configured. Jakarta Security 3.0 (EE 10, Payara 6) allows
 * one {@code HttpAuthenticationMechanism} per application, and an annotation is there or not at build time; the
 * mechanism cannot stand aside when local accounts are used, nor share the application with Kefu's own
 * mechanism ({@code PortalAuthentication}), which must also take bearer tokens on the API and refuse Basic there
 * with Keycloak.</li>
 * <li>Which pages need a login is decided per tenant after the tenant is resolved (anonymous residents file and
 * track cases); the mechanism redirects every unauthenticated request to a protected resource by itself.</li>
 * <li>A login carries Kefu's context through Keycloak: the tenant it began at (a first-time arrival becomes that
 * tenant's resident and joins its organization), the page to return to, Keycloak's registration page instead of
 * its login page, and the language; the caller is then Kefu's account, found by subject or linked by verified
 * e-mail, re-read on every request so that a disabled account is out at once.</li>
 * </ul>
 * The library keeps the protocol in maintained code while Kefu keeps these decisions.
 */
package io.kefu.portal.identity.oidc;
