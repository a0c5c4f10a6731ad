package io.kefu.complaint.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A key customer's (重点客户) new case goes to their named handler, and the history says so. */
class KeyCustomerHandlerTest {

    private static final Instant T0 = Instant.parse("2026-12-04T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    private static Complaint registered() {
        return Complaint.register(new CaseNumber(YearMonth.of(2026, 12), 3),
                new Intake(CaseKind.REPAIR, null, "电梯异响", null, "赵先生", "13800138000", null, null, false),
                Channel.PHONE, "huijing.staff", new ServiceLevel.Deadlines(T0.plus(Duration.ofHours(4)),
                        T0.plus(Duration.ofDays(7))), CLOCK);
    }

    @Test
    void theHandlerOwnsTheNewCaseWhichStaysRegisteredWithAnInternalEntry() {
        Complaint c = registered();

        c.giveToKeyCustomerHandler("huijing.vip-desk", CLOCK);

        assertEquals("huijing.vip-desk", c.owner());
        assertEquals(CaseStatus.REGISTERED, c.status(), "still to be accepted: the first response is not faked");
        CaseEvent last = c.history().get(c.history().size() - 1);
        assertEquals(Complaint.KEY_CUSTOMER_HANDLER, last.action());
        assertEquals("huijing.vip-desk", last.text());
        assertEquals(Actor.SYSTEM, last.actor());
        assertFalse(last.isPublic(), "the customer is not told who their handler is through the tracking page");
    }

    @Test
    void anOwnedCaseIsNotTakenAwayFromItsOwner() {
        Complaint c = registered();
        c.accept(Actor.staff("huijing.staff"), CLOCK);

        assertThrows(IllegalStateException.class, () -> c.giveToKeyCustomerHandler("huijing.vip-desk", CLOCK));
        assertEquals("huijing.staff", c.owner());
    }
}
