package io.kefu.tenancy.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TenantTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC);

    private Tenant huijing() {
        return Tenant.open(new TenantSlug("huijing-property"), " 汇景物业 ", "Huijing Property", TenantKind.PROPERTY,
                ZoneId.of("Asia/Shanghai"), Locale.SIMPLIFIED_CHINESE, clock);
    }

    @Test
    void opensActiveWithTrimmedNamesInBothLanguages() {
        Tenant tenant = huijing();
        assertTrue(tenant.isActive());
        assertEquals("汇景物业", tenant.name(Locale.SIMPLIFIED_CHINESE));
        assertEquals("Huijing Property", tenant.name(Locale.ENGLISH));
        assertEquals(Locale.SIMPLIFIED_CHINESE, tenant.defaultLocale());
        assertEquals(ZoneId.of("Asia/Shanghai"), tenant.timeZone());
    }

    @Test
    void suspendsAndResumesButNotTwice() {
        Tenant tenant = huijing();
        tenant.suspend(clock);
        assertFalse(tenant.isActive());
        assertEquals(Failure.CONFLICT, assertThrows(KefuException.class, () -> tenant.suspend(clock)).failure());
        tenant.resume(clock);
        assertTrue(tenant.isActive());
        assertEquals(Failure.CONFLICT, assertThrows(KefuException.class, () -> tenant.resume(clock)).failure());
    }

    @Test
    void requiresBothNames() {
        KefuException e = assertThrows(KefuException.class, () -> Tenant.open(new TenantSlug("abc"), "汇景", " ",
                TenantKind.RETAIL, ZoneId.of("UTC"), Locale.ENGLISH, clock));
        assertEquals("nameEn", e.field());
    }

    @Test
    void refusesLanguagesKefuDoesNotSpeak() {
        KefuException e = assertThrows(KefuException.class, () -> Tenant.open(new TenantSlug("abc"), "a", "b",
                TenantKind.RETAIL, ZoneId.of("UTC"), Locale.FRENCH, clock));
        assertEquals("defaultLocale", e.field());
    }

    @Test
    void reportsABadZoneAsAnInputError() {
        assertEquals(ZoneId.of("Europe/London"), Tenant.zone(" Europe/London "));
        KefuException e = assertThrows(KefuException.class, () -> Tenant.zone("Mars/Olympus"));
        assertEquals("timeZone", e.field());
    }
}
