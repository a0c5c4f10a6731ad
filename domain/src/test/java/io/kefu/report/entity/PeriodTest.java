package io.kefu.report.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.problem.KefuException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Month boundaries at local midnight in the tenant's zone, not in UTC. */
class PeriodTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static boolean contains(Period p, Instant at) {
        return !at.isBefore(p.start()) && at.isBefore(p.end());
    }

    @Test
    void aCaseClosedAt2330OnTheLastDayInShanghaiBelongsToThatMonth() {
        Period january = Period.month(YearMonth.of(2026, 1), SHANGHAI);
        Period february = Period.month(YearMonth.of(2026, 2), SHANGHAI);
        Instant lastEvening = Instant.parse("2026-01-31T15:30:00Z");
        assertTrue(contains(january, lastEvening), "23:30 on 31 January in Shanghai");
        assertFalse(contains(february, lastEvening));
        Instant afterMidnight = Instant.parse("2026-01-31T16:00:00Z");
        assertFalse(contains(january, afterMidnight), "00:00 on 1 February in Shanghai");
        assertTrue(contains(february, afterMidnight));
        assertEquals(Instant.parse("2025-12-31T16:00:00Z"), january.start());
    }

    @Test
    void refusesAPeriodRunningBackwardsOrLongerThanTwoYears() {
        assertEquals("to", assertThrows(KefuException.class, () -> new Period(LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 1, 31), SHANGHAI)).field());
        assertThrows(KefuException.class, () -> new Period(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 1, 2),
                SHANGHAI));
        assertEquals(YearMonth.of(2026, 3), new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), SHANGHAI)
                .lastMonth());
    }
}
