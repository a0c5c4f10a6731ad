package io.kefu.identity.entity;

import io.kefu.problem.KefuException;
import io.kefu.time.Clocks;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A set-password link sent to a person invited to work in a tenant. Only the SHA-256 hash of the token is
 * stored, so a copy of the database does not hand out logins; the token itself exists only in the mail. It
 * works once and for {@link #VALIDITY}. Global like {@link Membership}: the public page reads it before any
 * tenant-owned data, and every query names the tenant explicitly.
 */
@Entity
@Table(name = "account_invitation")
@NamedQuery(name = AccountInvitation.BY_HASH, query = "SELECT i FROM AccountInvitation i"
        + " WHERE i.tokenHash = :hash AND i.tenantId = :tenantId")
@NamedQuery(name = AccountInvitation.OPEN_OF_USER, query = "SELECT i FROM AccountInvitation i"
        + " WHERE i.user = :user AND i.tenantId = :tenantId AND i.usedAt IS NULL")
public class AccountInvitation {

    public static final String BY_HASH = "AccountInvitation.byHash";
    public static final String OPEN_OF_USER = "AccountInvitation.openOfUser";
    public static final Duration VALIDITY = Duration.ofDays(7);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("^[A-Za-z0-9_-]{43}$");

    /** A new invitation and the token to mail; the token is not kept anywhere else. */
    public record Issued(AccountInvitation invitation, String token) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id", nullable = false, updatable = false)
    private UserAccount user;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private Long tenantId;

    @Column(name = "token_hash", nullable = false, updatable = false, length = 64)
    private String tokenHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "used_at")
    private OffsetDateTime usedAt;

    protected AccountInvitation() {
        // for JPA
    }

    private AccountInvitation(UserAccount user, long tenantId, String tokenHash, Clock clock) {
        this.user = Objects.requireNonNull(user);
        this.tenantId = tenantId;
        this.tokenHash = tokenHash;
        this.createdAt = Clocks.utcNow(clock);
        this.expiresAt = createdAt.plus(VALIDITY);
    }

    /** 256 random bits, URL-safe: nobody guesses one. */
    public static Issued issue(UserAccount user, long tenantId, Clock clock) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Issued(new AccountInvitation(user, tenantId, hash(token), clock), token);
    }

    /** The stored form of a token; a malformed token hashes to something that matches nothing. */
    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(token).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public static boolean looksLikeToken(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    /**
     * Whether the link still works: not used, not withdrawn, not expired, and its person has no password yet.
     * Once a link of any tenant set the password, every other open link of theirs stops working: a link must
     * never change a password somebody chose.
     */
    public boolean isUsable(Clock clock) {
        return usedAt == null && Clocks.utcNow(clock).isBefore(expiresAt) && !user.hasPassword();
    }

    /** Stops the link working (a new one was sent instead); it counts as spent from now on. */
    public void withdraw(Clock clock) {
        if (usedAt == null) {
            usedAt = Clocks.utcNow(clock);
        }
    }

    /**
     * Sets the person's password and spends the link. A used or expired link is refused as "not found or no
     * longer valid", the same answer as for a token that never existed.
     */
    public void redeem(char[] password, Clock clock) {
        if (!isUsable(clock)) {
            throw KefuException.notFound("invitation.invalid");
        }
        user.changePassword(password);
        usedAt = Clocks.utcNow(clock);
    }

    public UserAccount user() {
        return user;
    }

    public long tenantId() {
        return tenantId;
    }

    public OffsetDateTime expiresAt() {
        return expiresAt;
    }
}
