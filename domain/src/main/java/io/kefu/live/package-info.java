/**
 * The live desk's facts: what changed on a staff desk (a case, a callback, a notice), raised by an entity listener
 * after every insert and update of those entities, whichever boundary made the change. The domain only fires the
 * CDI event; carrying it to the open desks of the tenant, on this node and the others, is the portal's job. Out
 * of scope here: transport, connections, and what a page shows (the page reads the truth from the database).
 */
package io.kefu.live;
