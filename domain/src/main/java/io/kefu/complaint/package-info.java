/**
 * Complaints, repair requests, consultations, suggestions and praise: the cases a tenant's customer-service
 * office handles. So far: the case number (年度+月份+流水编号) and its allocation in the database, the
 * workflow's allowed transitions, and the deadlines per kind and severity (SLA policy). The case entity, its
 * history, intake and the inbox come with the complaint workflow issue.
 */
package io.kefu.complaint;
