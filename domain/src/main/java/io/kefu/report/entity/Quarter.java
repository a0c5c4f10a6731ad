package io.kefu.report.entity;

import io.kefu.problem.KefuException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter, written {@code 2026-Q3}: the period of the quarterly complaint analysis. */
public record Quarter(int year, int number) implements Comparable<Quarter> {

    public static final int TEXT_LENGTH = 7;
    private static final Pattern TEXT = Pattern.compile("^(\\d{4})-Q([1-4])$");

    public Quarter {
        if (year < 2000 || year > 9999 || number < 1 || number > 4) {
            throw KefuException.invalid("quarter", "report.quarter.invalid");
        }
    }

    /** {@code 2026-Q3}; anything else is an input error on {@code quarter}. */
    public static Quarter parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            throw KefuException.invalid("quarter", "report.quarter.invalid");
        }
        return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** The quarter a day falls in. */
    public static Quarter of(LocalDate day) {
        return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, (number - 1) * 3 + 1, 1);
    }

    public LocalDate lastDay() {
        return firstDay().plusMonths(3).minusDays(1);
    }

    /** The quarter's days in the tenant's zone. */
    public Period period(ZoneId zone) {
        return new Period(firstDay(), lastDay(), zone);
    }

    public Quarter previous() {
        return number == 1 ? new Quarter(year - 1, 4) : new Quarter(year, number - 1);
    }

    public Quarter next() {
        return number == 4 ? new Quarter(year + 1, 1) : new Quarter(year, number + 1);
    }

    /** The same quarter a year before: the year-on-year comparison. */
    public Quarter yearBefore() {
        return new Quarter(year - 1, number);
    }

    @Override
    public int compareTo(Quarter other) {
        return Integer.compare(year * 4 + number, other.year * 4 + other.number);
    }

    @Override
    public String toString() {
        return year + "-Q" + number;
    }
}
