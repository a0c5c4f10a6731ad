/**
 * Complaints, repair requests, consultations, suggestions and praise: the cases a tenant's customer-service
 * office handles. So far the rules that need no database: the case number (年度+月份+流水编号) and the
 * workflow's allowed transitions. The case entity, its history, intake and the inbox come with the complaint
 * workflow issue.
 */
package io.kefu.complaint;
