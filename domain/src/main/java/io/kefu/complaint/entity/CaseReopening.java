package io.kefu.complaint.entity;

/**
 * Fired, synchronously and inside the transaction, before {@code actor} sends a case back to work. An observer may
 * refuse it by throwing (the callback package does where the policy leaves a reopening before the callback to
 * supervisors); the transaction then ends with nothing changed.
 */
public record CaseReopening(Complaint complaint, Actor actor) {
}
