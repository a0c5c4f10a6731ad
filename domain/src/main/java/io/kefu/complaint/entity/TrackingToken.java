package io.kefu.complaint.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The private key to a case's tracking page: 256 random bits, URL-safe (43 characters). Unguessable, so the
 * link alone is the resident's proof; never derived from the number or the database id. Only its SHA-256 hash
 * is stored ({@link TrackingKey}): the token itself exists in the answer to the filing, the confirmation page and
 * the resident's mails, so a copy of the database hands out no case page. 256 random bits need no salt or slow
 * hash: nobody can guess one to compare with a hash.
 */
public final class TrackingToken {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORMAT = Pattern.compile("^[A-Za-z0-9_-]{43}$");

    private TrackingToken() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Anything else cannot be a token and is not looked up. */
    public static boolean isWellFormed(String token) {
        return token != null && FORMAT.matcher(token).matches();
    }

    /** The stored form of a token: SHA-256 of its characters, in hex (64 characters). */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
