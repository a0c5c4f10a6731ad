package io.kefu.complaint.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.deadline.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlaPolicyTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final WorkingCalendar calendar = WorkingCalendar.officeHours(SHANGHAI, Set.of(), Set.of());
    private final SlaPolicy policy = SlaPolicy.regulations(calendar.workingDay());

    @Test
    void everyKindAndSeverityHasDeadlinesAndGraverMeansSooner() {
        for (CaseKind kind : CaseKind.values()) {
            ServiceLevel ordinary = policy.levelFor(kind, Severity.ORDINARY);
            ServiceLevel serious = policy.levelFor(kind, Severity.SERIOUS);
            ServiceLevel major = policy.levelFor(kind, Severity.MAJOR);
            assertTrue(major.firstResponse().compareTo(serious.firstResponse()) <= 0, kind.name());
            assertTrue(serious.firstResponse().compareTo(ordinary.firstResponse()) <= 0, kind.name());
            assertTrue(major.resolution().compareTo(ordinary.resolution()) <= 0, kind.name());
        }
        assertEquals(calendar.workingDay().multipliedBy(15), policy.levelFor(CaseKind.COMPLAINT, Severity.ORDINARY)
                .resolution(), "an ordinary complaint: 15 working days");
        assertEquals(Duration.ofHours(1), policy.levelFor(CaseKind.COMPLAINT, Severity.MAJOR).firstResponse());
    }

    @Test
    void deadlinesFallByTheTenantsCalendar() {
        Instant fridayEvening = LocalDateTime.parse("2026-11-27T17:30").atZone(SHANGHAI).toInstant();
        ServiceLevel.Deadlines due = policy.levelFor(CaseKind.COMPLAINT, Severity.MAJOR)
                .deadlines(fridayEvening, calendar, List.of());
        // half an hour on Friday, half an hour on Monday morning
        assertEquals(LocalDateTime.parse("2026-11-30T09:30").atZone(SHANGHAI).toInstant(), due.firstResponseDue());
        assertTrue(due.resolutionDue().isAfter(due.firstResponseDue()));
    }

    @Test
    void anAdminChangesOneLevelAndNothingElse() {
        ServiceLevel faster = new ServiceLevel(Duration.ofMinutes(30), Duration.ofHours(4));
        SlaPolicy changed = policy.with(CaseKind.REPAIR, Severity.MAJOR, faster);
        assertEquals(faster, changed.levelFor(CaseKind.REPAIR, Severity.MAJOR));
        assertEquals(policy.levelFor(CaseKind.REPAIR, Severity.ORDINARY), changed.levelFor(CaseKind.REPAIR,
                Severity.ORDINARY));
        assertEquals(policy.levelFor(CaseKind.REPAIR, Severity.MAJOR).resolution(),
                SlaPolicy.regulations(calendar.workingDay()).levelFor(CaseKind.REPAIR, Severity.MAJOR).resolution(),
                "the original policy is untouched");
    }

    @Test
    void refusesLevelsThatMakeNoSense() {
        assertThrows(IllegalArgumentException.class, () -> new ServiceLevel(Duration.ZERO, Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> new ServiceLevel(Duration.ofHours(2), Duration.ofHours(1)));
    }
}
