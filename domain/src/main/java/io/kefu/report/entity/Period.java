package io.kefu.report.entity;

import io.kefu.problem.KefuException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * The days {@code from}..{@code to} (both included) in the tenant's zone: from local midnight at the start of
 * {@code from} to local midnight at the end of {@code to}. A case closed at 23:30 Asia/Shanghai on the 31st belongs
 * to that month, although it is already the next month's 1st nowhere but in UTC's 15:30 of the 31st.
 */
public record Period(LocalDate from, LocalDate to, ZoneId zone) {

    /** The longest period figures are asked for (two years), as the callback figures always allowed. */
    public static final int MAX_YEARS = 2;

    public Period {
        if (from == null || to == null || zone == null || to.isBefore(from) || to.isAfter(from.plusYears(MAX_YEARS))) {
            throw KefuException.invalid("to", "callback.period.invalid");
        }
    }

    /** {@code from}..{@code to} as asked; either left out: this month so far (today in the tenant's zone). */
    public static Period asked(LocalDate from, LocalDate to, ZoneId zone, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        return new Period(from == null ? today.withDayOfMonth(1) : from, to == null ? today : to, zone);
    }

    public static Period month(YearMonth month, ZoneId zone) {
        return new Period(month.atDay(1), month.atEndOfMonth(), zone);
    }

    /** The first moment of the period. */
    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first moment after the period. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The month of the period's last day: the customer base in force then counts for the period. */
    public YearMonth lastMonth() {
        return YearMonth.from(to);
    }
}
