package io.kefu.portal.complaint;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Times as the API writes and reads them: ISO-8601 with the offset of the tenant's zone. */
public final class Times {

    private Times() {
    }

    public static String iso(Instant instant, ZoneId zone) {
        return instant == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).atZone(zone));
    }

    /** An ISO-8601 time with offset; {@code null} when absent or malformed (the domain reports it as missing). */
    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw io.kefu.problem.KefuException.invalid("replyBy", "field.datetime.invalid");
        }
    }
}
