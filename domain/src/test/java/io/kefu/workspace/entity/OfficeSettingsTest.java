package io.kefu.workspace.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kefu.problem.KefuException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Office hours as an admin types them, checked as a whole. */
class OfficeSettingsTest {

    @Test
    void defaultsAreTheUsualOfficeHours() {
        OfficeSettings settings = OfficeSettings.defaults();
        assertEquals(Duration.ofMinutes(450), settings.calendar(ZoneId.of("Asia/Shanghai"), Set.of(), Set.of())
                .workingDay());
        assertEquals(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), settings.restDays());
    }

    @Test
    void acceptsFullWidthPunctuationAndShortHours() {
        OfficeSettings settings = OfficeSettings.defaults();
        settings.changeHours("8:30-12:00，13:00－17:30", EnumSet.of(DayOfWeek.SUNDAY));
        assertEquals("08:30-12:00, 13:00-17:30", settings.workingPeriods());
        assertEquals(Duration.ofHours(8), settings.calendar(ZoneId.of("UTC"), Set.of(), Set.of()).workingDay());
    }

    @Test
    void refusesMalformedOverlappingOrNoWorkingDays() {
        OfficeSettings settings = OfficeSettings.defaults();
        assertEquals("calendar.periods.invalid", assertThrows(KefuException.class,
                () -> settings.changeHours("nine to five", Set.of())).messageKey());
        assertEquals("calendar.periods.overlap", assertThrows(KefuException.class,
                () -> settings.changeHours("09:00-13:00,12:00-18:00", Set.of())).messageKey());
        assertEquals("calendar.rest.all", assertThrows(KefuException.class,
                () -> settings.changeHours("09:00-17:00", EnumSet.allOf(DayOfWeek.class))).messageKey());
        assertEquals("09:00-12:00, 13:30-18:00", settings.workingPeriods(), "nothing changed");
    }
}
