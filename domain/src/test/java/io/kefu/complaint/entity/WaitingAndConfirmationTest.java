package io.kefu.complaint.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.deadline.WorkingCalendar;
import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The resident's side of a case and the clock that stops while the office waits on them. */
class WaitingAndConfirmationTest {

    /** Monday 2026-11-23 10:00 in Shanghai. */
    private static final Instant MONDAY_10 = Instant.parse("2026-11-23T02:00:00Z");
    private final WorkingCalendar calendar =
            WorkingCalendar.officeHours(ZoneId.of("Asia/Shanghai"), Set.of(), Set.of());
    private final Actor wang = Actor.staff("huijing.staff");

    private Complaint accepted() {
        Complaint c = Complaint.register(new CaseNumber(YearMonth.of(2026, 11), 7),
                new Intake(CaseKind.REPAIR, null, "厨房水管漏水", null, "王女士", "13800138000", null, null, false),
                Channel.ONLINE, null, new ServiceLevel.Deadlines(MONDAY_10.plus(Duration.ofHours(4)),
                        MONDAY_10.plus(Duration.ofDays(2))), Clock.fixed(MONDAY_10, ZoneOffset.UTC));
        c.accept(wang, Clock.fixed(MONDAY_10, ZoneOffset.UTC));
        return c;
    }

    @Test
    void deadlinesStandStillWhileTheCaseWaitsOnTheResident() {
        Complaint c = accepted();
        Instant due = c.resolutionDue();
        c.requestInformation(wang, "请拍一张漏水位置的照片", Clock.fixed(MONDAY_10, ZoneOffset.UTC));
        assertEquals(CaseStatus.WAITING_ON_RESIDENT, c.status());
        assertFalse(c.isOverdue(due.plus(Duration.ofDays(30))), "a waiting case is never overdue");

        // The resident answers Tuesday 10:00: one full working day (7.5 h) passed while waiting.
        Instant tuesday10 = MONDAY_10.plus(Duration.ofDays(1));
        c.addInformation("照片在附件里", calendar, Clock.fixed(tuesday10, ZoneOffset.UTC));
        assertEquals(CaseStatus.IN_PROGRESS, c.status());
        assertEquals(calendar.plus(due, Duration.ofMinutes(450)), c.resolutionDue());
        assertNull(c.waitingSince());
    }

    @Test
    void theResidentConfirmsOrRejectsTheSolutionAndRejectingReopens() {
        Complaint c = accepted();
        Clock clock = Clock.fixed(MONDAY_10.plusSeconds(60), ZoneOffset.UTC);
        c.resolve(wang, "已更换水管接头", clock);
        c.confirm("谢谢", clock);
        assertEquals(CaseStatus.CALLBACK_PENDING, c.status());
        assertEquals("CONFIRM", c.history().get(c.history().size() - 1).action());

        KefuException noReason = assertThrows(KefuException.class, () -> c.rejectSolution(" ", clock));
        assertEquals("comment", noReason.field());
        c.rejectSolution("还在漏水", clock);
        assertEquals(CaseStatus.IN_PROGRESS, c.status());
        assertNull(c.resolution());
        assertTrue(c.history().get(c.history().size() - 1).isPublic());
        assertThrows(KefuException.class, () -> c.confirm("?", clock), "only a solution waiting for its callback");
    }

    @Test
    void aClosedCaseIsNotReopenedThroughTheTrackingLink() {
        Complaint c = accepted();
        Clock clock = Clock.fixed(MONDAY_10.plusSeconds(60), ZoneOffset.UTC);
        c.resolve(wang, "已更换水管接头", clock);
        c.close(wang, CallbackOutcome.SATISFIED, clock);
        assertThrows(KefuException.class, () -> c.rejectSolution("又漏了", clock));
        assertEquals(CaseStatus.CLOSED, c.status());
        assertEquals(CallbackOutcome.SATISFIED, c.callbackOutcome());
    }

    @Test
    void onlyASupervisorAcknowledgesAMajorCaseAndOnlyOnce() {
        Complaint c = accepted();
        Clock clock = Clock.fixed(MONDAY_10, ZoneOffset.UTC);
        Actor li = Actor.supervisor("huijing.supervisor");
        assertEquals("case.acknowledge.not.major", assertThrows(KefuException.class, () -> c.acknowledge(li, clock))
                .messageKey());
        c.classify(wang, null, CaseKind.COMPLAINT, Severity.MAJOR, null, clock);
        assertEquals(Failure.FORBIDDEN, assertThrows(KefuException.class, () -> c.acknowledge(wang, clock)).failure());
        c.acknowledge(li, clock);
        assertEquals("huijing.supervisor", c.majorAcknowledgedBy());
        assertEquals("case.acknowledge.done", assertThrows(KefuException.class, () -> c.acknowledge(li, clock))
                .messageKey());
    }

    @Test
    void everyFaultyIntakeFieldIsReportedAtOnce() {
        KefuException refused = assertThrows(KefuException.class, () -> Complaint.check(new Intake(null, null, " ",
                null, null, "12345", "not-an-address", null, false)));
        assertEquals(Set.of("kind", "description", "contactPhone", "contactEmail"), Set.copyOf(
                refused.fieldFailures().stream().map(KefuException::field).toList()));
    }

    @Test
    void escalationsAreInternalAndRaiseTheLevel() {
        Complaint c = accepted();
        c.escalate(Escalation.Reason.OVERDUE, Clock.fixed(MONDAY_10, ZoneOffset.UTC));
        assertEquals(1, c.escalationLevel());
        c.escalate(Escalation.Reason.OVERDUE_MANAGER, Clock.fixed(MONDAY_10, ZoneOffset.UTC));
        assertEquals(2, c.escalationLevel());
        assertFalse(c.history().get(c.history().size() - 1).isPublic());
    }
}
