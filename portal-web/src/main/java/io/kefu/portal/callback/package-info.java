/**
 * Callbacks (回访) in the portal: the staff queue and the page of one callback where attempts are recorded, and
 * their REST API. The rules (who may call, what an outcome does to the case) are the domain's callback package.
 */
package io.kefu.portal.callback;
