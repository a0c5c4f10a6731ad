package io.kefu.complaint.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.privacy.entity.RetentionPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The retention rule on a case: which cases lose their personal data, and what they keep. */
class AnonymisationTest {

    /** When the test's cases were filed and finished. */
    private static final Instant CLOSED = Instant.parse("2022-03-15T08:00:00Z");
    private final Clock then = Clock.fixed(CLOSED, ZoneOffset.UTC);
    private final RetentionPolicy policy = RetentionPolicy.defaults();

    private Complaint filed() {
        Complaint c = Complaint.register(new CaseNumber(YearMonth.of(2022, 3), 7),
                new Intake(CaseKind.COMPLAINT, "noise", "楼上每晚十二点后装修噪音", "3栋2单元1502", "王女士",
                        "13800138000", "wang@example.com", "请物业尽快协调", false),
                Channel.PHONE, "huijing.staff", new ServiceLevel.Deadlines(CLOSED.plus(Duration.ofHours(7)),
                        CLOSED.plus(Duration.ofDays(21))), then);
        c.belongTo(41L);
        c.linkUnit(Actor.staff("huijing.staff"), 9L, "3栋 1502", then);
        return c;
    }

    private Complaint closed() {
        Complaint c = filed();
        Actor wang = Actor.staff("huijing.staff");
        c.accept(wang, then);
        c.resolve(wang, "已协调楼上住户", then);
        c.close(wang, CallbackOutcome.SATISFIED, then);
        return c;
    }

    private static Instant monthsAfterClosing(int months) {
        return CLOSED.atOffset(ZoneOffset.UTC).plusMonths(months).toInstant();
    }

    @Test
    void aCaseClosedThirtySevenMonthsAgoIsDue() {
        assertTrue(closed().isDueForAnonymisation(policy.cutoff(monthsAfterClosing(37))));
    }

    @Test
    void aCaseClosedThirtyFiveMonthsAgoIsNotDue() {
        assertFalse(closed().isDueForAnonymisation(policy.cutoff(monthsAfterClosing(35))));
    }

    @Test
    void anOpenCaseIsNeverDueHoweverOld() {
        Complaint open = filed();
        open.accept(Actor.staff("huijing.staff"), then);
        assertFalse(open.isDueForAnonymisation(policy.cutoff(monthsAfterClosing(240))));
        Complaint waiting = filed();
        Actor wang = Actor.staff("huijing.staff");
        waiting.accept(wang, then);
        waiting.resolve(wang, "已协调", then);
        assertFalse(waiting.isDueForAnonymisation(policy.cutoff(monthsAfterClosing(240))),
                "waiting for its callback is still open");
    }

    @Test
    void aWithdrawnCaseIsFinishedAndDueToo() {
        Complaint withdrawn = filed();
        withdrawn.withdraw("已自行解决", then);
        assertTrue(withdrawn.isDueForAnonymisation(policy.cutoff(monthsAfterClosing(37))));
    }

    @Test
    void anonymisingRemovesTheContactAndKeepsWhatTheCaseIsAbout() {
        Complaint c = closed();
        Instant closedAt = c.closedAt();
        int events = c.history().size();
        Clock now = Clock.fixed(monthsAfterClosing(37), ZoneOffset.UTC);

        c.anonymise(now);

        assertNull(c.contactName());
        assertNull(c.contactPhone());
        assertNull(c.contactEmail());
        assertNull(c.location());
        assertNull(c.customerId(), "the link to the customer's record goes with the contact");
        assertTrue(c.isAnonymised());
        assertEquals("楼上每晚十二点后装修噪音", c.description());
        assertEquals("请物业尽快协调", c.desiredOutcome());
        assertEquals("已协调楼上住户", c.resolution());
        assertEquals(9L, c.unitId(), "the unit is the building's, counted in the reports");
        assertEquals(CaseStatus.CLOSED, c.status());
        assertEquals(closedAt, c.closedAt());
        assertEquals(events, c.history().size(), "the history stays as it was");
        assertFalse(c.isDueForAnonymisation(RetentionPolicy.defaults().cutoff(monthsAfterClosing(100))),
                "done once");
    }
}
