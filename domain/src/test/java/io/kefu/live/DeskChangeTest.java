package io.kefu.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DeskChangeTest {

    @Test
    void travelsThroughTheGridAsTextAndComesBackTheSame() {
        DeskChange notice = new DeskChange(7, DeskChange.Subject.NOTICE, "202612-0001", null, "MAJOR", "li.qiang", true);
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
        DeskChange notice = new DeskChange(7, DeskChange.Subject.NOTICE, "202612-0001", null, "MAJOR", "li.qiang", true);
        assertTrue(notice.isFor("li.qiang"));
        assertFalse(notice.isFor("wang.fang"));
        assertTrue(new DeskChange(7, DeskChange.Subject.CASE, "202612-0002", "REGISTERED", "REPAIR", null, false)
                .isFor("wang.fang"));
    }
}
