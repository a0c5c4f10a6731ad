package io.kefu.complaint.entity;

/**
 * How grave a case is. A MAJOR complaint (重大投诉) is reported to the manager at once; a SERIOUS one needs
 * first-time feedback and handling; both get shorter deadlines than an ORDINARY case.
 */
public enum Severity {
    ORDINARY,
    SERIOUS,
    MAJOR
}
