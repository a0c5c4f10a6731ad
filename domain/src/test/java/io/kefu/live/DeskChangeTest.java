package io.kefu.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.callback.entity.CallbackTask;
import io.kefu.callback.entity.CourtesyPlan;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DeskChangeTest {

    @Test
    void travelsThroughTheGridAsTextAndComesBackTheSame() {
        DeskChange notice = new DeskChange(7, DeskChange.Subject.NOTICE, "202612-0001", null, "MAJOR", "li.qiang",
                true);
        DeskChange change = new DeskChange(7, DeskChange.Subject.CASE, "202612-0002", "REGISTERED", "REPAIR", null,
                false);
        assertEquals(notice, DeskChange.fromWire(notice.toWire()).orElseThrow());
        assertEquals(change, DeskChange.fromWire(change.toWire()).orElseThrow());
    }

    @Test
    void readsNothingFromTextItDidNotWrite() {
        assertTrue(DeskChange.fromWire("hello").isEmpty());
        assertTrue(DeskChange.fromWire(null).isEmpty());
        assertTrue(DeskChange.fromWire("x\u001fCASE\u001f1\u001f\u001f\u001f\u001ffalse").isEmpty());
        assertTrue(DeskChange.fromWire("1\u001fDROP\u001f1\u001f\u001f\u001f\u001ffalse").isEmpty());
    }

    @Test
    void aNoticeIsForItsRecipientOnlyAndACaseForEverybody() {
        DeskChange notice = new DeskChange(7, DeskChange.Subject.NOTICE, "202612-0001", null, "MAJOR", "li.qiang",
                true);
        assertTrue(notice.isFor("li.qiang"));
        assertFalse(notice.isFor("wang.fang"));
        assertTrue(new DeskChange(7, DeskChange.Subject.CASE, "202612-0002", "REGISTERED", "REPAIR", null, false)
                .isFor("wang.fang"));
    }

    @Test
    void aCourtesyVisitOfAPlanIsAChangeOfTheQueueWithoutACase() {
        // A courtesy visit has no case: the listener once failed on it and so failed every plan's round.
        Clock clock = Clock.fixed(Instant.parse("2026-12-05T02:00:00Z"), ZoneOffset.UTC);
        CourtesyPlan plan = new CourtesyPlan("季度回访", 3, LocalDate.of(2026, 12, 5), null, "张先生, 13800138000, 1栋101");
        CallbackTask visit = CallbackTask.courtesy(plan, LocalDate.of(2026, 12, 5), 1, plan.targets().get(0),
                clock.instant().plusSeconds(86_400), clock);
        DeskChange change = DeskChanges.of(7, visit).orElseThrow();
        assertEquals(DeskChange.Subject.CALLBACK, change.subject());
        assertEquals(null, change.caseNumber());
        assertEquals("COURTESY", change.kind());
        assertEquals(change, DeskChange.fromWire(change.toWire()).orElseThrow());
        assertTrue(DeskChanges.of(7, "something else").isEmpty());
    }
}
