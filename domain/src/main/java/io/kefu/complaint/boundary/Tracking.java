package io.kefu.complaint.boundary;

import io.kefu.complaint.entity.Complaint;
import io.kefu.deadline.boundary.Calendars;
import io.kefu.identity.boundary.Member;
import io.kefu.callback.boundary.Callbacks;
import io.kefu.notice.boundary.Notices;
import io.kefu.notice.entity.Notice;
import io.kefu.problem.KefuException;
import io.kefu.problem.Writes;
import io.kefu.workspace.boundary.Office;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the resident does through the private tracking link: read the case's public side, add information,
 * withdraw it, and after resolution confirm or reject the solution (rejecting reopens it). The token is the
 * only credential; it is looked up inside the current tenant only, so another tenant's token finds nothing.
 */
@ApplicationScoped
@Transactional
public class Tracking {

    /** 256 random bits in URL-safe Base64: anything else cannot be a token and is not looked up. */
    private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]{43}$");

    @Inject
    EntityManager em;

    @Inject
    Calendars calendars;

    @Inject
    Office office;

    @Inject
    Notices notices;

    @Inject
    Callbacks callbacks;

    @Inject
    Clock clock;

    public Optional<Complaint> find(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return em.createNamedQuery(Complaint.BY_TOKEN, Complaint.class).setParameter("token", token)
                .getResultStream().findFirst().map(Complaint::withHistoryLoaded);
    }

    public Complaint get(String token) {
        return find(token).orElseThrow(() -> KefuException.notFound("tracking.not.found"));
    }

    public Complaint addInformation(String token, String text) {
        Complaint complaint = get(token);
        complaint.addInformation(text, calendars.calendar(), clock);
        tellOwner(complaint);
        Writes.flush(em);
        return complaint;
    }

    public Complaint withdraw(String token, String reason) {
        Complaint complaint = get(token);
        complaint.withdraw(reason, clock);
        Writes.flush(em);
        return complaint;
    }

    /**
     * Satisfied: recorded, and where the tenant counts an online confirmation as the callback, the case closes.
     * Not satisfied: the case goes back to work with the resident's comment, and its callback is done.
     */
    public Complaint confirm(String token, Boolean satisfied, String comment) {
        if (satisfied == null) {
            throw KefuException.invalid("satisfied", "field.required");
        }
        Complaint complaint = get(token);
        if (satisfied) {
            complaint.confirm(comment, clock);
            callbacks.confirmedOnline(complaint, comment);
        } else {
            complaint.rejectSolution(comment, clock);
            callbacks.rejectedOnline(complaint, comment);
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
