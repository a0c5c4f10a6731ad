package io.kefu.privacy.control;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Everything the portal holds about one customer, as a customer may ask to see it: their record, their entries on
 * the register, their cases with the whole history, the callbacks about those cases (and courtesy visits to their
 * phones) and the survey answers given about them. Plain values, read in one transaction.
 */
public record CustomerDossier(Record record, List<RegisterEntry> register, List<Case> cases,
        List<Callback> callbacks, List<SurveyAnswer> surveyAnswers) {

    public record Record(String key, String kind, String name, String confidentiality, boolean vip, String handler,
            String notes, OffsetDateTime createdAt, boolean erased) {
    }

    public record RegisterEntry(String building, String unit, String name, String phone, String email,
            String grade) {
    }

    public record Case(String number, String kind, String category, String status, String channel,
            OffsetDateTime registeredAt, OffsetDateTime closedAt, String location, String contactName,
            String contactPhone, String contactEmail, String description, String desiredOutcome, String resolution,
            List<Event> history) {
    }

    public record Event(OffsetDateTime at, String actor, String action, String fromStatus, String toStatus,
            String text, boolean publicEvent) {
    }

    public record Callback(String caseNumber, String kind, String contactName, String contactPhone, String status,
            String outcome, OffsetDateTime createdAt, OffsetDateTime finishedAt, List<Attempt> attempts) {
    }

    public record Attempt(OffsetDateTime at, String by, String method, boolean reached, String satisfaction,
            Integer score, String comment) {
    }

    public record SurveyAnswer(String caseNumber, OffsetDateTime submittedAt, String channel, String question,
            Integer score, Integer choice, String text) {
    }
}
