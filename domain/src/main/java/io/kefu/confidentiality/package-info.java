/**
 * Confidentiality (保密): who may read the personal data of a protected customer record, and the log of every
 * such read. A staff member reads a record at or below their clearance (set by the tenant admin); above it only
 * under an unexpired grant from a supervisor or manager, or a break-glass read with a stated reason that alerts
 * the supervisors at once. {@link io.kefu.confidentiality.boundary.Disclosure} is the one place that decides and
 * logs; everything that shows a case's contact goes through it, and shows the masked contact when it says so.
 *
 * <p>Out of scope here: the record page and the setting of a record's level (the resident package's records).
 */
package io.kefu.confidentiality;
