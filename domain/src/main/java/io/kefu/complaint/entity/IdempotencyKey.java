package io.kefu.complaint.entity;

import io.kefu.problem.KefuException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client's name for one filing attempt ({@code Idempotency-Key} header, or the intake page's submit token):
 * the same key sent again means "the same filing", never a second case. 16 to 128 visible ASCII characters, so
 * that a random key (a UUID is ideal) cannot be guessed from the database.
 *
 * <p>The key is never stored. Its hash finds the receipt, and what the first answer must give back that the
 * database may not keep readable (the tracking token) is sealed with AES-GCM under a second, independent hash of
 * the key: a copy of the database alone opens nothing.
 */
public final class IdempotencyKey {

    public static final int MIN_LENGTH = 16;
    public static final int MAX_LENGTH = 128;
    public static final String FIELD = "Idempotency-Key";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String value;

    private IdempotencyKey(String value) {
        this.value = value;
    }

    /** The key a client sent; {@code null} or blank means the client did not ask for idempotency. */
    public static IdempotencyKey ofNullable(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() < MIN_LENGTH || value.length() > MAX_LENGTH
                || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw KefuException.invalid(FIELD, "idempotency.key.invalid", MIN_LENGTH, MAX_LENGTH);
        }
        return new IdempotencyKey(value);
    }

    /** A fresh random key, for a form that files once however often it is sent. */
    public static String generate() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** How the receipt is found. */
    public String hash() {
        return HexFormat.of().formatHex(digest("kefu-filing-receipt:" + value));
    }

    /** A number for a database lock on this key (the first 8 bytes of its hash). */
    public long lockNumber() {
        return ByteBuffer.wrap(digest("kefu-filing-lock:" + value)).getLong();
    }

    /** {@code secret} sealed so that only this key opens it. */
    public String seal(String secret) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] all = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, all, NONCE_BYTES, sealed.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(all);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** What {@link #seal} sealed with this same key. */
    public String open(String sealed) {
        try {
            byte[] all = Base64.getUrlDecoder().decode(sealed);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(all, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a receipt that its own key does not open", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(digest("kefu-filing-seal:" + value), "AES"),
                new GCMParameterSpec(TAG_BITS, nonce));
        return cipher;
    }

    private static byte[] digest(String text) {
        return sha256().digest(text.getBytes(StandardCharsets.UTF_8));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        // Keys are secrets of their client: never in a log.
        return "IdempotencyKey[…]";
    }
}
