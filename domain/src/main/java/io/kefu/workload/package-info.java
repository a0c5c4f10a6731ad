/**
 * Per-person workload on the supervisor's desk: for each staff member of the tenant, the open cases they own, those
 * due today (a deadline before the end of today's working day, by the tenant's working calendar as the deadlines
 * count), those overdue (as the inbox has it), and the callbacks assigned to them that are due by the end of today.
 * Counted by the database in grouped queries, never per person.
 *
 * <p>Out of scope: departments' load (the dashboard shows it) and any history of workloads.
 */
package io.kefu.workload;
