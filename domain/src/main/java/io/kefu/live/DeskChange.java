package io.kefu.live;

import java.util.Arrays;
import java.util.Optional;

/**
 * One change a staff desk should see: which tenant, what kind of thing, and only what the desk needs to decide to
 * re-read (the case number, its status and kind). A notice names its recipient: nobody else hears of it. Nothing
 * else travels (no names, no text): the page re-renders from the database, so masking and permissions stay there.
 *
 * @param recipient the only person to tell, for a notice; {@code null} for everybody of the tenant
 * @param alert whether the change is a major-complaint alert that waits for its recipient's acknowledgement
 */
public record DeskChange(long tenantId, Subject subject, String caseNumber, String status, String kind,
        String recipient, boolean alert) {

    /** What changed. */
    public enum Subject {
        CASE, CALLBACK, NOTICE;

        /** The event name on the wire ({@code case}, {@code callback}, {@code notice}). */
        public String eventName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final String SEPARATOR = "\u001f";

    /** Whether {@code username} may hear of this change (a notice only its recipient). */
    public boolean isFor(String username) {
        return recipient == null || recipient.equals(username);
    }

    /**
     * A plain string for the data grid's topic: every node reads it without the portal's classes on the grid's
     * class path (a record would need them to deserialize).
     */
    public String toWire() {
        return String.join(SEPARATOR, Long.toString(tenantId), subject.name(), text(caseNumber), text(status),
                text(kind), text(recipient), Boolean.toString(alert));
    }

    /** The change {@link #toWire()} wrote; empty for anything else (never a partly read change). */
    public static Optional<DeskChange> fromWire(String wire) {
        String[] parts = wire == null ? new String[0] : wire.split(SEPARATOR, -1);
        if (parts.length != 7 || Arrays.stream(Subject.values()).noneMatch(s -> s.name().equals(parts[1]))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DeskChange(Long.parseLong(parts[0]), Subject.valueOf(parts[1]), value(parts[2]),
                    value(parts[3]), value(parts[4]), value(parts[5]), Boolean.parseBoolean(parts[6])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String value(String text) {
        return text.isEmpty() ? null : text;
    }
}
