package io.kefu.complaint.entity;

/**
 * Fired, synchronously and inside the closing transaction, when a case closes. Features that follow a
 * closed case (the post-case satisfaction survey) observe it instead of the workflow calling them, so the
 * complaint package does not depend on them.
 */
public record CaseClosed(Complaint complaint) {
}
