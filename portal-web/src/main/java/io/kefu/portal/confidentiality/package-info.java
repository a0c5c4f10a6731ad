/**
 * Confidentiality in the portal: the case page's access block (request, break-glass), the supervisors' grants
 * page, the read-log page, and their REST API. What may be seen is decided in the domain's
 * {@code io.kefu.confidentiality.boundary.Disclosure}; here it is only asked and shown.
 */
package io.kefu.portal.confidentiality;
