package io.kefu.complaint.entity;

/**
 * Fired, synchronously and inside the transaction, when the resident answers the resolution through their
 * tracking link: satisfied (the case is confirmed) or not (it has gone back to work). Where the tenant counts
 * that answer as the callback, the callback package closes or reopens the case on it.
 */
public record ResolutionAnswered(Complaint complaint, boolean satisfied, String comment) {
}
