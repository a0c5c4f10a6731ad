/**
 * The live desk: the changes the domain raises ({@link io.kefu.live.DeskChange}) reach the staff desks of their
 * tenant that are open, on this node and the others, without a reload. After a commit a change is published on a
 * topic of Payara's data grid; every node hands it to its own connected desks of that tenant (server-sent events,
 * {@code GET /api/v1/tenants/{t}/live}); the page then re-reads what it shows from the database. Also the major
 * complaint's alert, on every staff page of a supervisor until they acknowledge it, and its API.
 *
 * <p>Delivery is at most once: a node that is down, a stream that reconnects, lose events; the next change, a
 * reload or a reconnect shows the truth again. Out of scope: notices themselves (the domain writes them), and
 * residents' pages.
 */
package io.kefu.portal.live;
