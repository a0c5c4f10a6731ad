package io.kefu.complaint.boundary;

import io.kefu.complaint.entity.CaseNumber;
import io.kefu.complaint.entity.Complaint;
import io.kefu.complaint.entity.ResolutionAnswered;
import io.kefu.complaint.entity.TrackingKey;
import io.kefu.complaint.entity.TrackingToken;
import io.kefu.deadline.boundary.Calendars;
import io.kefu.identity.boundary.Member;
import io.kefu.notice.boundary.Notices;
import io.kefu.notice.entity.Notice;
import io.kefu.problem.KefuException;
import io.kefu.problem.Writes;
import io.kefu.workspace.boundary.Office;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * What the resident does through the private tracking link: read the case's public side, add information,
 * withdraw it, and after resolution confirm or reject the solution (rejecting reopens it). The token is the
 * only credential; it is looked up by its hash inside the current tenant only, so another tenant's token finds
 * nothing. A signed-in resident reaches the cases they filed by number too ({@link Own}).
 */
@ApplicationScoped
@Transactional
public class Tracking {

    @Inject
    EntityManager em;

    @Inject
    Calendars calendars;

    @Inject
    Office office;

    @Inject
    Notices notices;

    @Inject
    Event<ResolutionAnswered> answered;

    @Inject
    Clock clock;

    /** How a resident reaches their case: a private link's token, or signed in as the resident who filed it. */
    public sealed interface Key permits Link, Own {
    }

    /** The token of a private tracking link, looked up by its hash. */
    public record Link(String token) implements Key {
    }

    /** A case by its number, for the signed-in resident who filed it ("my cases") and nobody else. */
    public record Own(String number, String reporter) implements Key {
    }

    public Optional<Complaint> find(String token) {
        return find(new Link(token));
    }

    public Optional<Complaint> find(Key key) {
        if (key instanceof Link link) {
            if (!TrackingToken.isWellFormed(link.token())) {
                return Optional.empty();
            }
            return em.createNamedQuery(TrackingKey.CASE_BY_HASH, Complaint.class)
                    .setParameter("hash", TrackingToken.hash(link.token())).getResultStream().findFirst()
                    .map(Complaint::withHistoryLoaded);
        }
        Own own = (Own) key;
        Optional<CaseNumber> number = CaseNumber.parse(own.number());
        if (own.reporter() == null || number.isEmpty()) {
            return Optional.empty();
        }
        return em.createNamedQuery(Complaint.BY_NUMBER, Complaint.class).setParameter("number",
                number.get().toString()).getResultStream().filter(c -> own.reporter().equals(c.reporter())).findFirst()
                .map(Complaint::withHistoryLoaded);
    }

    public Complaint get(String token) {
        return get(new Link(token));
    }

    public Complaint get(Key key) {
        return find(key).orElseThrow(() -> KefuException.notFound("tracking.not.found"));
    }

    public Complaint addInformation(String token, String text) {
        return addInformation(new Link(token), text);
    }

    public Complaint addInformation(Key key, String text) {
        Complaint complaint = get(key);
        complaint.addInformation(text, calendars.calendar(), clock);
        tellOwner(complaint);
        Writes.flush(em);
        return complaint;
    }

    public Complaint withdraw(String token, String reason) {
        return withdraw(new Link(token), reason);
    }

    public Complaint withdraw(Key key, String reason) {
        Complaint complaint = get(key);
        complaint.withdraw(reason, clock);
        Writes.flush(em);
        return complaint;
    }

    /**
     * Satisfied: recorded, and where the tenant counts an online confirmation as the callback, the case closes.
     * Not satisfied: the case goes back to work with the resident's comment, and its callback is done.
     */
    public Complaint confirm(String token, Boolean satisfied, String comment) {
        return confirm(new Link(token), satisfied, comment);
    }

    public Complaint confirm(Key key, Boolean satisfied, String comment) {
        if (satisfied == null) {
            throw KefuException.invalid("satisfied", "field.required");
        }
        Complaint complaint = get(key);
        if (satisfied) {
            complaint.confirm(comment, clock);
            answered.fire(new ResolutionAnswered(complaint, true, comment));
        } else {
            complaint.rejectSolution(comment, clock);
            answered.fire(new ResolutionAnswered(complaint, false, comment));
            tellOwner(complaint);
        }
        Writes.flush(em);
        return complaint;
    }

    private void tellOwner(Complaint complaint) {
        List<Member> owner = office.staff().stream().filter(m -> m.username().equals(complaint.owner())).toList();
        notices.tell(owner, Notice.Kind.RESIDENT_REPLIED, complaint);
    }
}
