package io.kefu.complaint.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The moment a case is closed, which puts it in a month's report: set by the transition that finishes the case
 * (closed by its callback, not upheld, withdrawn), kept through notes on the closed case, cleared by a reopening.
 */
class ClosedAtTest {

    private static final Instant T0 = Instant.parse("2026-01-31T15:00:00Z");
    private final Actor wang = Actor.staff("huijing.staff");
    private final Actor li = Actor.supervisor("huijing.supervisor");

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private Complaint filed() {
        return Complaint.register(new CaseNumber(YearMonth.of(2026, 1), 7),
                new Intake(CaseKind.COMPLAINT, "noise", "楼上噪音", "3栋1502", "王女士", "13800138000", null, null,
                        false),
                Channel.PHONE, "huijing.staff", new ServiceLevel.Deadlines(T0.plus(Duration.ofHours(7)),
                        T0.plus(Duration.ofDays(15))), at(T0));
    }

    @Test
    void aCallbackOutcomeClosesTheCaseAtItsMomentAndNotesOnTheClosedCaseKeepIt() {
        Complaint c = filed();
        c.accept(wang, at(T0));
        c.resolve(wang, "已协调", at(T0.plusSeconds(3_600)));
        assertNull(c.closedAt(), "waiting for its callback is not closed");
        Instant closing = Instant.parse("2026-01-31T15:30:00Z");
        c.close(wang, CallbackOutcome.SATISFIED, at(closing));
        assertEquals(closing, c.closedAt());
        c.note(li, "归档", at(closing.plusSeconds(86_400)));
        assertEquals(closing, c.closedAt(), "a note does not move the closing");
    }

    @Test
    void aReopeningClearsItAndTheNextClosingSetsItAgain() {
        Complaint c = filed();
        c.accept(wang, at(T0));
        c.resolve(wang, "已协调", at(T0));
        c.close(wang, CallbackOutcome.UNREACHABLE, at(T0.plusSeconds(60)));
        c.reopen(li, "业主来电仍有噪音", at(T0.plusSeconds(120)));
        assertNull(c.closedAt());
        c.resolve(wang, "再次协调", at(T0.plusSeconds(180)));
        c.close(wang, CallbackOutcome.SATISFIED, at(T0.plusSeconds(240)));
        assertEquals(T0.plusSeconds(240), c.closedAt(), "counted in the month of its last closing");
    }

    @Test
    void notUpheldAndWithdrawnAreClosedWhenTheyHappen() {
        Complaint rejected = filed();
        rejected.accept(wang, at(T0));
        rejected.reject(wang, "非物业责任", at(T0.plusSeconds(10)));
        assertNull(rejected.closedAt(), "asking is not deciding");
        rejected.approveRejection(li, null, at(T0.plusSeconds(20)));
        assertEquals(T0.plusSeconds(20), rejected.closedAt());

        Complaint withdrawn = filed();
        withdrawn.withdraw("已自行解决", at(T0.plusSeconds(30)));
        assertEquals(T0.plusSeconds(30), withdrawn.closedAt());
    }
}
