package io.kefu.portal.handover;

import io.kefu.handover.boundary.Handovers;
import io.kefu.handover.entity.Handover;
import io.kefu.handover.entity.HandoverAck;
import io.kefu.handover.entity.HandoverEntry;
import io.kefu.handover.entity.HandoverItem;
import io.kefu.handover.entity.Shift;
import io.kefu.handover.entity.ShiftWindow;
import io.kefu.portal.complaint.Times;
import java.time.ZoneId;
import java.util.List;

/** Hand-overs and shifts as the API shows them: times ISO-8601 with the tenant's offset. */
public final class HandoverJson {

    private HandoverJson() {
    }

    public record ShiftRef(String code, String name, String start, String end) {

        static ShiftRef of(String code, String name, ShiftWindow window, ZoneId zone) {
            return new ShiftRef(code, name, window == null ? null : Times.iso(window.start(), zone),
                    window == null ? null : Times.iso(window.end(), zone));
        }
    }

    public record Line(String section, String subject, String summary, String due, String remark) {

        static Line of(HandoverItem.Item item, String remark, ZoneId zone) {
            return new Line(item.section().name(), item.subject(), item.summary(), Times.iso(item.due(), zone), remark);
        }
    }

    public record Draft(ShiftRef leaving, ShiftRef next, boolean mayPickShift, List<ShiftRef> shifts,
            List<Line> items) {

        static Draft of(Handovers.Draft d, List<Shift> all, ZoneId zone) {
            return new Draft(d.leaving() == null ? null : ShiftRef.of(d.leaving().code(), d.leaving().name(),
                    d.leavingWindow(), zone), ShiftRef.of(d.next().code(), d.next().name(), d.nextWindow(), zone),
                    d.mayPickShift(), all.stream().map(s -> new ShiftRef(s.code(), s.name(), s.starts().toString(),
                            s.ends().toString())).toList(),
                    d.items().stream().map(i -> Line.of(i, null, zone)).toList());
        }
    }

    public record Entry(String author, String at, String text) {

        static Entry of(HandoverEntry e, ZoneId zone) {
            return new Entry(e.author(), Times.iso(e.writtenAt(), zone), e.text());
        }
    }

    public record Ack(String username, String at) {

        static Ack of(HandoverAck a, ZoneId zone) {
            return new Ack(a.username(), Times.iso(a.ackedAt(), zone));
        }
    }

    /** A hand-over in a list: no lines. */
    public record Summary(String ref, String author, String submittedAt, ShiftRef shift, ShiftRef next, int items) {

        static Summary of(Handover h, ZoneId zone) {
            return new Summary(h.ref(), h.author(), Times.iso(h.submittedAt(), zone),
                    ShiftRef.of(h.shiftCode(), h.shiftName(), h.shiftWindow(), zone),
                    ShiftRef.of(h.nextCode(), h.nextName(), h.nextWindow(), zone), h.items().size());
        }
    }

    public record Full(String ref, String author, String submittedAt, ShiftRef shift, ShiftRef next, List<Line> items,
            String equipment, String notes, List<Entry> entries, List<Ack> acknowledgements, String ackDue) {

        static Full of(Handover h, List<HandoverEntry> entries, List<HandoverAck> acks, ZoneId zone) {
            return new Full(h.ref(), h.author(), Times.iso(h.submittedAt(), zone),
                    ShiftRef.of(h.shiftCode(), h.shiftName(), h.shiftWindow(), zone),
                    ShiftRef.of(h.nextCode(), h.nextName(), h.nextWindow(), zone),
                    h.items().stream().map(i -> Line.of(i.item(), i.remark(), zone)).toList(), h.equipment(),
                    h.notes(), entries.stream().map(e -> Entry.of(e, zone)).toList(),
                    acks.stream().map(a -> Ack.of(a, zone)).toList(), Times.iso(h.ackDeadline(), zone));
        }
    }

    /** The body of a submission. */
    public record SubmitInput(String shift, List<KeepInput> items, String equipment, String notes) {
    }

    public record KeepInput(String subject, String remark) {
    }

    /** The body of an entry. */
    public record EntryInput(String text) {
    }

    /** The shifts settings: the whole list, each with its people. */
    public record ShiftsInput(List<ShiftInput> shifts) {
    }

    public record ShiftInput(String code, String name, String start, String end, List<String> members) {
    }
}
