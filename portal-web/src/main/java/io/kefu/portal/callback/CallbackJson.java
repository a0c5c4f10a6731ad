package io.kefu.portal.callback;

import io.kefu.callback.entity.CallbackAttempt;
import io.kefu.callback.entity.CallbackTask;
import io.kefu.confidentiality.control.Contact;
import io.kefu.confidentiality.control.Sight;
import io.kefu.portal.complaint.Times;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A callback as the API shows it, with its attempts; the callback by its public key ({@code id}), the case by
 * number: database ids never appear. The contact copied from the case is masked (with {@code contactMasked}) as
 * the case's would be for this reader.
 */
public record CallbackJson(String id, String kind, String caseNumber, String caseStatus, String plan,
        String contactName, String contactPhone, String unit, String assignee, String status, String outcome,
        int attemptCount, String createdAt, String dueAt, String finishedAt, boolean overdue, int escalationLevel,
        long version, List<AttemptJson> attempts, boolean contactMasked) {

    /** One attempt as recorded. */
    public record AttemptJson(int seq, String at, String by, String method, boolean reached, String satisfaction,
            Integer score, String comment, Long surveyResponseId) {
    }

    static CallbackJson of(CallbackTask t, Sight sight, ZoneId zone, Instant now, boolean withAttempts) {
        Contact contact = sight.apply(contactOf(t));
        return new CallbackJson(t.publicKey(), t.kind().name(),
                t.complaint() == null ? null : t.complaint().number().toString(),
                t.complaint() == null ? null : t.complaint().status().name(),
                t.plan() == null ? null : t.plan().name(), contact.name(), contact.phone(), contact.location(),
                t.assignee(),
                t.status().name(), t.outcome() == null ? null : t.outcome().name(), t.attemptCount(),
                Times.iso(t.createdAt(), zone), Times.iso(t.dueAt(), zone), Times.iso(t.finishedAt(), zone),
                t.isOverdue(now), t.escalationLevel(), t.version(),
                withAttempts ? t.attempts().stream().map(a -> attempt(a, zone)).toList() : null, contact.isMasked());
    }

    /** The personal fields a callback carries (copies of its case's): name, phone and the unit or location. */
    public static Contact contactOf(CallbackTask t) {
        return new Contact(t.contactName(), t.contactPhone(), null, t.unit());
    }

    /** The customer record whose level decides what the reader sees: the case's; none for a courtesy visit. */
    public static Long customerOf(CallbackTask t) {
        return t.complaint() == null ? null : t.complaint().customerId();
    }

    /** The case the callback belongs to, for the read log. */
    public static String caseOf(CallbackTask t) {
        return t.complaint() == null ? null : t.complaint().number().toString();
    }

    private static AttemptJson attempt(CallbackAttempt a, ZoneId zone) {
        return new AttemptJson(a.seq(), Times.iso(a.at(), zone), a.by(), a.method().name(), a.reached(),
                a.satisfaction() == null ? null : a.satisfaction().name(), a.score(), a.comment(),
                a.surveyResponseId());
    }
}
