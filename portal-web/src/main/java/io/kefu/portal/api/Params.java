package io.kefu.portal.api;

import io.kefu.problem.KefuException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/**
 * Reading request parameters the same way in every resource: blank means absent, and a malformed value is a 422
 * naming the parameter, never a 500 or a silent default.
 */
public final class Params {

    private Params() {
    }

    /** A whole number, or {@code fallback} when absent. */
    public static int whole(String value, String field, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw KefuException.invalid(field, "field.number.invalid");
        }
    }

    /** The version in an {@code If-Match} header ({@code "3"}, {@code W/"3"} or {@code 3}), or {@code null}. */
    public static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(ifMatch.replace("W/", "").replace("\"", "").strip());
        } catch (NumberFormatException e) {
            throw KefuException.invalid("version", "field.number.invalid");
        }
    }

    /**
     * One of an enum's values by name; {@code null} when absent. The one rule for every choice the API and the
     * pages take: any case and surrounding spaces are accepted ({@code saturday}, {@code " Saturday"}) and the
     * value is stored and answered by its canonical name ({@code SATURDAY}); anything else is refused, naming
     * the field.
     */
    public static <E extends Enum<E>> E choice(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equalsIgnoreCase(value.strip()))
                .findFirst().orElseThrow(() -> KefuException.invalid(field, "field.choice.invalid", value));
    }

    /** A day like 2026-11-23, or {@code null} when absent. */
    public static LocalDate day(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw KefuException.invalid(field, "field.date.invalid");
        }
    }
}
