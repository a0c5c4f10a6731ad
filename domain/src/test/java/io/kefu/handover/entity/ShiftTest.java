package io.kefu.handover.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.problem.KefuException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShiftTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Instant at(String local, ZoneId zone) {
        return java.time.LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    @Test
    void aNightShiftEndsTheNextMorning() {
        Shift night = Shift.of("night", "夜班", "20:00", "08:00", "");
        assertTrue(night.crossesMidnight());
        ShiftWindow window = night.on(LocalDate.parse("2026-12-04"), SHANGHAI);
        assertEquals(at("2026-12-04T20:00", SHANGHAI), window.start());
        assertEquals(at("2026-12-05T08:00", SHANGHAI), window.end());
        assertEquals(Duration.ofHours(12), window.length());
    }

    @Test
    void midnightToEightIsAnOrdinaryMorningShift() {
        Shift early = Shift.of("early", "早班", "00:00", "08:00", "");
        assertFalse(early.crossesMidnight());
        ShiftWindow window = early.on(LocalDate.parse("2026-12-05"), SHANGHAI);
        assertEquals(at("2026-12-05T00:00", SHANGHAI), window.start());
        assertEquals(at("2026-12-05T08:00", SHANGHAI), window.end());
    }

    @Test
    void twentyFourHundredIsMidnightAtTheEndOfTheShift() {
        Shift evening = Shift.of("evening", "中班", "16:00", "24:00", "");
        assertTrue(evening.crossesMidnight());
        assertEquals(at("2026-12-06T00:00", SHANGHAI), evening.on(LocalDate.parse("2026-12-05"), SHANGHAI).end());
    }

    @Test
    void atThreeInTheMorningTheNightShiftThatStartedYesterdayIsRunning() {
        Shift night = Shift.of("night", "夜班", "20:00", "08:00", "");
        Instant three = at("2026-12-05T03:00", SHANGHAI);
        ShiftWindow running = night.latestStartedBy(three, SHANGHAI);
        assertEquals(at("2026-12-04T20:00", SHANGHAI), running.start());
        assertTrue(running.contains(three));
        // After it ended, the latest one is still the one that ended (handed over a little late).
        assertEquals(at("2026-12-04T20:00", SHANGHAI), night.latestStartedBy(at("2026-12-05T09:00", SHANGHAI),
                SHANGHAI).start());
    }

    @Test
    void theShiftTakingOverIsTheOneStartingFirstFromTheEnd() {
        Shift day = Shift.of("day", "白班", "08:00", "16:00", "");
        Shift evening = Shift.of("evening", "中班", "16:00", "00:00", "");
        Shift night = Shift.of("night", "夜班", "00:00", "08:00", "");
        List<Shift> three = List.of(day, evening, night);
        Instant eveningEnd = evening.on(LocalDate.parse("2026-12-04"), SHANGHAI).end();
        assertEquals("night", Shift.takingOver(three, eveningEnd, SHANGHAI).code());
        assertEquals(at("2026-12-05T00:00", SHANGHAI), night.firstStartingFrom(eveningEnd, SHANGHAI).start());
        Instant nightEnd = night.on(LocalDate.parse("2026-12-05"), SHANGHAI).end();
        assertEquals("day", Shift.takingOver(three, nightEnd, SHANGHAI).code());
    }

    @Test
    void dayAndNightHandOverToEachOther() {
        Shift day = Shift.of("day", "白班", "08:00", "20:00", "");
        Shift night = Shift.of("night", "夜班", "20:00", "08:00", "");
        Instant nightEnd = night.on(LocalDate.parse("2026-12-04"), SHANGHAI).end();
        assertEquals("day", Shift.takingOver(List.of(day, night), nightEnd, SHANGHAI).code());
        assertEquals(at("2026-12-05T08:00", SHANGHAI), day.firstStartingFrom(nightEnd, SHANGHAI).start());
        // A lone shift takes over from itself the next day.
        assertEquals(at("2026-12-05T20:00", SHANGHAI), night.firstStartingFrom(nightEnd, SHANGHAI).start());
    }

    @Test
    void theNightOfTheClockChangeIsAnHourLongerInTheTenantsZone() {
        Shift night = Shift.of("night", "Nacht", "22:00", "06:00", "");
        // Europe/Berlin goes back from 03:00 to 02:00 on 2026-10-25.
        assertEquals(Duration.ofHours(9), night.on(LocalDate.parse("2026-10-24"), BERLIN).length());
        assertEquals(Duration.ofHours(8), night.on(LocalDate.parse("2026-10-25"), BERLIN).length());
    }

    @Test
    void theSameLocalTimesAreOtherInstantsInAnotherZone() {
        Shift day = Shift.of("day", "Day", "08:00", "16:00", "");
        LocalDate date = LocalDate.parse("2026-12-05");
        assertEquals(Duration.ofHours(7), Duration.between(day.on(date, SHANGHAI).start(), day.on(date, BERLIN)
                .start()));
    }

    @Test
    void badTimesAndCodesAreNamedByField() {
        KefuException failure = assertThrows(KefuException.class, () -> Shift.of("Day!", "", "25:00", "8点",
                "shifts[2]."));
        List<String> fields = failure.fieldFailures().stream().map(KefuException::field).toList();
        assertEquals(List.of("shifts[2].code", "shifts[2].name", "shifts[2].start", "shifts[2].end"), fields);
        assertThrows(KefuException.class, () -> Shift.of("day", "Day", "08:00:30", "16:00", ""));
    }
}
