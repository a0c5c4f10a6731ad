/**
 * The tenant admin's workspace pages ({@code /t/{slug}/admin/}): the tenant's settings at a glance and its
 * departments (add, rename). Categories, deadlines, calendar, phrases and branding get their editors here
 * with the issues that need them.
 */
package io.kefu.admin.workspace;
