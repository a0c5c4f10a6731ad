package io.kefu.identity.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VerifiedCredentialsTest {

    private final AtomicLong now = new AtomicLong(Instant.parse("2026-11-23T10:00:00Z").toEpochMilli());
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now.get());
        }
    };
    private final VerifiedCredentials cache = new VerifiedCredentials(clock);

    @Test
    void remembersAMatchForAMinuteOnly() {
        cache.remember("hash-1", "secret-pass".toCharArray());
        assertTrue(cache.recentlyVerified("hash-1", "secret-pass".toCharArray()));
        now.addAndGet(VerifiedCredentials.TTL.toMillis() + 1);
        assertFalse(cache.recentlyVerified("hash-1", "secret-pass".toCharArray()));
    }

    @Test
    void missesForAnotherPasswordOrAChangedStoredHash() {
        cache.remember("hash-1", "secret-pass".toCharArray());
        assertFalse(cache.recentlyVerified("hash-1", "secret-pasS".toCharArray()));
        assertFalse(cache.recentlyVerified("hash-2", "secret-pass".toCharArray()), "password changed since");
    }

    @Test
    void staysBoundedUnderManyCredentials() {
        for (int i = 0; i < VerifiedCredentials.MAX_ENTRIES + 10; i++) {
            cache.remember("hash-" + i, "pw".toCharArray());
        }
        assertTrue(cache.recentlyVerified("hash-" + (VerifiedCredentials.MAX_ENTRIES + 9), "pw".toCharArray()));
    }
}
