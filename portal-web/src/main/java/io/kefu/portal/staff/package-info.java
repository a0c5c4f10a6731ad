/**
 * The staff area of a tenant ({@code /t/{slug}/staff/}), for staff and supervisors: the inbox (lazy table,
 * filters and counts done by the database, unread notices) and the case page with its actions and dispatch
 * orders.
 */
package io.kefu.portal.staff;
