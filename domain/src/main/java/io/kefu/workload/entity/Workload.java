package io.kefu.workload.entity;

/**
 * One staff member's workload now.
 *
 * @param openCases cases they own that are not finished
 * @param dueToday of those still running and not overdue, the ones whose next deadline (the first response while
 *     none was given, else the resolution) falls before the end of today's working day
 * @param overdue of those, the ones overdue now
 * @param callbacksDue open callbacks assigned to them, due by the end of today
 */
public record Workload(String username, String displayName, long openCases, long dueToday, long overdue,
        long callbacksDue) {
}
