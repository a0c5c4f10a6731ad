package io.kefu.portal.form;

import io.kefu.portal.i18n.Messages;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The reader's language and the tenant's zone, for everything a form prints: labels from the message bundles,
 * times and days as the pages write them ("2026-11-03 09:15").
 */
record Wording(Locale locale, ZoneId zone) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    String text(String key, Object... arguments) {
        return Messages.get(locale, key, arguments);
    }

    /** A message for an enum value ("status.CLOSED"), or nothing for none. */
    String named(String prefix, Enum<?> value) {
        return value == null ? "" : Messages.get(locale, prefix + value.name());
    }

    String at(Instant time) {
        return time == null ? "" : TIME.format(time.atZone(zone));
    }

    LocalDate day(Instant time) {
        return time == null ? null : time.atZone(zone).toLocalDate();
    }
}
