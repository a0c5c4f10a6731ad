package io.kefu.identity.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    @Test
    void matchesOnlyTheSamePassword() {
        String stored = PasswordHash.hash("correct horse".toCharArray(), 1_000);
        assertTrue(PasswordHash.matches("correct horse".toCharArray(), stored));
        assertFalse(PasswordHash.matches("correct horsE".toCharArray(), stored));
        assertFalse(PasswordHash.matches("".toCharArray(), stored));
    }

    @Test
    void saltsEveryHashAndKeepsTheCostInTheValue() {
        String a = PasswordHash.hash("same".toCharArray(), 1_000);
        String b = PasswordHash.hash("same".toCharArray(), 1_000);
        assertNotEquals(a, b);
        assertTrue(a.startsWith("pbkdf2-sha512$1000$"));
        assertTrue(PasswordHash.hash("x".toCharArray()).startsWith("pbkdf2-sha512$" + PasswordHash.ITERATIONS + "$"));
    }

    @Test
    void neverMatchesMalformedOrMissingValues() {
        assertFalse(PasswordHash.matches("x".toCharArray(), null));
        assertFalse(PasswordHash.matches("x".toCharArray(), "plain-text"));
        assertFalse(PasswordHash.matches("x".toCharArray(), "pbkdf2-sha512$abc$%%%$%%%"));
        assertFalse(PasswordHash.matches(null, PasswordHash.hash("x".toCharArray(), 1_000)));
    }

    @Test
    void aMissingHashTakesAsLongAsAWrongPassword() {
        String stored = PasswordHash.hash("the real one".toCharArray());
        PasswordHash.matches("warm up".toCharArray(), null);
        long wrong = fastestOfThree(() -> PasswordHash.matches("a guess".toCharArray(), stored));
        long missing = fastestOfThree(() -> PasswordHash.matches("a guess".toCharArray(), null));
        long malformed = fastestOfThree(() -> PasswordHash.matches("a guess".toCharArray(), "plain-text"));
        assertTrue(missing * 2 >= wrong, "missing " + missing + " µs, wrong " + wrong + " µs");
        assertTrue(malformed * 2 >= wrong, "malformed " + malformed + " µs, wrong " + wrong + " µs");
    }

    private static long fastestOfThree(Runnable check) {
        long fastest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            check.run();
            fastest = Math.min(fastest, (System.nanoTime() - start) / 1_000);
        }
        return fastest;
    }
}
