package io.kefu.deadline;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A tenant's working calendar. A day is a working day when it is a make-up working day (调休, a weekend day
 * declared working), or else when it is neither a public holiday nor a weekly rest day. On a working day, work
 * happens in the working periods (e.g. 09:00–12:00 and 13:30–18:00) in the tenant's zone.
 *
 * <p>Deadlines count working time: {@link #plus} answers when a budget of working time, started at an instant,
 * is used up, skipping nights, rest days, holidays and any pauses (a case waiting on the resident).
 */
public final class WorkingCalendar {

    /** One stretch of work within a working day, {@code from} inclusive, {@code to} exclusive. */
    public record Period(LocalTime from, LocalTime to) {

        public Period {
            Objects.requireNonNull(from);
            Objects.requireNonNull(to);
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("a working period ends after it starts: " + from + "–" + to);
            }
        }
    }

    /** A stretch of time during which the deadline clock stands still, {@code from} inclusive, {@code to} exclusive. */
    public record Pause(Instant from, Instant to) {

        public Pause {
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("a pause ends after it starts");
            }
        }
    }

    /** No day in a real calendar is this far from a working day; a guard against calendars without any. */
    private static final int MAX_DAYS_SEARCHED = 3_660;

    private final ZoneId zone;
    private final List<Period> periods;
    private final Set<DayOfWeek> restDays;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> makeUpWorkingDays;

    public WorkingCalendar(ZoneId zone, List<Period> periods, Set<DayOfWeek> restDays, Set<LocalDate> holidays,
            Set<LocalDate> makeUpWorkingDays) {
        this.zone = Objects.requireNonNull(zone);
        List<Period> sorted = new ArrayList<>(periods);
        sorted.sort(Comparator.comparing(Period::from));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).from().isBefore(sorted.get(i - 1).to())) {
                throw new IllegalArgumentException("working periods overlap: " + sorted);
            }
        }
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("a working day has at least one working period");
        }
        this.periods = List.copyOf(sorted);
        this.restDays = restDays.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(restDays);
        this.holidays = Set.copyOf(holidays);
        this.makeUpWorkingDays = Set.copyOf(makeUpWorkingDays);
    }

    /** Monday to Friday, 09:00–12:00 and 13:30–18:00: the office hours most of these offices publish. */
    public static WorkingCalendar officeHours(ZoneId zone, Set<LocalDate> holidays, Set<LocalDate> makeUpDays) {
        return new WorkingCalendar(zone, List.of(new Period(LocalTime.of(9, 0), LocalTime.of(12, 0)),
                new Period(LocalTime.of(13, 30), LocalTime.of(18, 0))),
                EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), holidays, makeUpDays);
    }

    public boolean isWorkingDay(LocalDate day) {
        if (makeUpWorkingDays.contains(day)) {
            return true;
        }
        return !holidays.contains(day) && !restDays.contains(day.getDayOfWeek());
    }

    /** The working time in one full working day (e.g. 7.5 h): what "one working day" of a deadline means. */
    public Duration workingDay() {
        return periods.stream().map(p -> Duration.between(p.from(), p.to())).reduce(Duration.ZERO, Duration::plus);
    }

    /** When {@code budget} of working time, started at {@code start}, is used up. */
    public Instant plus(Instant start, Duration budget) {
        return plus(start, budget, List.of());
    }

    /**
     * When {@code budget} of working time, started at {@code start}, is used up, not counting working time
     * inside any of the {@code pauses}. A zero budget is due at the first working moment from {@code start}.
     */
    public Instant plus(Instant start, Duration budget, List<Pause> pauses) {
        if (budget.isNegative()) {
            throw new IllegalArgumentException("a deadline budget is not negative");
        }
        Duration left = budget;
        LocalDate day = start.atZone(zone).toLocalDate();
        for (int searched = 0; searched < MAX_DAYS_SEARCHED; searched++, day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (Period period : periods) {
                Instant from = max(start, ZonedDateTime.of(day, period.from(), zone).toInstant());
                Instant to = ZonedDateTime.of(day, period.to(), zone).toInstant();
                for (Instant[] segment : withoutPauses(from, to, pauses)) {
                    Duration available = Duration.between(segment[0], segment[1]);
                    if (available.compareTo(left) >= 0 && (!left.isZero() || !available.isZero())) {
                        return segment[0].plus(left);
                    }
                    left = left.minus(available);
                }
            }
        }
        throw new IllegalStateException("no working time within ten years of " + start);
    }

    /** Working time between two instants, not counting pauses: how much of a deadline budget is used. */
    public Duration between(Instant from, Instant to, List<Pause> pauses) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration used = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (Period period : periods) {
                Instant start = max(from, ZonedDateTime.of(day, period.from(), zone).toInstant());
                Instant end = min(to, ZonedDateTime.of(day, period.to(), zone).toInstant());
                for (Instant[] segment : withoutPauses(start, end, pauses)) {
                    used = used.plus(Duration.between(segment[0], segment[1]));
                }
            }
        }
        return used;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The parts of [from, to) outside every pause; empty when from is not before to. */
    private static List<Instant[]> withoutPauses(Instant from, Instant to, List<Pause> pauses) {
        List<Instant[]> parts = new ArrayList<>();
        if (!from.isBefore(to)) {
            if (from.equals(to)) {
                parts.add(new Instant[] {from, to});
            }
            return parts;
        }
        List<Pause> sorted = new ArrayList<>(pauses);
        sorted.sort(Comparator.comparing(Pause::from));
        Instant cursor = from;
        for (Pause pause : sorted) {
            if (!pause.to().isAfter(cursor) || !pause.from().isBefore(to)) {
                continue;
            }
            if (pause.from().isAfter(cursor)) {
                parts.add(new Instant[] {cursor, pause.from()});
            }
            cursor = max(cursor, pause.to());
            if (!cursor.isBefore(to)) {
                return parts;
            }
        }
        parts.add(new Instant[] {cursor, to});
        return parts;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
