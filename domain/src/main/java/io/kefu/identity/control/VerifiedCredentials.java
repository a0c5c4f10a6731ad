package io.kefu.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Remembers, for a minute after its last use, that a password matched a stored hash, so API clients sending HTTP
 * Basic on every request do not pay a full PBKDF2 verification (~0.1 s of CPU) each time. The key is a digest of
 * the stored hash and the presented password: changing the password changes the stored hash and so misses the
 * cache; whether the account is still enabled is checked on every request anyway. Because a hit proves the same
 * password against the same hash, the minute may run from the last use: a busy client is never sent back to the
 * full check. Parallel requests with the same credential that miss wait for one verification instead of each
 * running their own (8 clients of one account expiring together cost a second of CPU at once). Node-local on
 * purpose: each node verifies for itself, nothing needs sharing.
 */
@ApplicationScoped
public class VerifiedCredentials {

    static final Duration TTL = Duration.ofMinutes(1);
    static final int MAX_ENTRIES = 10_000;

    private final Map<String, Long> verifiedUntil = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Boolean>> running = new ConcurrentHashMap<>();
    private final Clock clock;

    public VerifiedCredentials() {
        this(Clock.systemUTC());
    }

    VerifiedCredentials(Clock clock) {
        this.clock = clock;
    }

    /**
     * Whether {@code password} matches {@code storedHash}: from memory when it did within the last minute of use,
     * otherwise by {@code check} (the full verification), whose match is then remembered.
     */
    public boolean verify(String storedHash, char[] password, BooleanSupplier check) {
        String key = key(storedHash, password);
        long now = clock.millis();
        Long until = verifiedUntil.get(key);
        if (until != null && until > now) {
            // Renewed once half the minute is gone, not on every hit: one map write per half minute and client.
            if (until - now < TTL.toMillis() / 2) {
                verifiedUntil.put(key, now + TTL.toMillis());
            }
            return true;
        }
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> other = running.putIfAbsent(key, mine);
        if (other != null) {
            return other.join();
        }
        try {
            boolean matches = check.getAsBoolean();
            if (matches) {
                remember(key);
            }
            mine.complete(matches);
            return matches;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            running.remove(key, mine);
        }
    }

    private void remember(String key) {
        if (verifiedUntil.size() >= MAX_ENTRIES) {
            long now = clock.millis();
            verifiedUntil.values().removeIf(until -> until <= now);
            if (verifiedUntil.size() >= MAX_ENTRIES) {
                verifiedUntil.clear();
            }
        }
        verifiedUntil.put(key, clock.millis() + TTL.toMillis());
    }

    private static String key(String storedHash, char[] password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(String.valueOf(storedHash).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(new String(password).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
