package io.kefu.ratelimit;

import io.kefu.cache.Snapshots;
import io.kefu.cache.Stale;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Slows down password guessing (OWASP's "authentication cheat sheet": throttle, do not lock out for good).
 * Every login with a password asks {@link #admit} first, and reports {@link #failed} or {@link #succeeded}.
 * Failures are counted three ways, each with its own growing delay:
 * <ul>
 * <li>one account at one address (a person mistyping, or one machine guessing one password): 5 free, then
 * 1 s, 2 s, 4 s … up to 15 min;</li>
 * <li>one address, whatever the accounts (one machine trying many names, e.g. leaked password lists): 20 free,
 * then the same doubling up to 15 min;</li>
 * <li>one account, from anywhere (many machines guessing one password): 10 free, then up to 1 min only, so an
 * attacker cannot keep the person out for long, and not at all at an address the person logged in from
 * successfully in the last 30 days.</li>
 * </ul>
 * During a wait the password is not even checked: the caller answers 429 with the time left. Failures are
 * forgotten an hour after the last one; a success clears the account's counts. Unknown usernames count like
 * real ones, so the answers tell nothing about which accounts exist.
 *
 * <p>Counted in the database, so a cluster's nodes share the counts. A failure near a delay is counted before
 * the password is checked, under a row lock, so that parallel guesses cannot slip through together; below that
 * only afterwards. An API client sending HTTP Basic with every request costs nothing here once its login is known
 * to be clean (no failures under any of its three keys, the address known and recent): each node remembers that
 * ({@link Snapshots#CLEAN_LOGINS}) until a failure under any key on any node drops it — at once on the failing
 * node, within milliseconds on the others (the grid) — or for ten minutes at most.
 */
@ApplicationScoped
public class LoginThrottle {

    /** What the failures are counted for. */
    public enum Scope {
        ACCOUNT_AT_ADDRESS(new Backoff(5, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1))),
        ADDRESS(new Backoff(20, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1))),
        ACCOUNT(new Backoff(10, Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofHours(1)));

        private final Backoff backoff;

        Scope(Backoff backoff) {
            this.backoff = backoff;
        }

        public Backoff backoff() {
            return backoff;
        }
    }

    /** How long an address where a person logged in stays theirs for the account-wide delay. */
    static final Duration KNOWN_ADDRESS = Duration.ofDays(30);
    /** A known address's success is written again only this often, not on every Basic request. */
    static final Duration SUCCESS_REFRESH = Duration.ofDays(1);

    /** The answer to one login attempt before its password is checked. */
    public static final class Admission {

        private final Map<Scope, String> keys;
        private final long retryAfterSeconds;
        private final Set<Scope> counted;
        private final boolean clean;

        Admission(Map<Scope, String> keys, long retryAfterSeconds, Set<Scope> counted, boolean clean) {
            this.keys = keys;
            this.retryAfterSeconds = retryAfterSeconds;
            this.counted = counted;
            this.clean = clean;
        }

        public boolean admitted() {
            return retryAfterSeconds == 0;
        }

        /** Seconds to wait before the next attempt; 0 when this one may go ahead. */
        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    @Inject
    Rows rows;

    @Inject
    Clock clock;

    @Inject
    Snapshots snapshots;

    /** Whether {@code username} may try a password from {@code address} now; no password is needed for that. */
    public Admission admit(String username, String address) {
        Map<Scope, String> keys = keys(username, address);
        return snapshots.get(Snapshots.CLEAN_LOGINS, String.join(":", keys.values()),
                () -> rows.admit(keys, OffsetDateTime.now(clock)),
                admission -> admission.admitted() && admission.clean && admission.counted.isEmpty());
    }

    /** The password did not match (or the account does not exist, or is disabled). */
    public void failed(Admission admission) {
        if (!admission.admitted()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        try {
            rows.failed(admission, now);
        } catch (RuntimeException raced) {
            // Another attempt created one of the rows a moment ago: count on it.
            rows.failed(admission, now);
        }
    }

    /** The password matched: the account's failures are forgiven and this address becomes known for it. */
    public void succeeded(Admission admission) {
        if (!admission.admitted() || admission.clean && admission.counted.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        try {
            rows.succeeded(admission, now);
        } catch (RuntimeException raced) {
            rows.succeeded(admission, now);
        }
    }

    /** The digests the rows are kept under: the table never holds a username or an address. */
    static Map<Scope, String> keys(String username, String address) {
        String account = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        String from = address == null ? "" : address;
        Map<Scope, String> keys = new EnumMap<>(Scope.class);
        keys.put(Scope.ACCOUNT_AT_ADDRESS, digest(Scope.ACCOUNT_AT_ADDRESS + ":" + account + "\u0000" + from));
        keys.put(Scope.ADDRESS, digest(Scope.ADDRESS + ":" + from));
        keys.put(Scope.ACCOUNT, digest(Scope.ACCOUNT + ":" + account));
        return keys;
    }

    private static String digest(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The reads and writes, each in a short transaction of its own: no lock is held while a password is hashed. */
    @ApplicationScoped
    public static class Rows {

        @Inject
        EntityManager em;

        @Transactional(TxType.REQUIRES_NEW)
        public Admission admit(Map<Scope, String> keys, OffsetDateTime now) {
            Map<Scope, LoginFailures> found = read(keys, false);
            Set<Scope> applying = applying(found, now);
            long wait = longestWait(found, applying, now);
            if (wait > 0) {
                return new Admission(keys, wait, Set.of(), false);
            }
            Set<Scope> near = EnumSet.noneOf(Scope.class);
            for (Scope scope : applying) {
                LoginFailures row = found.get(scope);
                if (row != null && row.failures(now, scope.backoff()) >= scope.backoff().free() - 1) {
                    near.add(scope);
                }
            }
            boolean clean = isClean(found, now);
            if (near.isEmpty()) {
                return new Admission(keys, 0, Set.of(), clean);
            }
            // Close to a delay: look again under a lock and count this attempt as failed until it succeeds, so
            // that a parallel attempt waits as if this one had already failed.
            em.clear();
            Map<Scope, LoginFailures> locked = read(keys, true);
            wait = longestWait(locked, applying, now);
            if (wait > 0) {
                return new Admission(keys, wait, Set.of(), false);
            }
            Set<Scope> counted = EnumSet.noneOf(Scope.class);
            for (Scope scope : near) {
                LoginFailures row = locked.get(scope);
                if (row != null) {
                    row.fail(now, scope.backoff());
                    counted.add(scope);
                }
            }
            return new Admission(keys, 0, counted, false);
        }

        @Inject
        Event<Stale> stale;

        @Transactional(TxType.REQUIRES_NEW)
        public void failed(Admission admission, OffsetDateTime now) {
            // No login is clean any more until read again, on any node (which logins share a key is not known).
            stale.fire(new Stale(Snapshots.CLEAN_LOGINS));
            boolean created = false;
            for (Scope scope : inKeyOrder(admission.keys)) {
                if (admission.counted.contains(scope)) {
                    continue;
                }
                LoginFailures row = em.find(LoginFailures.class, admission.keys.get(scope),
                        LockModeType.PESSIMISTIC_WRITE);
                if (row == null) {
                    row = new LoginFailures(admission.keys.get(scope), now);
                    em.persist(row);
                    created = true;
                }
                row.fail(now, scope.backoff());
            }
            em.flush();
            if (created) {
                purge(now);
            }
        }

        @Transactional(TxType.REQUIRES_NEW)
        public void succeeded(Admission admission, OffsetDateTime now) {
            boolean created = false;
            for (Scope scope : inKeyOrder(admission.keys)) {
                LoginFailures row = em.find(LoginFailures.class, admission.keys.get(scope),
                        LockModeType.PESSIMISTIC_WRITE);
                if (scope == Scope.ADDRESS) {
                    // Others' failures at this address stay; only this attempt's advance count is taken back.
                    if (row != null && admission.counted.contains(scope)) {
                        row.forgive();
                    }
                } else if (row != null) {
                    row.succeed(now);
                } else if (scope == Scope.ACCOUNT_AT_ADDRESS) {
                    row = new LoginFailures(admission.keys.get(scope), now);
                    row.succeed(now);
                    em.persist(row);
                    created = true;
                }
            }
            em.flush();
            if (created) {
                purge(now);
            }
        }

        private Map<Scope, LoginFailures> read(Map<Scope, String> keys, boolean lock) {
            Map<String, Scope> byKey = keys.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
            Map<Scope, LoginFailures> found = new EnumMap<>(Scope.class);
            if (lock) {
                for (Scope scope : inKeyOrder(keys)) {
                    LoginFailures row = em.find(LoginFailures.class, keys.get(scope), LockModeType.PESSIMISTIC_WRITE);
                    if (row != null) {
                        found.put(scope, row);
                    }
                }
                return found;
            }
            em.createNamedQuery(LoginFailures.BY_KEYS, LoginFailures.class).setParameter("keys", List.copyOf(
                    keys.values())).getResultStream().forEach(row -> found.put(byKey.get(row.key()), row));
            return found;
        }

        /** The account-wide delay does not apply where the person logged in lately. */
        private static Set<Scope> applying(Map<Scope, LoginFailures> found, OffsetDateTime now) {
            LoginFailures here = found.get(Scope.ACCOUNT_AT_ADDRESS);
            boolean known = here != null && here.succeededSince(now.minus(KNOWN_ADDRESS));
            return known ? EnumSet.of(Scope.ACCOUNT_AT_ADDRESS, Scope.ADDRESS) : EnumSet.allOf(Scope.class);
        }

        private static long longestWait(Map<Scope, LoginFailures> found, Set<Scope> applying, OffsetDateTime now) {
            Duration longest = Duration.ZERO;
            for (Scope scope : applying) {
                LoginFailures row = found.get(scope);
                Duration wait = row == null ? Duration.ZERO : row.waitAt(now, scope.backoff());
                longest = wait.compareTo(longest) > 0 ? wait : longest;
            }
            // Whole seconds, rounded up: Retry-After has no fractions, and 0 means "go ahead".
            return longest.isZero() ? 0 : Math.max(1, (longest.toMillis() + 999) / 1000);
        }

        /** Nothing to write after a success: no failures to forgive, and the address is known and recent. */
        private static boolean isClean(Map<Scope, LoginFailures> found, OffsetDateTime now) {
            LoginFailures here = found.get(Scope.ACCOUNT_AT_ADDRESS);
            LoginFailures account = found.get(Scope.ACCOUNT);
            return here != null && here.succeededSince(now.minus(SUCCESS_REFRESH))
                    && here.failures(now, Scope.ACCOUNT_AT_ADDRESS.backoff()) == 0
                    && (account == null || account.failures(now, Scope.ACCOUNT.backoff()) == 0);
        }

        /** Rows are always locked in the same order, so two attempts never wait for each other in a circle. */
        private static List<Scope> inKeyOrder(Map<Scope, String> keys) {
            return keys.keySet().stream().sorted(Comparator.comparing(keys::get)).toList();
        }

        private void purge(OffsetDateTime now) {
            em.createNamedQuery(LoginFailures.PURGE).setParameter("before", now.minus(KNOWN_ADDRESS).minusDays(1))
                    .executeUpdate();
        }
    }
}
