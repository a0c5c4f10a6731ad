/**
 * Hardened pages and sessions (OWASP ASVS 5.0 as the reference): what the portal tells browsers and refuses
 * before any page or endpoint runs.
 * <ul>
 * <li>{@link io.kefu.portal.hardening.SecurityHeaders}: the security headers of every answer (a
 * Content-Security-Policy whose scripts need PrimeFaces' per-request nonce, nosniff, referrer, framing,
 * permissions, HSTS behind https, {@code no-store} for signed-in answers).</li>
 * <li>{@link io.kefu.portal.hardening.StartupGate}: a node that is not ready yet answers 503 with
 * {@code Retry-After} (a problem document on the API, a plain page elsewhere).</li>
 * <li>{@link io.kefu.portal.hardening.RequestScreen}: no session id from the address, no endless addresses, only
 * the methods a page has, no form posts from other sites.</li>
 * <li>{@link io.kefu.portal.hardening.SessionLifetime}: idle and absolute session timeouts; the session cookie's
 * {@code SameSite} is set in {@code payara-web.xml}, its {@code Secure} flag here when the portal is served
 * over https.</li>
 * <li>{@link io.kefu.portal.hardening.MetricsGuard}: {@code /metrics} only with the operator's token.</li>
 * </ul>
 * Out of scope here: CSRF on the REST API with session cookies, login throttling and client addresses behind
 * proxies (the API's and identity's own packages), input validation.
 */
package io.kefu.portal.hardening;
