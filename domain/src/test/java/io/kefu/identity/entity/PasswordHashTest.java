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
}
