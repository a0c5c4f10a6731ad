package io.kefu.complaint.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * What the reports need beyond the workflow: the unit a case is about, and whose fault it was (职责归属) — proposed
 * from the handling department until a supervisor judges it, also on a closed case, with the history telling who.
 */
class UnitAndResponsibilityTest {

    private static final Instant T0 = Instant.parse("2026-10-31T15:30:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    private final Actor wang = Actor.staff("huijing.staff");
    private final Actor li = Actor.supervisor("huijing.supervisor");

    private Complaint closed() {
        Complaint c = Complaint.register(new CaseNumber(YearMonth.of(2026, 10), 9),
                new Intake(CaseKind.COMPLAINT, "leak", "楼上漏水", "3栋1502", "王女士", "13800138000", null, null,
                        false),
                Channel.PHONE, "huijing.staff", new ServiceLevel.Deadlines(T0.plus(Duration.ofHours(7)),
                        T0.plus(Duration.ofDays(15))), CLOCK);
        c.accept(wang, CLOCK);
        c.route(wang, "engineering", null, CLOCK);
        c.resolve(wang, "已维修", CLOCK);
        c.close(wang, CallbackOutcome.SATISFIED, CLOCK);
        return c;
    }

    @Test
    void theHandlingDepartmentIsProposedUntilASupervisorJudgesEvenAfterClosing() {
        Complaint c = closed();
        assertEquals("engineering", c.responsibleDepartment());
        assertFalse(c.isResponsibilityJudged());
        int events = c.history().size();

        c.attributeResponsibility(li, "cleaning", CLOCK);

        assertEquals("cleaning", c.responsibleDepartment());
        assertTrue(c.isResponsibilityJudged());
        assertEquals(CaseStatus.CLOSED, c.status(), "attribution does not move the case");
        assertEquals(events + 1, c.history().size());
        CaseEvent last = c.history().get(events);
        assertEquals("ATTRIBUTE", last.action());
        assertEquals("huijing.supervisor", last.actor());
        assertFalse(last.isPublic(), "the resident never sees whose fault it was");

        c.attributeResponsibility(li, Complaint.EXTERNAL, CLOCK);
        assertEquals(Complaint.EXTERNAL, c.responsibleDepartment());
        c.attributeResponsibility(li, Complaint.EXTERNAL, CLOCK);
        assertEquals(events + 2, c.history().size(), "the same judgement again records nothing");
    }

    @Test
    void onlyASupervisorAttributesAndABlankDepartmentIsRefused() {
        Complaint c = closed();
        KefuException refused = assertThrows(KefuException.class,
                () -> c.attributeResponsibility(wang, "cleaning", CLOCK));
        assertEquals(Failure.FORBIDDEN, refused.failure());
        assertThrows(KefuException.class, () -> c.attributeResponsibility(li, " ", CLOCK));
        assertFalse(c.isResponsibilityJudged());
    }

    @Test
    void aUnitIsLinkedChangedAndUnlinkedWithTheHistoryTelling() {
        Complaint c = closed();
        assertNull(c.unitId());
        int events = c.history().size();
        c.linkUnit(wang, 17L, "3栋 1502", CLOCK);
        c.linkUnit(wang, 17L, "3栋 1502", CLOCK);
        assertEquals(17L, c.unitId());
        assertEquals(events + 1, c.history().size(), "linking the same unit again records nothing");
        assertEquals("3栋 1502", c.history().get(events).text());
        c.linkUnit(wang, null, null, CLOCK);
        assertNull(c.unitId());
        assertEquals("LINK_UNIT", c.history().get(events + 1).action());
    }
}
