/**
 * The office's figures, each from one definition (docs/REPORTS.md), for a tenant and a period of days in the
 * tenant's zone: cases registered, closed and carried over open, deadlines met, the callback rate and the
 * satisfaction found by callbacks, the satisfaction and NPS found by surveys (apart, never mixed), valid complaints
 * against the customers served (the tenant's customer base) and the share of complaints upheld, with breakdowns by
 * category, department, severity, channel and kind. Every figure is an aggregate query in the database; no case is
 * loaded to count it. Pages, API and (later) the monthly table, the quarterly report and the dashboard read these
 * figures rather than counting on their own.
 *
 * <p>The monthly statistics table (客诉案件统计表, {@code MonthlyReport}, {@code MonthlyReports}): last month's closed
 * cases with the responsibility for each and these figures, drafted, submitted, signed off by the manager and kept as
 * an immutable snapshot per revision. The quarterly complaint analysis (用户投诉分析报告, {@code QuarterlyReports}) with
 * its main causes, recurring complaints and corrective actions ({@code CorrectiveActions}).
 *
 * <p>The supervisor's dashboard ({@code Dashboards}) reads these figures and adds what stands now (open, overdue,
 * ageing, load) and the weekly, monthly and building × category counts, each count with the inbox filter that
 * lists its cases ({@code Drill}).
 *
 * <p>Out of scope here: the files (PDF, workbook; the portal writes them in the reader's language).
 */
package io.kefu.report;
