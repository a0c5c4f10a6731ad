/**
 * The report figures through the API ({@code /reports/figures}, docs/REPORTS.md) and the tenant's customer base
 * ({@code /settings/customer-base}), which the valid-complaint rate is measured against; the monthly statistics table
 * ({@code /reports/monthly}, the page {@code staff/reports}, its PDF and workbook, the job that drafts, reminds and
 * mails it).
 */
package io.kefu.portal.report;
