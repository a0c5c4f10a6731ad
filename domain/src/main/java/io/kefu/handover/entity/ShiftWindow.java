package io.kefu.handover.entity;

import java.time.Duration;
import java.time.Instant;

/** One occurrence of a shift: from {@code start} (inclusive) to {@code end} (exclusive). */
public record ShiftWindow(Instant start, Instant end) {

    public boolean contains(Instant moment) {
        return !moment.isBefore(start) && moment.isBefore(end);
    }

    public Duration length() {
        return Duration.between(start, end);
    }
}
