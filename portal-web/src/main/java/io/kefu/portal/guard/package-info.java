/**
 * Defences against hostile clients that are not about one feature: who the client is (its address, as our own
 * proxy saw it), API writes that a cross-site page could trigger with a signed-in person's cookie, and password
 * guessing at the login form and HTTP Basic. The counters behind them live in the database
 * ({@code io.kefu.ratelimit}), so every node of a cluster counts the same attempts. Out of scope: response
 * headers, cookies and sessions (the pages' hardening), JSF form tokens (the view state), input validation.
 */
package io.kefu.portal.guard;
