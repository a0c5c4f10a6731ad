package io.kefu.complaint.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServiceLevelGradeTest {

    private final ServiceLevel normal = new ServiceLevel(Duration.ofHours(2), Duration.ofHours(40));

    @Test
    void aGradeAtHalfGivesHalfTheWorkingTimeForBothDeadlines() {
        ServiceLevel gradeA = normal.scaled(50);
        assertEquals(Duration.ofHours(1), gradeA.firstResponse());
        assertEquals(Duration.ofHours(20), gradeA.resolution());
    }

    @Test
    void noGradeChangesNothingAndNoDeadlineFallsBelowAMinute() {
        assertSame(normal, normal.scaled(100));
        ServiceLevel tiny = new ServiceLevel(Duration.ofMinutes(1), Duration.ofMinutes(1)).scaled(10);
        assertEquals(Duration.ofMinutes(1), tiny.firstResponse());
        assertEquals(Duration.ofMinutes(1), tiny.resolution());
    }

    @Test
    void aGradeNeverLengthensDeadlines() {
        assertThrows(IllegalArgumentException.class, () -> normal.scaled(150));
        assertThrows(IllegalArgumentException.class, () -> normal.scaled(0));
    }
}
