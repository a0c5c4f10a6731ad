package io.kefu.ratelimit;

import java.time.Duration;

/**
 * How long somebody must wait after failing again and again: nothing for the first {@code free} failures
 * (typing mistakes), then {@code first}, doubled with every further failure up to {@code cap}. Failures are
 * forgotten {@code forget} after the last one.
 */
public record Backoff(int free, Duration first, Duration cap, Duration forget) {

    /** The wait after {@code failures} failures in a row. */
    public Duration after(int failures) {
        if (failures < free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - free, 30);
        Duration wait = first.multipliedBy(1L << doublings);
        return wait.compareTo(cap) > 0 ? cap : wait;
    }
}
