package io.kefu.handover.boundary;

import io.kefu.callback.entity.CallbackTask;
import io.kefu.complaint.entity.Actor;
import io.kefu.complaint.entity.CaseStatus;
import io.kefu.complaint.entity.Complaint;
import io.kefu.complaint.entity.Severity;
import io.kefu.handover.entity.Handover;
import io.kefu.handover.entity.HandoverAck;
import io.kefu.handover.entity.HandoverAlert;
import io.kefu.handover.entity.HandoverEntry;
import io.kefu.handover.entity.HandoverItem;
import io.kefu.handover.entity.Section;
import io.kefu.handover.entity.Shift;
import io.kefu.handover.entity.ShiftMember;
import io.kefu.handover.entity.ShiftWindow;
import io.kefu.notice.boundary.Notices;
import io.kefu.problem.Failure;
import io.kefu.problem.Fields;
import io.kefu.problem.KefuException;
import io.kefu.problem.Writes;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.workspace.boundary.Office;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The hand-over log of the current tenant: the prefill of a leaving staff member's open items, submission, additions,
 * acknowledgements, the history, and the alert when the next shift did not acknowledge. Each call is one transaction:
 * a refused submission writes nothing.
 */
@ApplicationScoped
@Transactional
public class Handovers {

    /** Of each kind, the prefill lists this many at most (a desk with more has a bigger problem than a long list). */
    static final int MAX_LINES = 200;
    public static final int MAX_PAGE_SIZE = 100;

    @Inject
    EntityManager em;

    @Inject
    Shifts shifts;

    @Inject
    Office office;

    @Inject
    Notices notices;

    @Inject
    CurrentTenant tenant;

    @Inject
    Clock clock;

    /**
     * What a leaving person hands over, before they edit it: the shift they leave (their own; {@code null} when they
     * have none and picked none), the one taking over, and their open items. {@code mayPickShift}: the admin gave
     * them no shift, so they name the one they leave.
     */
    public record Draft(Shift leaving, ShiftWindow leavingWindow, Shift next, ShiftWindow nextWindow,
            boolean mayPickShift, List<HandoverItem.Item> items) {
    }

    /** A line the author keeps: the case number or callback key of a prefilled line, and a remark. */
    public record Keep(String subject, String remark) {
    }

    /**
     * The prefill of {@code username}: their shift (or {@code chosen} when they have none), the next one, and exactly
     * their open items — cases they own that are not finished (major first, then overdue, then promised replies due
     * before the next shift ends, then the rest), and callbacks of theirs due before the next shift ends.
     */
    public Draft draft(String username, String chosen) {
        Optional<ShiftMember> member = shifts.of(username);
        Shift leaving = member.map(ShiftMember::shift).orElseGet(() -> chosen == null ? null
                : shifts.find(chosen).orElseThrow(() -> KefuException.invalid("shift", "shift.unknown", chosen)));
        List<Shift> all = shifts.all();
        if (all.isEmpty()) {
            throw KefuException.conflict("shift.none");
        }
        Instant now = clock.instant();
        ZoneId zone = tenant.get().zone();
        ShiftWindow leavingWindow = leaving == null ? null : leaving.latestStartedBy(now, zone);
        Instant handedAt = leavingWindow == null ? now : leavingWindow.end();
        Shift next = Shift.takingOver(all, handedAt, zone);
        ShiftWindow nextWindow = next.firstStartingFrom(handedAt, zone);
        return new Draft(leaving, leavingWindow, next, nextWindow, member.isEmpty(), items(username, now,
                nextWindow.end()));
    }

    private List<HandoverItem.Item> items(String username, Instant now, Instant until) {
        List<HandoverItem.Item> lines = new ArrayList<>();
        List<Complaint> open = em.createQuery("SELECT c FROM Complaint c WHERE c.owner = :me AND c.status NOT IN "
                + ":finished ORDER BY c.resolutionDue, c.number", Complaint.class).setParameter("me", username)
                .setParameter("finished", EnumSet.of(CaseStatus.CLOSED, CaseStatus.NOT_UPHELD, CaseStatus.WITHDRAWN))
                .setMaxResults(MAX_LINES).getResultList();
        for (Section section : new Section[] {Section.MAJOR, Section.OVERDUE, Section.PROMISE, Section.CASE}) {
            for (Complaint c : open) {
                if (sectionOf(c, now, until) == section) {
                    Instant due = section == Section.PROMISE ? c.promisedReplyBy() : c.resolutionDue();
                    lines.add(new HandoverItem.Item(section, c.number().toString(), c.description(), due));
                }
            }
        }
        em.createQuery("SELECT t FROM CallbackTask t WHERE t.status = :open AND t.dueAt < :until AND (t.assignee = :me"
                + " OR (t.assignee IS NULL AND t.complaint.owner = :me)) ORDER BY t.dueAt, t.id", CallbackTask.class)
                .setParameter("open", CallbackTask.Status.OPEN).setParameter("until", until.atOffset(ZoneOffset.UTC))
                .setParameter("me", username).setMaxResults(MAX_LINES).getResultStream()
                .forEach(t -> lines.add(new HandoverItem.Item(Section.CALLBACK, t.publicKey(), t.complaint() != null
                        ? t.complaint().number() + " " + t.complaint().description()
                        : (t.contactName() == null ? "" : t.contactName()) + " " + (t.unit() == null ? "" : t.unit()),
                        t.dueAt())));
        return lines;
    }

    static Section sectionOf(Complaint c, Instant now, Instant until) {
        if (c.severity() == Severity.MAJOR) {
            return Section.MAJOR;
        }
        if (c.isOverdue(now)) {
            return Section.OVERDUE;
        }
        if (c.promisedReplyBy() != null && c.promisedReplyBy().isBefore(until)) {
            return Section.PROMISE;
        }
        return Section.CASE;
    }

    /**
     * Submits the hand-over of {@code author}: the lines they kept (each a line of their prefill, once), equipment
     * problems and notes. A person without a shift names the one they leave ({@code shift}), which becomes theirs.
     */
    public Handover submit(String author, String shift, List<Keep> kept, String equipment, String notes) {
        Shift leaving = shifts.pick(author, shift);
        Draft draft = draft(author, leaving.code());
        Map<String, HandoverItem.Item> offered = new LinkedHashMap<>();
        draft.items().forEach(i -> offered.putIfAbsent(i.subject(), i));
        List<Handover.Kept> lines = new ArrayList<>();
        List<Runnable> checks = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Keep> given = kept == null ? List.of() : kept;
        for (int i = 0; i < given.size(); i++) {
            // Counted from 1, as the API names list items ({@code items[1]} is the first).
            String field = "items[" + (i + 1) + "].subject";
            Keep keep = given.get(i);
            checks.add(() -> {
                String subject = keep == null ? null : keep.subject();
                HandoverItem.Item item = subject == null ? null : offered.get(subject);
                if (item == null) {
                    throw KefuException.invalid(field, "handover.item.unknown", subject == null ? "-" : subject);
                }
                if (!seen.add(subject)) {
                    throw KefuException.invalid(field, "handover.item.twice", subject);
                }
                lines.add(new Handover.Kept(item, keep.remark()));
            });
            String remark = keep == null ? null : keep.remark();
            String remarkField = "items[" + (i + 1) + "].remark";
            checks.add(() -> Fields.optional(remark, remarkField, HandoverItem.REMARK_MAXLENGTH));
        }
        checks.add(() -> Fields.optional(equipment, "equipment", Handover.TEXT_MAXLENGTH));
        checks.add(() -> Fields.optional(notes, "notes", Handover.TEXT_MAXLENGTH));
        KefuException.checkAll(checks.toArray(Runnable[]::new));
        Instant now = clock.instant();
        long today = em.createNamedQuery(Handover.COUNT_OF_DAY, Long.class)
                .setParameter("prefix", Handover.refPrefix(now.atOffset(ZoneOffset.UTC).toLocalDate()) + "%")
                .getSingleResult();
        Handover handover = new Handover(author, leaving, draft.leavingWindow(), draft.next(), draft.nextWindow(),
                lines, equipment, notes, (int) today + 1, clock);
        em.persist(handover);
        Writes.flush(em);
        return handover;
    }

    public Optional<Handover> find(String ref) {
        if (!Handover.isRef(ref)) {
            return Optional.empty();
        }
        return em.createNamedQuery(Handover.BY_REF, Handover.class).setParameter("ref", ref).getResultStream()
                .findFirst();
    }

    /** The hand-over {@code ref} of this tenant; 404 otherwise (another tenant's is not found either). */
    public Handover get(String ref) {
        return find(ref).orElseThrow(() -> KefuException.notFound("handover.not.found", ref));
    }

    public List<HandoverEntry> entries(Handover handover) {
        return em.createNamedQuery(HandoverEntry.OF, HandoverEntry.class).setParameter("handover", handover)
                .getResultList();
    }

    public List<HandoverAck> acknowledgements(Handover handover) {
        return em.createNamedQuery(HandoverAck.OF, HandoverAck.class).setParameter("handover", handover)
                .getResultList();
    }

    /** Adds an entry to a submitted hand-over: by its author or a supervisor (403 for anybody else). */
    public HandoverEntry addEntry(String ref, Actor actor, String text) {
        Handover handover = get(ref);
        if (!handover.mayAddTo(actor.username(), actor.supervisor())) {
            throw new KefuException(Failure.FORBIDDEN, "handover.entry.not.allowed", (Object) handover.author());
        }
        HandoverEntry entry = new HandoverEntry(handover, actor.username(), text, clock);
        em.persist(entry);
        Writes.flush(em);
        return entry;
    }

    /** Records that {@code username} read the hand-over; once per person (again: the first is kept). */
    public HandoverAck acknowledge(String ref, String username) {
        Handover handover = get(ref);
        if (handover.author().equals(username)) {
            throw KefuException.conflict("handover.ack.own");
        }
        Optional<HandoverAck> done = acknowledgements(handover).stream().filter(a -> a.username().equals(username))
                .findFirst();
        if (done.isPresent()) {
            return done.get();
        }
        HandoverAck ack = new HandoverAck(handover, username, clock);
        em.persist(ack);
        Writes.flush(em);
        return ack;
    }

    /**
     * The hand-overs waiting for {@code username} to read: to their shift (to any shift when they have none), by
     * somebody else, whose next shift has not ended, not acknowledged by them.
     */
    public List<Handover> pending(String username) {
        String shift = shifts.of(username).map(m -> m.shift().code()).orElse(null);
        return em.createNamedQuery(Handover.PENDING, Handover.class).setParameter("now", utcNow())
                .setParameter("me", username).setParameter("shift", shift).setMaxResults(20).getResultList();
    }

    /** A page of the history, newest shift first; {@code shift} and {@code person} (author or reader) optional. */
    public List<Handover> page(Instant from, Instant to, String shift, String person, int first, int size) {
        return em.createNamedQuery(Handover.PAGE, Handover.class).setParameter("from", from.atOffset(ZoneOffset.UTC))
                .setParameter("to", to.atOffset(ZoneOffset.UTC)).setParameter("shift", shift)
                .setParameter("person", person).setFirstResult(Math.max(0, first))
                .setMaxResults(Math.max(1, Math.min(size, MAX_PAGE_SIZE))).getResultList();
    }

    public long count(Instant from, Instant to, String shift, String person) {
        return em.createNamedQuery(Handover.COUNT, Long.class).setParameter("from", from.atOffset(ZoneOffset.UTC))
                .setParameter("to", to.atOffset(ZoneOffset.UTC)).setParameter("shift", shift)
                .setParameter("person", person).getSingleResult();
    }

    /**
     * Tells the supervisors of every hand-over nobody of its next shift acknowledged {@link Handover#ACK_GRACE} into
     * that shift (anybody but the author, when the next shift has no people). Once per hand-over: the alert's row is
     * unique, and a hand-over with one is not looked at again. Looks back a day, so a watch that was down catches up.
     */
    // A transaction of its own, as Promises' round steps have: the watch's timer call reached here inside a
    // transaction already bound to no tenant, and every round failed ("must not switch tenants", seen in every
    // benchmark log of issue 16 until this).
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int alertUnacknowledged(Instant now) {
        List<Handover> late = em.createNamedQuery(Handover.LATE, Handover.class)
                .setParameter("late", now.minus(Handover.ACK_GRACE).atOffset(ZoneOffset.UTC))
                .setParameter("since", now.minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC)).getResultList();
        Map<String, List<String>> people = shifts.membersByShift();
        int alerted = 0;
        for (Handover handover : late) {
            List<String> team = people.getOrDefault(handover.nextCode(), List.of());
            boolean read = acknowledgements(handover).stream().anyMatch(a -> team.isEmpty()
                    ? !a.username().equals(handover.author()) : team.contains(a.username()));
            if (!read) {
                em.persist(new HandoverAlert(handover, clock));
                notices.tellHandoverUnacknowledged(office.supervisors(), handover.ref(), handover.nextName(),
                        handover.author());
                alerted++;
            }
        }
        Writes.flush(em);
        return alerted;
    }

    private OffsetDateTime utcNow() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
