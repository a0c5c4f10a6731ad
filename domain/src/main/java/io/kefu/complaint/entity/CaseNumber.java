package io.kefu.complaint.entity;

import io.kefu.problem.KefuException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The number every case carries and every reply prints: year, month and a serial that restarts each month,
 * per tenant ({@code 202611-0042}). The month is the month of registration <em>in the tenant's zone</em>: a
 * case filed at 00:30 on 1 December in Shanghai is a December case, although it is still November in UTC.
 * Serials have at least four digits and grow beyond 9999 in a busy month rather than wrap.
 */
public record CaseNumber(YearMonth month, int serial) {

    public static final int MAX_SERIAL = 999_999;
    public static final int MAX_LENGTH = 13;
    private static final Pattern FORMAT = Pattern.compile("^(\\d{4})(0[1-9]|1[0-2])-(\\d{4,6})$");

    public CaseNumber {
        if (month == null || serial < 1 || serial > MAX_SERIAL) {
            throw KefuException.invalid("number", "case.number.invalid");
        }
    }

    /** The month a case registered at {@code registeredAt} is numbered in, for a tenant in {@code zone}. */
    public static YearMonth monthOf(Instant registeredAt, ZoneId zone) {
        return YearMonth.from(registeredAt.atZone(zone));
    }

    /** A number as written in a URL or by a person; empty when it cannot be one (so: not found). */
    public static Optional<CaseNumber> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int serial = Integer.parseInt(m.group(3));
        if (serial < 1) {
            return Optional.empty();
        }
        return Optional.of(new CaseNumber(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))),
                serial));
    }

    @Override
    public String toString() {
        // By hand rather than String.format, which parses its pattern each time: numbers are printed on every
        // filing, list row and notice.
        StringBuilder text = new StringBuilder(12);
        pad(text, month.getYear(), 4);
        pad(text, month.getMonthValue(), 2);
        text.append('-');
        pad(text, serial, 4);
        return text.toString();
    }

    private static void pad(StringBuilder text, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        text.append(digits);
    }
}
