package io.kefu.complaint.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.phrase.ForbiddenPhrases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A promised reply time (告知答复时间): reminded once before it, recorded once when missed, kept by a word in time. */
class PromiseTest {

    private static final Instant T0 = Instant.parse("2026-12-04T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    private static final Instant BY = T0.plus(Duration.ofHours(3));
    private static final Duration BEFORE = Duration.ofMinutes(30);
    private static final Actor STAFF = Actor.staff("huijing.staff");

    private static Complaint promised() {
        Complaint c = Complaint.register(new CaseNumber(YearMonth.of(2026, 12), 7),
                new Intake(CaseKind.COMPLAINT, null, "楼道灯不亮", null, "赵先生", "13800138000", null, null, false),
                Channel.PHONE, "huijing.staff", new ServiceLevel.Deadlines(T0.plus(Duration.ofHours(4)),
                        T0.plus(Duration.ofDays(7))), CLOCK);
        c.accept(STAFF, CLOCK);
        c.promise(STAFF, BY, "查明原因后回复", CLOCK);
        return c;
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    @Test
    void theReminderIsDueFromItsMomentUntilThePromisedTimeAndIsSentOnce() {
        Complaint c = promised();

        assertFalse(c.remindOfPromise(BY.minus(Duration.ofMinutes(31)), BEFORE), "too early");
        assertTrue(c.remindOfPromise(BY.minus(Duration.ofMinutes(30)), BEFORE));
        assertEquals(BY.minus(Duration.ofMinutes(30)), c.promiseRemindedAt());
        assertFalse(c.remindOfPromise(BY.minus(Duration.ofMinutes(10)), BEFORE), "once");
    }

    @Test
    void noReminderAfterThePromisedTimeNorForAPromiseMadeInsideTheReminderWindow() {
        assertFalse(promised().isPromiseReminderDue(BY.plusSeconds(1), BEFORE));
        assertFalse(promised().isPromiseReminderDue(BY.minus(Duration.ofMinutes(5)), Duration.ofHours(4)),
                "made 3 hours ahead with a 4-hour reminder: its maker has just said it");
    }

    @Test
    void aMissedPromiseIsRecordedOnceWithAnInternalHistoryEntry() {
        Complaint c = promised();

        assertFalse(c.recordPromiseMissed(BY), "not before its time has passed");
        assertTrue(c.recordPromiseMissed(BY.plusSeconds(60)));
        assertFalse(c.recordPromiseMissed(BY.plusSeconds(120)), "once");

        List<CaseEvent> misses = c.history().stream().filter(e -> Complaint.PROMISE_MISSED.equals(e.action()))
                .toList();
        assertEquals(1, misses.size());
        assertFalse(misses.get(0).isPublic());
        assertEquals(BY.plusSeconds(60), c.promiseMissedAt());
    }

    @Test
    void aPublicReplyInTimeKeepsThePromise() {
        Complaint c = promised();
        c.reply(STAFF, "已联系电工，今晚修复", ForbiddenPhrases.of(List.of()), at(BY.minusSeconds(60)));

        assertNotNull(c.promiseKeptAt());
        assertFalse(c.isPromiseMissed(BY.plus(Duration.ofHours(1))));
        assertFalse(c.isPromiseReminderDue(BY.minus(Duration.ofMinutes(10)), BEFORE), "kept: nothing to remind of");
    }

    @Test
    void theResolutionInTimeKeepsThePromiseAndAnInternalNoteDoesNot() {
        Complaint noted = promised();
        noted.note(STAFF, "待电工回复", at(BY.minusSeconds(60)));
        assertTrue(noted.isPromiseMissed(BY.plusSeconds(1)), "the customer heard nothing");

        Complaint resolved = promised();
        resolved.resolve(STAFF, "更换灯管", at(BY.minusSeconds(60)));
        assertFalse(resolved.isPromiseMissed(BY.plusSeconds(1)));
    }

    @Test
    void aReplyAfterThePromisedTimeDoesNotMendIt() {
        Complaint c = promised();
        c.reply(STAFF, "抱歉久等", ForbiddenPhrases.of(List.of()), at(BY.plusSeconds(1)));

        assertTrue(c.isPromiseMissed(BY.plusSeconds(2)));
    }

    @Test
    void aCaseWithdrawnBeforeThePromisedTimeMissesNothing() {
        Complaint c = promised();
        c.withdraw("已自行解决", at(BY.minusSeconds(60)));

        assertFalse(c.isPromiseMissed(BY.plusSeconds(1)));
    }

    @Test
    void aNewPromiseClearsTheMarksButTheRecordedMissStaysInTheHistory() {
        Complaint c = promised();
        c.remindOfPromise(BY.minus(Duration.ofMinutes(20)), BEFORE);
        c.recordPromiseMissed(BY.plusSeconds(60));
        Instant later = BY.plus(Duration.ofHours(1));
        Instant newBy = later.plus(Duration.ofHours(2));

        c.promise(STAFF, newBy, "明天上午答复", at(later));

        assertNull(c.promiseRemindedAt());
        assertNull(c.promiseMissedAt());
        assertNull(c.promiseKeptAt());
        assertEquals(newBy, c.promisedReplyBy());
        assertTrue(c.remindOfPromise(newBy.minus(Duration.ofMinutes(30)), BEFORE), "reminded afresh");
        assertTrue(c.recordPromiseMissed(newBy.plusSeconds(1)), "and missed afresh");
        assertEquals(2, c.history().stream().filter(e -> Complaint.PROMISE_MISSED.equals(e.action())).count());
    }

    @Test
    void aWordBeforeTheFirstPromiseKeepsNothing() {
        Complaint c = Complaint.register(new CaseNumber(YearMonth.of(2026, 12), 8),
                new Intake(CaseKind.COMPLAINT, null, "噪音", null, null, "13800138000", null, null, false),
                Channel.PHONE, "huijing.staff", new ServiceLevel.Deadlines(T0.plus(Duration.ofHours(4)),
                        T0.plus(Duration.ofDays(7))), CLOCK);
        c.accept(STAFF, CLOCK);
        c.reply(STAFF, "收到", ForbiddenPhrases.of(List.of()), CLOCK);

        assertNull(c.promiseKeptAt());
        assertFalse(c.isPromiseMissed(T0.plus(Duration.ofDays(30))), "no promise, nothing to miss");
    }
}
