package io.kefu.portal.complaint;

import io.kefu.complaint.entity.CaseKind;
import io.kefu.complaint.entity.Channel;
import io.kefu.complaint.entity.Intake;
import io.kefu.portal.api.Params;
import java.util.Arrays;

/**
 * The filing as the API receives it (JSON, or the {@code complaint} part of a multipart request); staff may name the
 * unit of the resident register the case is about.
 */
public record FilingInput(String kind, String categoryCode, String description, String location, String contactName,
        String contactPhone, String contactEmail, String desiredOutcome, Boolean anonymous, String channel,
        String website, UnitInput unit) {

    /** A unit of the resident register by building and number, as {@code PUT …/complaints/{number}/unit} takes it. */
    public record UnitInput(String building, String number, Long version) {
    }

    /** The intake; an unknown kind is an input error on {@code kind}, like a missing one. */
    Intake intake() {
        return new Intake(kind(kind), categoryCode, description, location, contactName, contactPhone, contactEmail,
                desiredOutcome, Boolean.TRUE.equals(anonymous));
    }

    /** The intake with an unknown kind read as a complaint: to check every other field in the same round. */
    Intake intakeForChecks() {
        CaseKind known = Arrays.stream(CaseKind.values()).filter(k -> kind != null && k.name().equalsIgnoreCase(
                kind.strip())).findFirst().orElse(kind == null || kind.isBlank() ? null : CaseKind.COMPLAINT);
        return new Intake(known, categoryCode, description, location, contactName, contactPhone, contactEmail,
                desiredOutcome, Boolean.TRUE.equals(anonymous));
    }

    Channel channelOr(Channel fallback) {
        Channel chosen = Params.choice(Channel.class, channel, "channel");
        return chosen == null ? fallback : chosen;
    }

    private static CaseKind kind(String value) {
        return Params.choice(CaseKind.class, value, "kind");
    }
}
