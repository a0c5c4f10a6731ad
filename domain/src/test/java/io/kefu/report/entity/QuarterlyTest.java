package io.kefu.report.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.complaint.entity.Actor;
import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuarterlyTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    private static final Actor BOSS = Actor.supervisor("boss");

    @Test
    void aQuarterIsItsThreeMonthsInTheTenantsZone() {
        Quarter q3 = Quarter.parse("2026-q3");
        assertEquals("2026-Q3", q3.toString());
        assertEquals(LocalDate.of(2026, 9, 30), q3.lastDay());
        assertEquals(Quarter.parse("2026-Q2"), q3.previous());
        assertEquals(Quarter.parse("2027-Q1"), Quarter.parse("2026-Q4").next());
        assertEquals(Quarter.parse("2025-Q3"), q3.yearBefore());
        assertEquals(Instant.parse("2026-09-30T16:00:00Z"), q3.period(SHANGHAI).end(), "midnight in Shanghai");
        assertEquals(q3, Quarter.of(LocalDate.of(2026, 9, 30)));
    }

    @Test
    void rejectsAMalformedQuarterOnItsField() {
        for (String bad : List.of("2026-Q5", "2026Q3", "", "Q3-2026")) {
            KefuException e = assertThrows(KefuException.class, () -> Quarter.parse(bad), bad);
            assertEquals("quarter", e.field());
            assertEquals(Failure.INVALID, e.failure());
        }
    }

    @Test
    void anActionMovesOneStepAtATime() {
        CorrectiveAction action = action(TODAY.plusDays(10));
        KefuException skipped = assertThrows(KefuException.class,
                () -> action.advance(CorrectiveAction.Status.VERIFIED, BOSS, clock(TODAY)));
        assertEquals(Failure.CONFLICT, skipped.failure());
        assertEquals("action.status.skip", skipped.messageKey());
        action.advance(CorrectiveAction.Status.DONE, BOSS, clock(TODAY.plusDays(3)));
        assertThrows(KefuException.class, () -> action.advance(CorrectiveAction.Status.DONE, BOSS, clock(TODAY)),
                "not twice");
        action.advance(CorrectiveAction.Status.VERIFIED, BOSS, clock(TODAY.plusDays(4)));
        assertEquals(CorrectiveAction.Status.VERIFIED, action.status());
        assertEquals("boss", action.verifiedBy());
        assertTrue(action.doneOnTime(SHANGHAI, TODAY.plusDays(20)));
    }

    @Test
    void anActionDoneAfterItsDueDayIsLateAndOneOpenPastItIsOverdue() {
        CorrectiveAction late = action(TODAY);
        assertNull(late.doneOnTime(SHANGHAI, TODAY), "open, due today: not yet");
        assertTrue(late.isOverdue(TODAY.plusDays(1)));
        assertFalse(late.doneOnTime(SHANGHAI, TODAY.plusDays(1)), "open past its due date");
        late.advance(CorrectiveAction.Status.DONE, BOSS, clock(TODAY.plusDays(1)));
        assertFalse(late.doneOnTime(SHANGHAI, TODAY.plusDays(2)));
        assertFalse(late.isOverdue(TODAY.plusDays(2)), "done is not overdue");
    }

    @Test
    void refusesADueDateInThePastAndAnActionAnsweringNothing() {
        KefuException e = assertThrows(KefuException.class, () -> new CorrectiveAction(Quarter.parse("2026-Q3"), 1,
                new CorrectiveAction.Commitment("engineering", "修", "eng", TODAY.minusDays(1), List.of(), List.of()),
                BOSS, TODAY, clock(TODAY)));
        List<String> fields = e.fieldFailures().stream().map(KefuException::field).toList();
        assertTrue(fields.containsAll(List.of("dueDate", "causes")), fields.toString());
    }

    @Test
    void aCauseKeyNamesWhatTheNextQuarterLooksFor() {
        Cause.Key unit = Cause.Key.parse(Cause.unitKey("3栋", "1502", "leak"));
        assertEquals(List.of("3栋", "1502", "leak"), List.of(unit.building(), unit.unit(), unit.categoryCode()));
        Cause.Key building = Cause.Key.parse(Cause.buildingKey("5栋", "lift"));
        assertEquals(Cause.Kind.BUILDING, building.kind());
        assertEquals("13800138000", Cause.Key.parse(Cause.residentKey("13800138000", "noise")).phone());
        assertThrows(KefuException.class, () -> Cause.Key.parse("UNIT|3栋"));
        assertEquals("2026-Q3-2", CorrectiveAction.Ref.parse("2026-q3-2").orElseThrow().toString());
        assertTrue(CorrectiveAction.Ref.parse("12").isEmpty());
    }

    private static CorrectiveAction action(LocalDate due) {
        return new CorrectiveAction(Quarter.parse("2026-Q3"), 1, new CorrectiveAction.Commitment("engineering",
                "屋面防水翻新", "eng", due, List.of(Cause.buildingKey("5栋", "leak")), List.of()), BOSS, TODAY,
                clock(TODAY));
    }

    private static Clock clock(LocalDate day) {
        return Clock.fixed(day.atTime(10, 0).atZone(SHANGHAI).toInstant(), ZoneOffset.UTC);
    }
}
