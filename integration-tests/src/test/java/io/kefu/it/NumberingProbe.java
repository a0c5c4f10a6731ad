package io.kefu.it;

import io.kefu.complaint.boundary.CaseNumbering;
import io.kefu.complaint.entity.Actor;
import io.kefu.complaint.entity.CaseEvent;
import io.kefu.complaint.entity.Channel;
import io.kefu.complaint.entity.Complaint;
import io.kefu.complaint.entity.Intake;
import io.kefu.complaint.entity.ServiceLevel;
import io.kefu.phrase.ForbiddenPhrases;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.tenancy.entity.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Test support deployed with {@link CaseNumberingIT}: filings' transactions, as worker threads run them. */
@ApplicationScoped
public class NumberingProbe {

    /** Thrown to roll a filing back after its number was taken. */
    public static class FilingFailed extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final String number;

        FilingFailed(String number) {
            super("filing failed after taking " + number);
            this.number = number;
        }

        public String number() {
            return number;
        }
    }

    @Inject
    CurrentTenant currentTenant;

    @Inject
    CaseNumbering numbering;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @ActivateRequestContext
    @Transactional
    public String allocate(TenantRef tenant, Instant registeredAt, boolean failAfterwards) {
        currentTenant.set(tenant);
        String number = numbering.next(registeredAt).toString();
        if (failAfterwards) {
            throw new FilingFailed(number);
        }
        return number;
    }

    /** Registers a case the way intake will: number and token, deadlines, stored with its first event. */
    @ActivateRequestContext
    @Transactional
    public String file(TenantRef tenant, Intake intake) {
        currentTenant.set(tenant);
        Instant now = clock.instant();
        Complaint complaint = Complaint.register(numbering.next(now), intake,
                Channel.ONLINE, null, new ServiceLevel.Deadlines(now.plusSeconds(3_600), now.plusSeconds(86_400)),
                clock);
        em.persist(complaint);
        return complaint.number().toString();
    }

    @ActivateRequestContext
    @Transactional
    public void acceptAndReply(TenantRef tenant, String number, String staff) {
        currentTenant.set(tenant);
        Complaint complaint = byNumber(number).orElseThrow();
        complaint.accept(Actor.staff(staff), clock);
        complaint.reply(Actor.staff(staff), "您好，我们已安排师傅明天上门，请您放心。", ForbiddenPhrases.regulations(), clock);
    }

    /** The actions in a case's history, as the given tenant sees it; empty when that tenant has no such case. */
    @ActivateRequestContext
    @Transactional
    public Optional<List<String>> history(TenantRef tenant, String number) {
        currentTenant.set(tenant);
        return byNumber(number).map(c -> c.history().stream().map(CaseEvent::action).toList());
    }

    private Optional<Complaint> byNumber(String number) {
        return em.createNamedQuery(Complaint.BY_NUMBER, Complaint.class).setParameter("number", number)
                .getResultStream().findFirst();
    }
}
