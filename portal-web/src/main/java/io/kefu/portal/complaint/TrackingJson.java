package io.kefu.portal.complaint;

import io.kefu.complaint.entity.CaseAction;
import io.kefu.complaint.entity.Complaint;
import java.time.ZoneId;
import java.util.List;

/**
 * A case as its resident sees it through the tracking link: status, deadlines, the promised reply time and
 * the public side of the history only (no internal notes, no staff usernames), and what they may do now.
 */
public record TrackingJson(String number, String kind, String status, String registeredAt,
        String firstResponseDue, String resolutionDue, String promisedReplyBy, String resolution,
        List<TimelineEntry> timeline, List<String> allowedActions) {

    /** One public event: when, what, and the text the resident may read. */
    public record TimelineEntry(String at, String action, String status, String text, boolean fromResident) {
    }

    /** What the resident may do: add information, withdraw, confirm or reject the solution. */
    static List<String> residentActions(Complaint c) {
        return c.allowedActions().stream().filter(a -> a == CaseAction.ADD_INFORMATION || a == CaseAction.WITHDRAW
                || a == CaseAction.CONFIRM || (a == CaseAction.REOPEN && c.status().name().equals("CALLBACK_PENDING")))
                .map(CaseJson::actionName).toList();
    }

    static TrackingJson of(Complaint c, ZoneId zone) {
        return new TrackingJson(c.number().toString(), c.kind().name(), c.status().name(),
                Times.iso(c.registeredAt(), zone), Times.iso(c.firstResponseDue(), zone),
                Times.iso(c.resolutionDue(), zone), Times.iso(c.promisedReplyBy(), zone), c.resolution(),
                c.history().stream().filter(e -> e.isPublic()).map(e -> new TimelineEntry(
                        Times.iso(e.at().toInstant(), zone), e.action(), e.to().name(), e.text(),
                        "resident".equals(e.actor()))).toList(),
                residentActions(c));
    }
}
