package io.kefu.tenancy.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kefu.problem.KefuException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TenantReconfigureTest {

    private static Tenant tenant() {
        return Tenant.open(new TenantSlug("riverside-mall"), "滨江商场", "Riverside Mall", TenantKind.RETAIL,
                ZoneId.of("Asia/Shanghai"), Locale.SIMPLIFIED_CHINESE, Clock.systemUTC());
    }

    @Test
    void takesNewNamesLanguageAndZoneTogether() {
        Tenant tenant = tenant();
        tenant.reconfigure("滨江广场", "Riverside Plaza", "en", "Asia/Hong_Kong");
        assertEquals("Riverside Plaza", tenant.name(Locale.ENGLISH));
        assertEquals(Locale.ENGLISH, tenant.defaultLocale());
        assertEquals(ZoneId.of("Asia/Hong_Kong"), tenant.timeZone());
    }

    @Test
    void reportsEveryWrongFieldAndKeepsEverything() {
        Tenant tenant = tenant();
        KefuException e = assertThrows(KefuException.class, () -> tenant.reconfigure(" ", "Riverside Plaza", "fr",
                "Mars/Base"));
        assertEquals(Set.of("nameZh", "defaultLocale", "timeZone"),
                e.fieldFailures().stream().map(KefuException::field).collect(Collectors.toSet()));
        assertEquals("Riverside Mall", tenant.name(Locale.ENGLISH));
        assertEquals(ZoneId.of("Asia/Shanghai"), tenant.timeZone());
    }
}
