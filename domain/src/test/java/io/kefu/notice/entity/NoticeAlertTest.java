package io.kefu.notice.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class NoticeAlertTest {

    private static final Clock NINE = Clock.fixed(Instant.parse("2026-12-05T01:00:00Z"), ZoneOffset.UTC);
    private static final Clock TEN = Clock.fixed(Instant.parse("2026-12-05T02:00:00Z"), ZoneOffset.UTC);

    @Test
    void aMajorNoticeIsAnAlertUntilItsRecipientAcknowledgesItOnce() {
        Notice alert = new Notice("li.qiang", Notice.Kind.MAJOR, "202612-0001", NINE);
        assertTrue(alert.isAlert());
        assertFalse(alert.isRead());
        alert.acknowledge(NINE);
        alert.acknowledge(TEN);
        assertEquals(Instant.parse("2026-12-05T01:00:00Z"), alert.acknowledgedAt().toInstant(),
                "the first time counts");
        assertTrue(alert.isRead(), "acknowledged is read");
    }

    @Test
    void otherNoticesAreNoAlerts() {
        Notice routed = new Notice("wang.fang", Notice.Kind.ROUTED, "202612-0001", NINE);
        assertFalse(routed.isAlert());
        assertThrows(IllegalStateException.class, () -> routed.acknowledge(NINE));
    }
}
