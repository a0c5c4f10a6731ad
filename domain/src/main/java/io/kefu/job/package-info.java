/**
 * Scheduled work that must happen once per round across a cluster (escalating overdue cases, delivering
 * mail): a lease row per job in the database, taken by a conditional update. No node-local timers decide.
 */
package io.kefu.job;
