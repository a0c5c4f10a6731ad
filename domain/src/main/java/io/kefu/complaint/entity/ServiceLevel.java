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

    /** When the deadlines fall for a case registered at {@code registeredAt}. */
    public Deadlines deadlines(Instant registeredAt, WorkingCalendar calendar, List<WorkingCalendar.Pause> pauses) {
        return new Deadlines(calendar.plus(registeredAt, firstResponse, pauses),
                calendar.plus(registeredAt, resolution, pauses));
    }

    /** The two instants a case must meet. */
    public record Deadlines(Instant firstResponseDue, Instant resolutionDue) {
    }
}
