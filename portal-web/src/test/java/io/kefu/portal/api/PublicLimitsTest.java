package io.kefu.portal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.ratelimit.RateLimits;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublicLimitsTest {

    @Test
    void anAddressNeverGetsMoreThanATenthOfTheTenantsHour() {
        assertEquals(10, PublicLimits.shareOfTenant(10, 600));
        assertEquals(60, PublicLimits.shareOfTenant(1000, 600));
        assertEquals(1, PublicLimits.shareOfTenant(10, 5));
    }

    @Test
    void refusedFilingsOfOneAddressNeverReachTheTenantsBucket() {
        CountingLimits counted = new CountingLimits();
        PublicLimits limits = limits(counted, 10, 600);
        int accepted = 0;
        for (int i = 0; i < 1000; i++) {
            try {
                limits.count(PublicLimits.Use.FILING, 7, "203.0.113.66");
                accepted++;
            } catch (RateLimited refused) {
                assertTrue(refused.retryAfterSeconds() > 0);
            }
        }
        assertEquals(10, accepted);
        assertEquals(10, counted.hits.get("FILING:7"), "the tenant's bucket saw only what the address was allowed");
        limits.count(PublicLimits.Use.FILING, 7, "198.51.100.1");
    }

    @Test
    void aTenantsBucketStillStopsAFloodFromManyAddresses() {
        PublicLimits limits = limits(new CountingLimits(), 10, 50);
        for (int i = 0; i < 50; i++) {
            limits.count(PublicLimits.Use.FILING, 7, "198.51.100." + i);
        }
        assertThrows(RateLimited.class, () -> limits.count(PublicLimits.Use.FILING, 7, "198.51.100.200"));
    }

    private static PublicLimits limits(RateLimits counting, int perAddress, int perTenant) {
        PublicLimits limits = new PublicLimits();
        limits.limits = counting;
        limits.filingsPerAddress = perAddress;
        limits.filingsPerTenant = perTenant;
        limits.trackingPerAddress = 120;
        return limits;
    }

    /** Fixed windows in memory: the database's job, which is not what is tested here. */
    static final class CountingLimits extends RateLimits {

        final Map<String, Integer> hits = new HashMap<>();

        @Override
        public Verdict hit(String bucket, int limit, Duration window) {
            int count = hits.merge(bucket, 1, Integer::sum);
            return new Verdict(count <= limit, 60);
        }
    }
}
