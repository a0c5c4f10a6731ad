package io.kefu.portal.complaint;

import io.kefu.callback.entity.CallbackTask;
import io.kefu.complaint.entity.Attachment;
import io.kefu.complaint.entity.CaseAction;
import io.kefu.complaint.entity.CaseEvent;
import io.kefu.complaint.entity.Complaint;
import io.kefu.complaint.entity.DispatchOrder;
import io.kefu.confidentiality.control.Contact;
import io.kefu.resident.entity.Unit;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A case as staff see it through the API: everything, with its history, version and the actions allowed now. The
 * contact (name, phone, e-mail, location) is as the reader may see it: masked, with {@code contactMasked}, when
 * the case's customer record is above their clearance (see the confidentiality package).
 */
public record CaseJson(String number, String kind, String categoryCode, String status, String severity,
        String channel, String description, String location, String contactName, String contactPhone,
        String contactEmail, String desiredOutcome, boolean anonymous, String registeredAt, String registeredBy,
        String owner, String department, String firstResponseDue, String resolutionDue, String promisedReplyBy,
        String resolution, boolean overdue, int escalationLevel, String majorAcknowledgedBy, long version,
        List<String> allowedActions, List<EventJson> history, List<FileJson> attachments,
        List<DispatchJson> dispatchOrders, String callbackOutcome, String callbackId, String callbackStatus,
        UnitJson unit, boolean contactMasked) {

    /** The unit of the resident register the case is about; {@code null} while not linked. */
    public record UnitJson(String building, String number) {
    }

    /** One step of the history. */
    public record EventJson(String at, String actor, String action, String from, String to, String text,
            boolean isPublic) {
    }

    /** A filed photo or PDF, downloadable by its number within the case. */
    public record FileJson(int seq, String fileName, String mediaType, int size) {
    }

    /** A repair's dispatch order. */
    public record DispatchJson(int seq, String worker, String appointment, String parts, String result,
            String completedAt, String completedBy, long version) {
    }

    /** {@code callback} is the case's latest callback, or {@code null} before its first resolution. */
    static CaseJson of(Complaint c, Contact contact, Unit unit, List<Attachment.Summary> files,
            List<DispatchOrder> orders, CallbackTask callback, ZoneId zone, Instant now) {
        return new CaseJson(c.number().toString(), c.kind().name(), c.categoryCode(), c.status().name(),
                c.severity().name(), c.channel().name(), c.description(), contact.location(), contact.name(),
                contact.phone(), contact.email(), c.desiredOutcome(), c.anonymous(),
                Times.iso(c.registeredAt(), zone), c.registeredBy(), c.owner(), c.departmentCode(),
                Times.iso(c.firstResponseDue(), zone), Times.iso(c.resolutionDue(), zone),
                Times.iso(c.promisedReplyBy(), zone), c.resolution(), c.isOverdue(now), c.escalationLevel(),
                c.majorAcknowledgedBy(), c.version(),
                c.allowedActions().stream().filter(CaseAction::isStaffAction).map(CaseJson::actionName).toList(),
                c.history().stream().map(e -> event(e, zone)).toList(),
                files.stream().map(f -> new FileJson(f.seq(), f.fileName(), f.mediaType(), f.size())).toList(),
                orders.stream().map(d -> new DispatchJson(d.seq(), d.worker(), Times.iso(d.appointment(), zone),
                        d.parts(), d.result(), Times.iso(d.completedAt(), zone), d.completedBy(), d.version()))
                        .toList(),
                c.callbackOutcome() == null ? null : c.callbackOutcome().name(),
                callback == null ? null : callback.publicKey(), callback == null ? null : callback.status().name(),
                unit == null ? null : new UnitJson(unit.building(), unit.number()), contact.isMasked());
    }

    static EventJson event(CaseEvent e, ZoneId zone) {
        return new EventJson(Times.iso(e.at().toInstant(), zone), e.actor(), e.action(),
                e.from() == null ? null : e.from().name(), e.to().name(), e.text(), e.isPublic());
    }

    /** The API's spelling of an action: {@code APPROVE_REJECTION} → {@code approve-rejection}. */
    static String actionName(CaseAction action) {
        return action.name().toLowerCase().replace('_', '-');
    }
}
