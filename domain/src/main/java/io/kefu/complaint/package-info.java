/**
 * Complaints, repair requests, consultations, suggestions and praise: the cases a tenant's customer-service
 * office handles. The {@link io.kefu.complaint.entity.Complaint} aggregate with its append-only history and
 * workflow ({@link io.kefu.complaint.entity.CaseStatus}); the case number (年度+月份+流水编号) allocated in the
 * database; deadlines per kind and severity in working time; attachments checked by content; dispatch orders
 * for repairs; escalation of major and overdue cases, once each, by a cluster-wide job. Boundaries: filing,
 * tracking (the resident's token), the inbox query, staff actions. Out of scope here: callbacks and surveys
 * (next issue), reports, customer records.
 */
package io.kefu.complaint;
