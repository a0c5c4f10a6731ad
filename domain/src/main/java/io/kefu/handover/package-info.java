/**
 * Shift hand-over (交接班): the tenant's shifts in its local time and who works in which; the hand-over log the
 * leaving staff member writes from a prefill of exactly their open items (cases, promised replies, callbacks due in
 * the next shift, major and overdue cases) plus equipment problems and notes; the next shift's acknowledgements; and
 * the watch that tells the supervisors when nobody of the next shift acknowledged 30 minutes into it.
 *
 * <p>A submitted hand-over never changes (the database refuses it): what comes later is an entry appended to it.
 * Out of scope: rosters by date (a person works in one shift every day) and swapping shifts.
 */
package io.kefu.handover;
