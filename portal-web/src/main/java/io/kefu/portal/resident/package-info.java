/**
 * The resident's side of a tenant: the landing page, the intake form (phone first, photos, honeypot, rate
 * limits), the private tracking page and, for signed-in residents, "my cases".
 */
package io.kefu.portal.resident;
