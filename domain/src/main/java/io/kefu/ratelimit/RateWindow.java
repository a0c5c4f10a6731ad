package io.kefu.ratelimit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;

/** Hits on one bucket (e.g. filings from one address to one tenant) in one fixed window of time. */
@Entity
@Table(name = "rate_window")
@IdClass(RateWindow.Key.class)
@NamedQuery(name = RateWindow.HIT, query = "UPDATE RateWindow w SET w.hits = w.hits + 1 "
        + "WHERE w.bucket = :bucket AND w.windowStart = :start")
@NamedQuery(name = RateWindow.HITS, query = "SELECT w.hits FROM RateWindow w "
        + "WHERE w.bucket = :bucket AND w.windowStart = :start")
@NamedQuery(name = RateWindow.PURGE, query = "DELETE FROM RateWindow w WHERE w.windowStart < :before")
public class RateWindow {

    public static final String HIT = "RateWindow.hit";
    public static final String HITS = "RateWindow.hits";
    public static final String PURGE = "RateWindow.purge";

    /** The composite key: bucket and window start. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String bucket;
        private OffsetDateTime windowStart;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && java.util.Objects.equals(bucket, key.bucket)
                    && java.util.Objects.equals(windowStart, key.windowStart);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(bucket, windowStart);
        }
    }

    @Id
    @Column(name = "bucket", length = 120)
    private String bucket;

    @Id
    @Column(name = "window_start")
    private OffsetDateTime windowStart;

    @Column(name = "hits", nullable = false)
    private int hits;

    protected RateWindow() {
        // for JPA
    }

    public RateWindow(String bucket, OffsetDateTime windowStart) {
        this.bucket = bucket;
        this.windowStart = windowStart;
        this.hits = 1;
    }

    public int hits() {
        return hits;
    }
}
