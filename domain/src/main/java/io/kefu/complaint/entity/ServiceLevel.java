package io.kefu.complaint.entity;

import io.kefu.deadline.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The deadlines of one kind and severity of case, in working time: how soon the first response is due, and
 * the resolution. Both count from registration by the tenant's calendar, with the clock paused while the case
 * waits on the resident.
 */
public record ServiceLevel(Duration firstResponse, Duration resolution) {

    public ServiceLevel {
        if (firstResponse == null || resolution == null || firstResponse.isNegative() || firstResponse.isZero()
                || resolution.compareTo(firstResponse) < 0) {
            throw new IllegalArgumentException("a first response is due after a moment and no later than the "
                    + "resolution: " + firstResponse + ", " + resolution);
        }
    }

    /**
     * This level shortened (or kept) for a valued customer: both deadlines at {@code percent} of their length,
     * never below one minute, so a grade-A resident's case (e.g. 50) is due in half the working time.
     */
    public ServiceLevel scaled(int percent) {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("a grade shortens deadlines, 1-100%: " + percent);
        }
        if (percent == 100) {
            return this;
        }
        Duration first = Duration.ofSeconds(Math.max(60, firstResponse.toSeconds() * percent / 100));
        Duration resolve = Duration.ofSeconds(Math.max(first.toSeconds(), resolution.toSeconds() * percent / 100));
        return new ServiceLevel(first, resolve);
    }

    /** When the deadlines fall for a case registered at {@code registeredAt}. */
    public Deadlines deadlines(Instant registeredAt, WorkingCalendar calendar, List<WorkingCalendar.Pause> pauses) {
        return new Deadlines(calendar.plus(registeredAt, firstResponse, pauses),
                calendar.plus(registeredAt, resolution, pauses));
    }

    /** The two instants a case must meet. */
    public record Deadlines(Instant firstResponseDue, Instant resolutionDue) {
    }
}
