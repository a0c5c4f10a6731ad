/**
 * Working time: when a deadline falls due by a tenant's calendar (working hours, weekly rest days, public
 * holidays, make-up working days 调休, time zone), with the clock paused while a case waits on the resident.
 * Pure calculation, container-free. SLA policies per kind and severity, and the overdue job that escalates,
 * build on it with the complaint workflow.
 */
package io.kefu.deadline;
