package io.kefu.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, for a minute, that a password matched a stored hash, so API clients sending HTTP Basic on every
 * request do not pay a full PBKDF2 verification (~0.1 s of CPU) each time. The key is a digest of the stored
 * hash and the presented password: changing the password changes the stored hash and so misses the cache;
 * whether the account is still enabled is checked on every request anyway. Node-local on purpose: each node
 * verifies for itself, nothing needs sharing.
 */
@ApplicationScoped
public class VerifiedCredentials {

    static final Duration TTL = Duration.ofMinutes(1);
    static final int MAX_ENTRIES = 10_000;

    private final Map<String, Long> verifiedUntil = new ConcurrentHashMap<>();
    private final Clock clock;

    public VerifiedCredentials() {
        this(Clock.systemUTC());
    }

    VerifiedCredentials(Clock clock) {
        this.clock = clock;
    }

    public boolean recentlyVerified(String storedHash, char[] password) {
        Long until = verifiedUntil.get(key(storedHash, password));
        return until != null && until > clock.millis();
    }

    public void remember(String storedHash, char[] password) {
        if (verifiedUntil.size() >= MAX_ENTRIES) {
            long now = clock.millis();
            verifiedUntil.values().removeIf(until -> until <= now);
            if (verifiedUntil.size() >= MAX_ENTRIES) {
                verifiedUntil.clear();
            }
        }
        verifiedUntil.put(key(storedHash, password), clock.millis() + TTL.toMillis());
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
