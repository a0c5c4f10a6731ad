package io.kefu.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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

    private final AtomicInteger checks = new AtomicInteger();

    /** The full verification as the cache sees it: counted, and matching only "secret-pass" against "hash-1". */
    private boolean verify(String hash, String password) {
        return cache.verify(hash, password.toCharArray(), () -> {
            checks.incrementAndGet();
            return hash.equals("hash-1") && password.equals("secret-pass");
        });
    }

    @Test
    void remembersAMatchForAMinuteAfterItsLastUse() {
        assertTrue(verify("hash-1", "secret-pass"));
        assertEquals(1, checks.get());
        now.addAndGet(VerifiedCredentials.TTL.toMillis() - 1);
        assertTrue(verify("hash-1", "secret-pass"), "used again within the minute");
        now.addAndGet(VerifiedCredentials.TTL.toMillis() - 1);
        assertTrue(verify("hash-1", "secret-pass"), "the minute runs from the last use");
        assertEquals(1, checks.get(), "no full check while the client keeps using it");
        now.addAndGet(VerifiedCredentials.TTL.toMillis() + 1);
        assertTrue(verify("hash-1", "secret-pass"));
        assertEquals(2, checks.get(), "unused for over a minute: checked in full again");
    }

    @Test
    void neverRemembersAMismatchAndMissesForAnotherPasswordOrAChangedStoredHash() {
        assertFalse(verify("hash-1", "secret-pasS"));
        assertFalse(verify("hash-1", "secret-pasS"));
        assertEquals(2, checks.get(), "a wrong password is checked in full every time");
        assertTrue(verify("hash-1", "secret-pass"));
        assertFalse(verify("hash-2", "secret-pass"), "password changed since");
        assertEquals(4, checks.get());
    }

    @Test
    void parallelRequestsWithTheSameCredentialWaitForOneCheck() throws Exception {
        CountDownLatch inCheck = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            answers.add(pool.submit(() -> cache.verify("hash-1", "secret-pass".toCharArray(), () -> {
                checks.incrementAndGet();
                inCheck.countDown();
                await(release);
                return true;
            })));
            assertTrue(inCheck.await(5, TimeUnit.SECONDS));
            for (int i = 0; i < 7; i++) {
                answers.add(pool.submit(() -> verify("hash-1", "secret-pass")));
            }
            release.countDown();
            for (Future<Boolean> answer : answers) {
                assertTrue(answer.get(5, TimeUnit.SECONDS));
            }
            assertEquals(1, checks.get(), "one full check for eight parallel requests");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailingCheckFailsItsWaitersTooAndIsNotRemembered() {
        assertThrows(IllegalStateException.class, () -> cache.verify("hash-1", "secret-pass".toCharArray(), () -> {
            throw new IllegalStateException("database gone");
        }));
        assertTrue(verify("hash-1", "secret-pass"));
        assertEquals(1, checks.get(), "checked again after the failure");
    }

    @Test
    void staysBoundedUnderManyCredentials() {
        for (int i = 0; i < VerifiedCredentials.MAX_ENTRIES + 10; i++) {
            cache.verify("hash-" + i, "pw".toCharArray(), () -> true);
        }
        assertTrue(cache.verify("hash-" + (VerifiedCredentials.MAX_ENTRIES + 9), "pw".toCharArray(), () -> false),
                "the newest entry survives the trim");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
