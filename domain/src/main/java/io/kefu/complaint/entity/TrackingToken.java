package io.kefu.complaint.entity;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The private key to a case's tracking page: 256 random bits, URL-safe (43 characters). Unguessable, so the
 * link alone is the resident's proof; never derived from the number or the database id.
 */
public final class TrackingToken {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackingToken() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
