/**
 * The office's figures, each from one definition (docs/REPORTS.md), for a tenant and a period of days in the
 * tenant's zone: cases registered, closed and carried over open, deadlines met, the callback rate and the
 * satisfaction found by callbacks, the satisfaction and NPS found by surveys (apart, never mixed), valid complaints
 * against the customers served (the tenant's customer base) and the share of complaints upheld, with breakdowns by
 * category, department, severity, channel and kind. Every figure is an aggregate query in the database; no case is
 * loaded to count it. Pages, API and (later) the monthly table, the quarterly report and the dashboard read these
 * figures rather than counting on their own.
 *
 * <p>Out of scope here: the reports themselves (drafts, approval, snapshots, exports), recurring complaints (defined
 * in docs/REPORTS.md; cases do not link to a unit yet).
 *
 * <p>The supervisor's dashboard ({@code Dashboards}) reads these figures and adds what stands now (open, overdue,
 * ageing, load) and the weekly, monthly and building × category counts, each count with the inbox filter that
 * lists its cases ({@code Drill}).
 */
package io.kefu.report;
