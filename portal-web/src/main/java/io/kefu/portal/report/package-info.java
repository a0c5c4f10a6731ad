/**
 * The report figures through the API ({@code /reports/figures}, docs/REPORTS.md) and the tenant's customer base
 * ({@code /settings/customer-base}), which the valid-complaint rate is measured against. The monthly table, the
 * quarterly report and their exports are not here yet.
 */
package io.kefu.portal.report;
