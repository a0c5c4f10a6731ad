/**
 * Privacy and retention: the tenant's retention policy and the job that anonymises the personal data of cases
 * closed longer ago than it allows (statistics and case texts stay), and a customer's data on their request —
 * everything about them as JSON or a workbook, and its erasure everywhere — both by a tenant admin and audited.
 * Out of scope: who may read a record (the confidentiality package) and the record page itself.
 */
package io.kefu.privacy;
