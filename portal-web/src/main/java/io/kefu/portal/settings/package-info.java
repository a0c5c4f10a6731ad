/**
 * The tenant's configuration through the API, twin of the tenant-admin pages: office settings and hours,
 * holidays and make-up days, deadlines per kind and severity, forbidden phrases, canned replies, department
 * handlers. Tenant admins change them; staff read what they work with.
 */
package io.kefu.portal.settings;
