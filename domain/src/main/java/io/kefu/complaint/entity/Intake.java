package io.kefu.complaint.entity;

/**
 * What a resident (or staff, for a call, letter or visit) tells the office when a case is registered. Plain
 * values; {@link Complaint#register} checks them field by field so the form and the API report the same
 * errors.
 */
public record Intake(CaseKind kind, String categoryCode, String description, String location, String contactName,
        String contactPhone, String contactEmail, String desiredOutcome, boolean anonymous) {
}
