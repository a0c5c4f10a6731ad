package io.kefu.report.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.complaint.entity.CaseKind;
import io.kefu.complaint.entity.CaseStatus;
import io.kefu.problem.KefuException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardPeriodTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 16:30 UTC on 31 March: already 1 April in Shanghai. */
    static final Instant NOW = Instant.parse("2026-03-31T16:30:00Z");

    @Test
    void withoutANameItIsThisMonthInTheTenantsZone() {
        DashboardPeriod period = DashboardPeriod.parse(null, SHANGHAI, NOW);
        assertEquals("2026-04", period.name());
        assertEquals(LocalDate.of(2026, 4, 1), period.period().from());
        assertEquals(LocalDate.of(2026, 4, 30), period.period().to());
        assertEquals(LocalDate.of(2026, 4, 1), period.lastDaySoFar(NOW), "a current period is counted so far");
    }

    @Test
    void aQuarterRunsThreeMonthsAndFollowsTheOneBefore() {
        DashboardPeriod q1 = DashboardPeriod.parse("2026-Q1", SHANGHAI, NOW);
        assertTrue(q1.quarter());
        assertEquals(LocalDate.of(2026, 1, 1), q1.period().from());
        assertEquals(LocalDate.of(2026, 3, 31), q1.period().to());
        assertEquals("2025-Q4", q1.previous().name());
        assertEquals(LocalDate.of(2025, 10, 1), q1.previous().period().from());
        assertEquals(LocalDate.of(2026, 3, 31), q1.lastDaySoFar(NOW), "a past period's last day");
    }

    @Test
    void aMonthFollowsTheMonthBeforeAcrossTheYear() {
        DashboardPeriod january = DashboardPeriod.parse("2026-01", SHANGHAI, NOW);
        assertFalse(january.quarter());
        assertEquals("2025-12", january.previous().name());
    }

    @Test
    void refusesWhatIsNeitherMonthNorQuarter() {
        for (String bad : List.of("2026-13", "2026-00", "2026-Q5", "2026-7", "Q1", "last month")) {
            KefuException e = assertThrows(KefuException.class, () -> DashboardPeriod.parse(bad, SHANGHAI, NOW), bad);
            assertEquals("dashboard.period.invalid", e.messageKey());
            assertEquals("period", e.field());
        }
    }

    @Test
    void aDrillDownIsTheInboxQueryInAFixedOrderWithValuesEncoded() {
        Drill drill = Drill.to().building("3栋 A&B").registered(LocalDate.of(2026, 1, 1), null).kind(CaseKind.REPAIR)
                .statuses(List.of(CaseStatus.REGISTERED, CaseStatus.ACCEPTED)).category("noise").build();
        assertEquals("status=REGISTERED%2CACCEPTED&kind=REPAIR&category=noise"
                + "&from=2026-01-01&building=3%E6%A0%8B+A%26B", drill.query());
        assertEquals(Map.of("overdue", "true", "department", "property"),
                Drill.to().department("property").overdue().build().filter());
    }
}
