package io.kefu.callback.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.complaint.entity.Actor;
import io.kefu.complaint.entity.CallbackOutcome;
import io.kefu.complaint.entity.CaseKind;
import io.kefu.complaint.entity.CaseNumber;
import io.kefu.complaint.entity.Channel;
import io.kefu.complaint.entity.Complaint;
import io.kefu.complaint.entity.Intake;
import io.kefu.complaint.entity.ServiceLevel;
import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The callback's rules: attempts, outcomes, who takes it, and what a finished callback refuses. */
class CallbackTaskTest {

    private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
    private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    private final Actor wang = Actor.staff("huijing.staff");
    private final Actor chen = Actor.staff("huijing.staff2");
    private final Actor li = Actor.supervisor("huijing.supervisor");

    private CallbackTask task() {
        Complaint c = Complaint.register(new CaseNumber(YearMonth.of(2026, 11), 7),
                new Intake(CaseKind.REPAIR, null, "卫生间漏水", "3栋1502", "王女士", "13800138000", null, null, false),
                Channel.PHONE, "huijing.staff", new ServiceLevel.Deadlines(T0.plus(Duration.ofHours(4)),
                        T0.plus(Duration.ofDays(3))), clock);
        return CallbackTask.forCase(c, "wang", T0.plus(Duration.ofDays(2)), clock);
    }

    private static AttemptInput reached(Satisfaction satisfaction, Integer score, String comment) {
        return new AttemptInput(CallbackMethod.PHONE, true, satisfaction, score, comment);
    }

    private static AttemptInput noAnswer() {
        return new AttemptInput(CallbackMethod.PHONE, false, null, null, "无人接听");
    }

    @Test
    void staffCannotRecordAnAttemptAsOnlineWhichIsTheResidentsOwnConfirmation() {
        CallbackTask t = task();
        KefuException refused = assertThrows(KefuException.class, () -> t.record(wang,
                new AttemptInput(CallbackMethod.ONLINE, true, Satisfaction.SATISFIED, 5, null), 3, Duration.ZERO,
                clock));
        assertEquals("method", refused.field());
        assertEquals("callback.method.online.resident", refused.messageKey());
        assertEquals(0, t.attemptCount());
        assertEquals(List.of(CallbackMethod.PHONE, CallbackMethod.VISIT, CallbackMethod.SMS),
                CallbackMethod.staffMethods());
        assertEquals("wang", t.resolvedBy());
    }

    @Test
    void opensWithTheResidentsContactAndItsDueTime() {
        CallbackTask t = task();
        assertEquals(CallbackTask.Status.OPEN, t.status());
        assertEquals("13800138000", t.contactPhone());
        assertEquals("3栋1502", t.unit());
        assertEquals(T0.plus(Duration.ofDays(2)), t.dueAt());
        assertFalse(t.isOverdue(T0.plus(Duration.ofDays(2))));
        assertTrue(t.isOverdue(T0.plus(Duration.ofDays(2)).plusSeconds(1)));
    }

    @Test
    void aReachedSatisfiedResidentFinishesTheCallbackAndTheCallerTakesIt() {
        CallbackTask t = task();
        t.record(wang, reached(Satisfaction.SATISFIED, 5, "很满意"), 3, Duration.ZERO, clock);
        assertEquals(CallbackTask.Status.DONE, t.status());
        assertEquals(CallbackOutcome.SATISFIED, t.outcome());
        assertEquals("huijing.staff", t.assignee());
        assertEquals(1, t.attemptCount());
        assertEquals(T0, t.finishedAt());
        assertFalse(t.isOverdue(T0.plus(Duration.ofDays(30))), "a finished callback is never overdue");
    }

    @Test
    void partlyAndNotSatisfiedAreOutcomesOnlyNotSatisfiedKeepsTheCaseOpen() {
        CallbackTask partly = task();
        partly.record(wang, reached(Satisfaction.PARTLY_SATISFIED, 3, null), 3, Duration.ZERO, clock);
        assertEquals(CallbackOutcome.PARTLY_SATISFIED, partly.outcome());
        assertTrue(partly.outcome().closesCase());
        CallbackTask not = task();
        not.record(wang, reached(Satisfaction.NOT_SATISFIED, 1, "还在漏水"), 3, Duration.ZERO, clock);
        assertEquals(CallbackOutcome.NOT_SATISFIED, not.outcome());
        assertFalse(not.outcome().closesCase());
    }

    @Test
    void unansweredAttemptsKeepItOpenUntilTheMaximumThenUnreachable() {
        CallbackTask t = task();
        t.record(wang, noAnswer(), 3, Duration.ZERO, clock);
        t.record(chen, noAnswer(), 3, Duration.ZERO, clock);
        assertEquals(CallbackTask.Status.OPEN, t.status());
        assertNull(t.outcome());
        assertEquals("huijing.staff", t.assignee(), "the first caller keeps it");
        t.record(wang, new AttemptInput(CallbackMethod.SMS, false, null, null, null), 3, Duration.ZERO, clock);
        assertEquals(CallbackTask.Status.DONE, t.status());
        assertEquals(CallbackOutcome.UNREACHABLE, t.outcome());
        assertEquals(List.of(1, 2, 3), t.attempts().stream().map(CallbackAttempt::seq).toList());
        assertEquals("#3 SMS UNREACHED", t.lastAttempt().summary());
    }

    @Test
    void anUnansweredAttemptTooSoonAfterTheLastIsRefusedAReachedOneNever() {
        CallbackTask t = task();
        t.record(wang, noAnswer(), 3, Duration.ofHours(1), clock);
        Clock later = Clock.offset(clock, Duration.ofMinutes(20));
        KefuException soon = assertThrows(KefuException.class,
                () -> t.record(wang, noAnswer(), 3, Duration.ofHours(1), later));
        assertEquals(Failure.CONFLICT, soon.failure());
        assertEquals("callback.retry.too.soon", soon.messageKey());
        assertEquals(40L, soon.arguments()[0], "minutes to wait");
        t.record(wang, noAnswer(), 3, Duration.ofHours(1), Clock.offset(clock, Duration.ofMinutes(61)));
        assertEquals(2, t.attemptCount());
        t.record(wang, reached(Satisfaction.SATISFIED, 5, "刚才在开会"), 3, Duration.ofHours(1),
                Clock.offset(clock, Duration.ofMinutes(62)));
        assertEquals(CallbackOutcome.SATISFIED, t.outcome(), "the resident calling back is taken at once");
    }

    @Test
    void aFinishedOrCancelledCallbackRefusesMoreAttempts() {
        CallbackTask done = task();
        done.record(wang, reached(Satisfaction.SATISFIED, null, null), 3, Duration.ZERO, clock);
        assertEquals(Failure.CONFLICT, assertThrows(KefuException.class,
                () -> done.record(wang, noAnswer(), 3, Duration.ZERO, clock)).failure());
        CallbackTask cancelled = task();
        cancelled.cancel(clock);
        assertEquals(CallbackTask.Status.CANCELLED, cancelled.status());
        assertEquals(Failure.CONFLICT, assertThrows(KefuException.class,
                () -> cancelled.record(wang, noAnswer(), 3, Duration.ZERO, clock)).failure());
    }

    @Test
    void refusesAnInconsistentAttemptFieldByFieldAndRecordsNothing() {
        CallbackTask t = task();
        KefuException refused = assertThrows(KefuException.class, () -> t.record(wang,
                new AttemptInput(null, true, null, 9, null), 3, Duration.ZERO, clock));
        assertEquals(List.of("method", "satisfaction", "score"),
                refused.fieldFailures().stream().map(KefuException::field).toList());
        assertEquals(0, t.attemptCount());
        assertEquals("satisfaction", field(() -> t.record(wang,
                new AttemptInput(CallbackMethod.PHONE, false, Satisfaction.SATISFIED, null, null),
                3, Duration.ZERO, clock)),
                "nobody answered, so nobody said they were satisfied");
        assertEquals("comment", field(() -> t.record(wang, reached(Satisfaction.NOT_SATISFIED, 2, " "),
                3, Duration.ZERO, clock)),
                "the owner needs to know why");
        assertEquals("reached", field(() -> t.record(wang, new AttemptInput(CallbackMethod.PHONE, null, null, null,
                null), 3, Duration.ZERO, clock)));
        assertTrue(t.attempts().isEmpty());
        assertNull(t.assignee());
    }

    @Test
    void theResidentsOnlineAnswerIsTheCallback() {
        CallbackTask confirmed = task();
        confirmed.confirmedOnline("谢谢", clock);
        assertEquals(CallbackOutcome.CONFIRMED_ONLINE, confirmed.outcome());
        assertEquals(CallbackMethod.ONLINE, confirmed.lastAttempt().method());
        CallbackTask rejected = task();
        rejected.rejectedOnline("还是漏水", clock);
        assertEquals(CallbackOutcome.NOT_SATISFIED, rejected.outcome());
    }

    @Test
    void staffTakeAnUnassignedCallbackSupervisorsGiveItToAnybody() {
        CallbackTask t = task();
        assertEquals(Failure.FORBIDDEN, assertThrows(KefuException.class, () -> t.assign(wang, "huijing.staff2"))
                .failure(), "staff do not hand out work");
        t.assign(wang, "huijing.staff");
        assertEquals("huijing.staff", t.assignee());
        assertEquals(Failure.FORBIDDEN, assertThrows(KefuException.class, () -> t.assign(chen, "huijing.staff2"))
                .failure(), "nor take somebody else's");
        t.assign(li, "huijing.staff2");
        assertEquals("huijing.staff2", t.assignee());
    }

    private static String field(Runnable action) {
        return assertThrows(KefuException.class, action::run).field();
    }
}
