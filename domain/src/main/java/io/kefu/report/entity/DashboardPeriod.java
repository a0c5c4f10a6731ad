package io.kefu.report.entity;

import io.kefu.problem.KefuException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dashboard's period picker: a calendar month ({@code 2026-11}) or quarter ({@code 2026-Q4}) in the tenant's
 * zone, compared with the one before it. A current period is counted so far, as every figure is (docs/REPORTS.md).
 */
public record DashboardPeriod(String name, Period period, boolean quarter) {

    private static final Pattern MONTH = Pattern.compile("^(\\d{4})-(\\d{2})$");
    private static final Pattern QUARTER = Pattern.compile("^(\\d{4})-Q([1-4])$");

    /** {@code name} as the picker and the API write it; blank means this month (today in the tenant's zone). */
    public static DashboardPeriod parse(String name, ZoneId zone, Instant now) {
        if (name == null || name.isBlank()) {
            return month(YearMonth.from(LocalDate.ofInstant(now, zone)), zone);
        }
        Matcher month = MONTH.matcher(name.strip());
        if (month.matches() && Integer.parseInt(month.group(2)) >= 1 && Integer.parseInt(month.group(2)) <= 12) {
            return month(YearMonth.of(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2))), zone);
        }
        Matcher quarter = QUARTER.matcher(name.strip());
        if (quarter.matches()) {
            return quarter(Integer.parseInt(quarter.group(1)), Integer.parseInt(quarter.group(2)), zone);
        }
        throw KefuException.invalid("period", "dashboard.period.invalid");
    }

    public static DashboardPeriod month(YearMonth month, ZoneId zone) {
        return new DashboardPeriod(month.toString(), Period.month(month, zone), false);
    }

    /** Quarter {@code q} (1–4) of {@code year}: January–March is Q1. */
    public static DashboardPeriod quarter(int year, int q, ZoneId zone) {
        YearMonth first = YearMonth.of(year, 3 * q - 2);
        return new DashboardPeriod(year + "-Q" + q, new Period(first.atDay(1), first.plusMonths(2).atEndOfMonth(),
                zone), true);
    }

    /** The month or quarter just before, for the comparison. */
    public DashboardPeriod previous() {
        YearMonth first = YearMonth.from(period.from());
        if (quarter) {
            YearMonth before = first.minusMonths(3);
            return quarter(before.getYear(), (before.getMonthValue() + 2) / 3, period.zone());
        }
        return month(first.minusMonths(1), period.zone());
    }

    /** The period's last day that has begun at {@code now}: today for a current period, its last day otherwise. */
    public LocalDate lastDaySoFar(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, period.zone());
        return today.isBefore(period.to()) && !today.isBefore(period.from()) ? today : period.to();
    }
}
