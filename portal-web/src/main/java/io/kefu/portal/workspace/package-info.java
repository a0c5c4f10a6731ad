/**
 * The workspace configuration through the API and the staff pages: departments and categories of the
 * tenant in the path. Reading is for staff and tenant admins; changing is for tenant admins.
 */
package io.kefu.portal.workspace;
