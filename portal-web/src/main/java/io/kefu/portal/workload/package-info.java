/**
 * The per-person workload on the supervisor's desk: the API ({@code GET /workload}) and the staff desk's panel
 * (WEB-INF/includes/workload-panel.xhtml). The figures are the domain's ({@link io.kefu.workload.boundary.Workloads}).
 */
package io.kefu.portal.workload;
