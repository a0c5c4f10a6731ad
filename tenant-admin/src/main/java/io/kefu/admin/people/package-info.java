/**
 * A tenant's people as its admin manages them: inviting staff, their roles, stopping and resuming their work
 * in this tenant, their departments; and the tenant's audit log page. Out of scope: logging in (the portal's
 * {@code identity} package) and where logins live ({@code admin.identity}).
 */
package io.kefu.admin.people;
