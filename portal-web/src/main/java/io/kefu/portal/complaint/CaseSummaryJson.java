package io.kefu.portal.complaint;

import io.kefu.complaint.entity.Complaint;
import java.time.Instant;
import java.time.ZoneId;

/** A row of the inbox. */
public record CaseSummaryJson(String number, String kind, String category, String status, String severity,
        String owner, String department, String registeredAt, String firstResponseDue, String resolutionDue,
        boolean overdue) {

    static CaseSummaryJson of(Complaint c, ZoneId zone, Instant now) {
        return new CaseSummaryJson(c.number().toString(), c.kind().name(), c.categoryCode(), c.status().name(),
                c.severity().name(), c.owner(), c.departmentCode(), Times.iso(c.registeredAt(), zone),
                Times.iso(c.firstResponseDue(), zone), Times.iso(c.resolutionDue(), zone), c.isOverdue(now));
    }
}
