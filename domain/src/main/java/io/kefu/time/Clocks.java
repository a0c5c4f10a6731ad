package io.kefu.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Produces the system clock in UTC; tenants' zones are applied where a local time matters. */
@ApplicationScoped
public class Clocks {

    @Produces
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Now, as stored: every timestamp column holds UTC; zones are applied when a time is shown. */
    public static OffsetDateTime utcNow(Clock clock) {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
