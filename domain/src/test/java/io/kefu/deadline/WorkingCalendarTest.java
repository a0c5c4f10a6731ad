package io.kefu.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.deadline.WorkingCalendar.Pause;
import io.kefu.deadline.WorkingCalendar.Period;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Deadlines in working time by a property office's calendar in Shanghai (09:00–12:00, 13:30–18:00). */
class WorkingCalendarTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** National Day week 2026 (Thu 1 to Wed 7 October) off; Sunday 27 September and Saturday 10 October worked (调休). */
    static final Set<LocalDate> HOLIDAYS = IntStream.rangeClosed(1, 7).mapToObj(d -> LocalDate.of(2026, 10, d))
            .collect(Collectors.toSet());
    static final Set<LocalDate> MAKE_UP = Set.of(LocalDate.of(2026, 9, 27), LocalDate.of(2026, 10, 10));

    private final WorkingCalendar calendar = WorkingCalendar.officeHours(SHANGHAI, HOLIDAYS, MAKE_UP);

    @ParameterizedTest(name = "{0} + {1} → {2}")
    @CsvSource({
        // within a morning
        "2026-11-23T10:00, PT2H,    2026-11-23T12:00",
        // over lunch
        "2026-11-23T11:00, PT2H,    2026-11-23T14:30",
        // over the night
        "2026-11-23T17:00, PT2H,    2026-11-24T10:00",
        // over a weekend: Friday evening to Monday morning
        "2026-11-27T17:00, PT2H,    2026-11-30T10:00",
        // registered at night or on a Sunday: the clock starts at the next working moment
        "2026-11-29T20:00, PT1H,    2026-11-30T10:00",
        "2026-11-23T07:00, PT30M,   2026-11-23T09:30",
        "2026-11-23T12:30, PT30M,   2026-11-23T14:00",
        // over the National Day holidays, weekend included
        "2026-09-30T17:00, PT2H,    2026-10-08T10:00",
        // a make-up Saturday is a working day
        "2026-10-09T17:00, PT2H,    2026-10-10T10:00",
        // and so is a make-up Sunday
        "2026-09-26T10:00, PT1H,    2026-09-27T10:00",
        // a budget that ends exactly at closing time is due then, not next morning
        "2026-11-23T17:00, PT1H,    2026-11-23T18:00",
        // zero budget: due at the first working moment
        "2026-11-28T10:00, PT0S,    2026-11-30T09:00",
        // three working days of 7.5 h
        "2026-11-23T09:00, PT22H30M, 2026-11-25T18:00"
    })
    void addsWorkingTime(LocalDateTime start, Duration budget, LocalDateTime due) {
        assertEquals(at(due), calendar.plus(at(start), budget));
        assertEquals(budget, calendar.between(at(start), at(due), List.of()), "the budget is used up exactly");
    }

    @Test
    void theClockStandsStillWhileTheCaseWaitsOnTheResident() {
        Pause waiting = new Pause(at(LocalDateTime.parse("2026-11-23T10:30")),
                at(LocalDateTime.parse("2026-11-23T14:00")));
        Instant due = calendar.plus(at(LocalDateTime.parse("2026-11-23T10:00")), Duration.ofHours(2), List.of(waiting));
        // 10:00–10:30 counts, 10:30–14:00 is paused, then 1.5 h more from 14:00
        assertEquals(at(LocalDateTime.parse("2026-11-23T15:30")), due);
    }

    @Test
    void pausesOverNightsAndOverlappingPausesCountOnce() {
        List<Pause> pauses = List.of(
                new Pause(at(LocalDateTime.parse("2026-11-23T17:00")), at(LocalDateTime.parse("2026-11-24T10:00"))),
                new Pause(at(LocalDateTime.parse("2026-11-24T09:30")), at(LocalDateTime.parse("2026-11-24T11:00"))));
        Instant due = calendar.plus(at(LocalDateTime.parse("2026-11-23T16:00")), Duration.ofHours(2), pauses);
        // 16:00–17:00 counts (1 h); paused until 11:00 next day; one more hour
        assertEquals(at(LocalDateTime.parse("2026-11-24T12:00")), due);
        assertEquals(Duration.ofHours(2), calendar.between(at(LocalDateTime.parse("2026-11-23T16:00")), due, pauses));
    }

    @Test
    void countsInTheTenantsOwnZone() {
        WorkingCalendar london = WorkingCalendar.officeHours(ZoneId.of("Europe/London"), Set.of(), Set.of());
        Instant start = Instant.parse("2026-11-23T08:00:00Z");
        assertEquals(Instant.parse("2026-11-23T10:00:00Z"), london.plus(start, Duration.ofHours(1)));
        assertEquals(Instant.parse("2026-11-23T03:00:00Z"),
                calendar.plus(Instant.parse("2026-11-23T00:00:00Z"), Duration.ofHours(2)), "10:00 → 11:00 Shanghai");
    }

    @Test
    void knowsItsWorkingDays() {
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 11, 23)));
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 11, 28)), "Saturday");
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 10, 5)), "National Day holiday on a Monday");
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 10, 10)), "make-up Saturday");
        assertEquals(Duration.ofMinutes(450), calendar.workingDay());
    }

    @Test
    void refusesNonsenseCalendarsAndBudgets() {
        assertThrows(IllegalArgumentException.class, () -> new Period(LocalTime.NOON, LocalTime.of(9, 0)));
        assertThrows(IllegalArgumentException.class, () -> new WorkingCalendar(SHANGHAI,
                List.of(new Period(LocalTime.of(9, 0), LocalTime.of(12, 0)), new Period(LocalTime.of(11, 0),
                        LocalTime.of(14, 0))), EnumSet.of(DayOfWeek.SUNDAY), Set.of(), Set.of()));
        assertThrows(IllegalArgumentException.class, () -> calendar.plus(Instant.now(), Duration.ofHours(-1)));
        WorkingCalendar never = new WorkingCalendar(SHANGHAI, List.of(new Period(LocalTime.of(9, 0),
                LocalTime.of(10, 0))), EnumSet.allOf(DayOfWeek.class), Set.of(), Set.of());
        assertThrows(IllegalStateException.class, () -> never.plus(Instant.now(), Duration.ofHours(1)));
    }

    private static Instant at(LocalDateTime local) {
        return local.atZone(SHANGHAI).toInstant();
    }
}
