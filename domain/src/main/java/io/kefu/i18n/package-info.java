/**
 * Kefu speaks Simplified Chinese (the default for new tenants) and English; every name a resident or staff
 * member reads is held in both. Choosing the language of a request is the portal's job.
 */
package io.kefu.i18n;
