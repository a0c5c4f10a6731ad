package io.kefu.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.ratelimit.LoginThrottle.Scope;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoginFailuresTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 23, 10, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void typingMistakesCostNothingThenTheWaitDoublesUpToItsCap() {
        Backoff backoff = Scope.ACCOUNT_AT_ADDRESS.backoff();
        assertEquals(Duration.ZERO, backoff.after(4));
        assertEquals(Duration.ofSeconds(1), backoff.after(5));
        assertEquals(Duration.ofSeconds(2), backoff.after(6));
        assertEquals(Duration.ofSeconds(512), backoff.after(14));
        assertEquals(Duration.ofMinutes(15), backoff.after(15));
        assertEquals(Duration.ofMinutes(15), backoff.after(10_000), "no overflow however many");
    }

    @Test
    void anAccountGuessedFromEverywhereWaitsAMinuteAtMost() {
        assertEquals(Duration.ZERO, Scope.ACCOUNT.backoff().after(9));
        assertEquals(Duration.ofMinutes(1), Scope.ACCOUNT.backoff().after(100));
        assertEquals(Duration.ZERO, Scope.ADDRESS.backoff().after(19), "an office behind one address mistypes too");
    }

    @Test
    void theWaitRunsFromTheLastFailure() {
        Backoff backoff = Scope.ACCOUNT_AT_ADDRESS.backoff();
        LoginFailures row = new LoginFailures("k", NOW);
        for (int i = 0; i < 6; i++) {
            row.fail(NOW, backoff);
        }
        assertEquals(Duration.ofSeconds(2), row.waitAt(NOW, backoff));
        assertEquals(Duration.ofMillis(500), row.waitAt(NOW.plus(Duration.ofMillis(1500)), backoff));
        assertEquals(Duration.ZERO, row.waitAt(NOW.plusSeconds(2), backoff));
    }

    @Test
    void failuresAreForgottenAnHourAfterTheLastAndClearedBySuccess() {
        Backoff backoff = Scope.ACCOUNT_AT_ADDRESS.backoff();
        LoginFailures row = new LoginFailures("k", NOW);
        for (int i = 0; i < 8; i++) {
            row.fail(NOW, backoff);
        }
        assertEquals(8, row.failures(NOW.plusMinutes(59), backoff));
        assertEquals(0, row.failures(NOW.plusHours(1), backoff));
        row.fail(NOW.plusHours(2), backoff);
        assertEquals(1, row.failures(NOW.plusHours(2), backoff), "a fresh start, not the ninth");

        row.succeed(NOW.plusHours(3));
        assertEquals(Duration.ZERO, row.waitAt(NOW.plusHours(3), backoff));
        assertTrue(row.succeededSince(NOW.plusHours(2)));
        assertFalse(row.succeededSince(NOW.plusHours(4)));
    }

    @Test
    void aFailureCountedAheadIsTakenBackAfterASuccess() {
        Backoff backoff = Scope.ADDRESS.backoff();
        LoginFailures row = new LoginFailures("k", NOW);
        row.fail(NOW, backoff);
        row.forgive();
        row.forgive();
        assertEquals(0, row.failures(NOW, backoff));
    }

    @Test
    void keysAreDigestsThatIgnoreCaseAndSpacesOfTheUsername() {
        Map<Scope, String> keys = LoginThrottle.keys(" Huijing.Staff ", "203.0.113.9");
        assertEquals(keys, LoginThrottle.keys("huijing.staff", "203.0.113.9"));
        assertEquals(64, keys.get(Scope.ACCOUNT).length());
        assertFalse(keys.values().stream().anyMatch(k -> k.contains("huijing") || k.contains("203.0")));
        assertNotEquals(keys.get(Scope.ACCOUNT), LoginThrottle.keys("huijing.staff", "198.51.100.1")
                .get(Scope.ACCOUNT_AT_ADDRESS));
        assertEquals(keys.get(Scope.ACCOUNT), LoginThrottle.keys("huijing.staff", "198.51.100.1").get(Scope.ACCOUNT));
    }
}
