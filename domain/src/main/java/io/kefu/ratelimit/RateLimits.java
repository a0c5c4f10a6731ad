package io.kefu.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Limits how often the public endpoints may be used, counted in the database so that every node of a cluster
 * counts the same hits (a per-node counter would multiply the limit by the number of nodes). Fixed windows:
 * simple, and precise enough against a script filing hundreds of fake complaints.
 */
@ApplicationScoped
public class RateLimits {

    /** The verdict: allowed, or refused until the window ends. */
    public record Verdict(boolean allowed, long retryAfterSeconds) {
    }

    @Inject
    Windows windows;

    @Inject
    Clock clock;

    /** Counts one hit on {@code bucket} and says whether it stays within {@code limit} per {@code window}. */
    public Verdict hit(String bucket, int limit, Duration window) {
        Instant now = clock.instant();
        long windowSeconds = window.toSeconds();
        long startSecond = now.getEpochSecond() - Math.floorMod(now.getEpochSecond(), windowSeconds);
        OffsetDateTime start = Instant.ofEpochSecond(startSecond).atOffset(ZoneOffset.UTC);
        String key = bucket.length() > 120 ? bucket.substring(0, 120) : bucket;
        int hits = windows.increment(key, start);
        if (hits == 0) {
            try {
                windows.open(key, start);
                hits = 1;
            } catch (RuntimeException raced) {
                // Another request opened the same window a moment ago: count on it.
                hits = windows.increment(key, start);
            }
        }
        long retryAfter = Math.max(1, startSecond + windowSeconds - now.getEpochSecond());
        return new Verdict(hits <= limit, retryAfter);
    }

    /** The two writes, each in a transaction of its own so that losing the race to open a window costs nothing. */
    @ApplicationScoped
    public static class Windows {

        @Inject
        EntityManager em;

        /** The hits after this one, or 0 when the window does not exist yet. */
        @Transactional(TxType.REQUIRES_NEW)
        public int increment(String bucket, OffsetDateTime start) {
            int updated = em.createNamedQuery(RateWindow.HIT).setParameter("bucket", bucket)
                    .setParameter("start", start).executeUpdate();
            if (updated == 0) {
                return 0;
            }
            return em.createNamedQuery(RateWindow.HITS, Integer.class).setParameter("bucket", bucket)
                    .setParameter("start", start).getSingleResult();
        }

        @Transactional(TxType.REQUIRES_NEW)
        public void open(String bucket, OffsetDateTime start) {
            em.persist(new RateWindow(bucket, start));
            em.flush();
            // Old windows are of no use; a cheap, indexed delete keeps the table to the current ones.
            em.createNamedQuery(RateWindow.PURGE).setParameter("before", start.minusDays(1)).executeUpdate();
        }
    }
}
