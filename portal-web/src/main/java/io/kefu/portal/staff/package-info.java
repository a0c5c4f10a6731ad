/**
 * The staff area of a tenant ({@code /t/{slug}/staff/}), for staff and supervisors. Its home shows who is
 * working and the departments cases are routed to; the case inbox joins here with the complaint workflow.
 */
package io.kefu.portal.staff;
