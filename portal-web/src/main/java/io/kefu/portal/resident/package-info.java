/**
 * The resident's side of a tenant: its public landing page. Filing and tracking cases join here with the
 * complaint workflow.
 */
package io.kefu.portal.resident;
