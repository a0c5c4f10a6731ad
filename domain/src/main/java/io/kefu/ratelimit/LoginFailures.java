package io.kefu.ratelimit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * The failed logins in a row of one account, one address, or one account at one address, kept in the database
 * so that every node counts them; the key is a digest, so the table holds no username or address. For an
 * account at an address it also remembers the last successful login: an address a person logged in from is
 * theirs, and a flood of failures elsewhere does not slow them down there.
 */
@Entity
@Table(name = "login_failure")
@NamedQuery(name = LoginFailures.BY_KEYS, query = "SELECT f FROM LoginFailures f WHERE f.key IN :keys")
@NamedQuery(name = LoginFailures.PURGE, query = "DELETE FROM LoginFailures f WHERE f.lastSeen < :before")
public class LoginFailures {

    public static final String BY_KEYS = "LoginFailures.byKeys";
    public static final String PURGE = "LoginFailures.purge";
    public static final int KEY_LENGTH = 64;

    @Id
    @Column(name = "throttle_key", length = KEY_LENGTH)
    private String key;

    @Column(name = "failures", nullable = false)
    private int failures;

    @Column(name = "last_failure")
    private OffsetDateTime lastFailure;

    @Column(name = "last_success")
    private OffsetDateTime lastSuccess;

    @Column(name = "last_seen", nullable = false)
    private OffsetDateTime lastSeen;

    protected LoginFailures() {
        // for JPA
    }

    LoginFailures(String key, OffsetDateTime now) {
        this.key = key;
        this.lastSeen = now;
    }

    public String key() {
        return key;
    }

    /** The failures in a row that still count: none once {@code backoff.forget()} has passed since the last. */
    int failures(OffsetDateTime now, Backoff backoff) {
        return lastFailure == null || !lastFailure.plus(backoff.forget()).isAfter(now) ? 0 : failures;
    }

    /** How much longer the next attempt must wait; zero when it may go ahead. */
    Duration waitAt(OffsetDateTime now, Backoff backoff) {
        Duration wait = backoff.after(failures(now, backoff));
        if (wait.isZero()) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, lastFailure.plus(wait));
        return left.isNegative() ? Duration.ZERO : left;
    }

    void fail(OffsetDateTime now, Backoff backoff) {
        failures = failures(now, backoff) + 1;
        lastFailure = now;
        lastSeen = now;
    }

    /** Takes back a failure counted ahead of a password check that then succeeded. */
    void forgive() {
        failures = Math.max(0, failures - 1);
    }

    void succeed(OffsetDateTime now) {
        failures = 0;
        lastSuccess = now;
        lastSeen = now;
    }

    boolean succeededSince(OffsetDateTime since) {
        return lastSuccess != null && lastSuccess.isAfter(since);
    }
}
