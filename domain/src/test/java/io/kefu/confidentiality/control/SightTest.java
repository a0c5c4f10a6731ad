package io.kefu.confidentiality.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.confidentiality.entity.AccessGrant;
import io.kefu.confidentiality.entity.Basis;
import io.kefu.problem.KefuException;
import io.kefu.resident.entity.Confidentiality;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SightTest {

    private static final Instant NOON = Instant.parse("2026-12-04T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOON, ZoneOffset.UTC);
    private static final Long RECORD = 7L;

    private static OffsetDateTime at(Duration later) {
        return OffsetDateTime.ofInstant(NOON.plus(later), ZoneOffset.UTC);
    }

    private static Sight decide(Confidentiality level, Confidentiality clearance, List<AccessGrant> held,
            Duration later) {
        return Sight.decide(RECORD, "abcdefghijkm", level, clearance, held, at(later));
    }

    @Test
    void anOrdinaryRecordIsClearAndNotLogged() {
        Sight sight = decide(Confidentiality.ORDINARY, Confidentiality.ORDINARY, List.of(), Duration.ZERO);
        assertTrue(sight.isClear());
        assertFalse(sight.isLogged());
    }

    @Test
    void aClearanceCoversItsLevelAndTheLevelsBelow() {
        assertEquals(Basis.CLEARANCE, decide(Confidentiality.SECRET, Confidentiality.CONFIDENTIAL, List.of(),
                Duration.ZERO).basis());
        assertEquals(Basis.CLEARANCE, decide(Confidentiality.CONFIDENTIAL, Confidentiality.CONFIDENTIAL, List.of(),
                Duration.ZERO).basis());
        Sight above = decide(Confidentiality.TOP_SECRET, Confidentiality.CONFIDENTIAL, List.of(), Duration.ZERO);
        assertFalse(above.isClear());
        assertNull(above.basis());
    }

    @Test
    void aMaskedSightMasksTheContact() {
        Sight masked = decide(Confidentiality.SECRET, Confidentiality.ORDINARY, List.of(), Duration.ZERO);
        assertEquals("138****8000", masked.apply(new Contact("张三", "13812348000", null, null)).phone());
        assertFalse(masked.isLogged());
    }

    @Test
    void aGrantOpensTheRecordUntilItsEndOnly() {
        AccessGrant grant = AccessGrant.request(RECORD, "li", "回访需要核对电话", "2026-12-0001", CLOCK);
        assertFalse(decide(Confidentiality.SECRET, Confidentiality.ORDINARY, List.of(grant), Duration.ZERO)
                .isClear(), "a request alone opens nothing");
        grant.grant("wang", 2, null, CLOCK);
        Sight open = decide(Confidentiality.SECRET, Confidentiality.ORDINARY, List.of(grant), Duration.ofMinutes(119));
        assertEquals(Basis.GRANT, open.basis());
        assertEquals(grant.key(), open.grantKey());
        assertTrue(open.isLogged());
        assertFalse(decide(Confidentiality.SECRET, Confidentiality.ORDINARY, List.of(grant), Duration.ofHours(2))
                .isClear(), "expired at its end");
    }

    @Test
    void aRevokedGrantOpensNothing() {
        AccessGrant grant = AccessGrant.give(RECORD, "li", "投诉处理", null, "wang", 24, CLOCK);
        grant.revoke("wang", CLOCK);
        assertFalse(decide(Confidentiality.SECRET, Confidentiality.ORDINARY, List.of(grant), Duration.ofMinutes(1))
                .isClear());
    }

    @Test
    void aGrantForAnotherRecordOpensNothing() {
        AccessGrant other = AccessGrant.give(8L, "li", "投诉处理", null, "wang", 24, CLOCK);
        assertFalse(decide(Confidentiality.SECRET, Confidentiality.ORDINARY, List.of(other), Duration.ZERO)
                .isClear());
    }

    @Test
    void breakGlassOpensAtOnceForThirtyMinutesWithItsReason() {
        AccessGrant glass = AccessGrant.breakGlass(RECORD, "li", "客户来电急需核实身份", "2026-12-0001", CLOCK);
        Sight open = decide(Confidentiality.TOP_SECRET, Confidentiality.ORDINARY, List.of(glass),
                Duration.ofMinutes(29));
        assertEquals(Basis.BREAK_GLASS, open.basis());
        assertEquals("客户来电急需核实身份", open.reason());
        assertFalse(decide(Confidentiality.TOP_SECRET, Confidentiality.ORDINARY, List.of(glass),
                Duration.ofMinutes(30)).isClear());
    }

    @Test
    void aSupervisorsGrantIsPreferredToABreakGlassRead() {
        AccessGrant glass = AccessGrant.breakGlass(RECORD, "li", "急需", null, CLOCK);
        AccessGrant grant = AccessGrant.give(RECORD, "li", "处理", null, "wang", 1, CLOCK);
        assertEquals(Basis.GRANT, decide(Confidentiality.SECRET, Confidentiality.ORDINARY, List.of(glass, grant),
                Duration.ZERO).basis());
    }

    @Test
    void refusesAGrantOutsideOneToSeventyTwoHoursOrToOneself() {
        AccessGrant request = AccessGrant.request(RECORD, "li", "回访", null, CLOCK);
        assertThrows(KefuException.class, () -> request.grant("wang", 0, null, CLOCK));
        assertThrows(KefuException.class, () -> request.grant("wang", 73, null, CLOCK));
        assertThrows(KefuException.class, () -> request.grant("li", 1, null, CLOCK));
        assertThrows(KefuException.class, () -> AccessGrant.breakGlass(RECORD, "li", " ", null, CLOCK));
    }
}
