package io.kefu.survey.boundary;

import io.kefu.complaint.entity.CaseClosed;
import io.kefu.complaint.entity.Complaint;
import io.kefu.notice.boundary.Notices;
import io.kefu.survey.entity.Invitation;
import io.kefu.survey.entity.SurveyLink;
import io.kefu.survey.entity.SurveySettings;
import io.kefu.survey.entity.SurveyTemplate;
import io.kefu.tenancy.control.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Post-case survey invitations: made when a case closes (for the sampled share of cases, once per case, when a
 * post-case template is published), sent by {@link SurveyDispatch} when due, and shown as a signed link.
 */
@ApplicationScoped
@Transactional
public class Invitations {

    @Inject
    EntityManager em;

    @Inject
    SurveyRules rules;

    @Inject
    SurveyTemplates templates;

    @Inject
    SigningKeys keys;

    @Inject
    Notices notices;

    @Inject
    CurrentTenant tenant;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "kefu.public.url", defaultValue = "http://localhost:8080")
    String publicUrl;

    /** Inside the closing transaction: a case that fails to close invites nobody. */
    void onClosed(@Observes CaseClosed closed) {
        invite(closed.complaint());
    }

    /** The invitation this closed case gets, if it is sampled, has none yet, and a template is published. */
    public Optional<Invitation> invite(Complaint complaint) {
        SurveySettings settings = rules.settings();
        if (!settings.samples(tenant.get().id(), complaint.number().toString()) || find(complaint).isPresent()) {
            return Optional.empty();
        }
        Optional<SurveyTemplate> template = templates.postCaseForm();
        if (template.isEmpty()) {
            return Optional.empty();
        }
        Invitation invitation = new Invitation(complaint, template.get(), settings.delay(), clock);
        em.persist(invitation);
        return Optional.of(invitation);
    }

    public Optional<Invitation> find(Complaint complaint) {
        return em.createNamedQuery(Invitation.OF_CASE, Invitation.class).setParameter("complaint", complaint)
                .getResultStream().findFirst();
    }

    /**
     * The invitations due at {@code now} and not sent yet, oldest first, a round's worth. In a transaction of
     * its own, like {@link #send}: the job calls both once per tenant, and a transaction never changes tenant.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Long> due(Instant now) {
        return em.createNamedQuery(Invitation.DUE, Long.class).setParameter("now", now.atOffset(ZoneOffset.UTC))
                .setParameter("closed", io.kefu.complaint.entity.CaseStatus.CLOSED).setMaxResults(500).getResultList();
    }

    /**
     * Sends one invitation as of {@code now}: marks it sent with its expiry (only if nobody did, so two nodes
     * never send it twice) and queues the mail in the same transaction. True when this call sent it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean send(long id, Instant now) {
        Instant expires = now.plus(rules.settings().validity()).truncatedTo(ChronoUnit.SECONDS);
        int marked = em.createNamedQuery(Invitation.SEND).setParameter("id", id)
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .setParameter("expires", expires.atOffset(ZoneOffset.UTC))
                .executeUpdate();
        if (marked != 1) {
            return false;
        }
        Invitation invitation = em.find(Invitation.class, id);
        em.refresh(invitation);
        notices.inviteToSurvey(invitation.complaint(), address(token(invitation)));
        return true;
    }

    /** The token of the survey link of a sent invitation. */
    public String token(Invitation invitation) {
        return keys.signer().sign(new SurveyLink(invitation.id(), invitation.expiresAt()));
    }

    /** The survey link the tracking page shows: the case's sent, unanswered, unexpired invitation. */
    public Optional<String> openLink(Complaint complaint) {
        return find(complaint).filter(i -> i.isOpen(clock.instant())).map(i -> "survey/" + token(i));
    }

    private String address(String token) {
        return publicUrl + "/t/" + tenant.get().slug().value() + "/survey/" + token;
    }
}
