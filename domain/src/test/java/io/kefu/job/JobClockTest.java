package io.kefu.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobClockTest {

    private final List<ScheduleExpression> created = new ArrayList<>();
    private final List<TimerConfig> configs = new ArrayList<>();

    @Test
    void aMinuteRoundRunsEachJobAtItsSecondOfEveryMinute() {
        JobClock clock = clock("PT1M");
        clock.start(timers(), 20);
        assertEquals("20", created.get(0).getSecond());
        assertEquals("*", created.get(0).getMinute());
        assertEquals("*", created.get(0).getHour());
        assertFalse(configs.get(0).isPersistent(), "every node makes its own timers at start");
        assertEquals(Duration.ofSeconds(50), clock.lease());
    }

    @Test
    void aShorterRoundRunsEachJobAtItsSecondWithinEveryRound() {
        JobClock clock = clock("PT10S");
        clock.start(timers(), 35);
        clock.start(timers(), 20);
        assertEquals("5/10", created.get(0).getSecond());
        assertEquals("0/10", created.get(1).getSecond());
        assertTrue(clock.lease().compareTo(clock.round()) < 0, "the lease ends before the next round");
    }

    @Test
    void aRoundThatDoesNotDivideAMinuteOrIsTooShortIsRefusedAtStart() {
        for (String round : List.of("PT7S", "PT2S", "PT1.5S", "PT2M", "PT0S")) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> clock(round), round);
            assertTrue(refused.getMessage().contains("kefu.jobs.round"), refused.getMessage());
        }
    }

    private static JobClock clock(String round) {
        JobClock clock = new JobClock();
        clock.configured = round;
        clock.read();
        return clock;
    }

    /** A timer service that records the calendar timers asked of it. */
    private TimerService timers() {
        return (TimerService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {TimerService.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("createCalendarTimer")) {
                        created.add((ScheduleExpression) args[0]);
                        configs.add((TimerConfig) args[1]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
