package io.kefu.complaint.entity;

/** What a resident files (投诉、报修、咨询、合理化建议、表扬); each kind has its own deadlines. */
public enum CaseKind {
    COMPLAINT,
    REPAIR,
    CONSULTATION,
    SUGGESTION,
    PRAISE
}
