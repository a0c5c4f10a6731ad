package io.kefu.complaint.entity;

/**
 * Fired, synchronously and inside the resolving transaction, when {@code resolver} resolves a case: the
 * resolution wants its callback (the callback package observes it, so the workflow does not depend on it).
 */
public record CaseResolved(Complaint complaint, Actor resolver) {
}
