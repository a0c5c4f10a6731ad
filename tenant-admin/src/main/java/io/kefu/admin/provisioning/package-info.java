/**
 * Provisioning tenants, for the platform operator: open a tenant with a ready workspace, suspend it, resume
 * it. Keycloak organizations and invitations join here when Keycloak becomes the identity source; usage
 * figures per tenant come with the features that produce them.
 */
package io.kefu.admin.provisioning;
