/**
 * Complaints, repair requests, consultations, suggestions and praise: the cases a tenant's customer-service
 * office handles: the {@link io.kefu.complaint.entity.Complaint} aggregate with its append-only history, the
 * case number (年度+月份+流水编号) allocated in the database, the workflow's allowed transitions, and the
 * deadlines per kind and severity (SLA policy). Intake, tracking, the inbox, the case page and escalation
 * (pages and API) come with the complaint workflow issue.
 */
package io.kefu.complaint;
