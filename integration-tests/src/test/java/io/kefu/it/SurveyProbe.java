package io.kefu.it;

import io.kefu.complaint.boundary.Cases;
import io.kefu.survey.boundary.Invitations;
import io.kefu.survey.boundary.SigningKeys;
import io.kefu.survey.boundary.SurveyDispatch;
import io.kefu.survey.entity.Invitation;
import io.kefu.survey.entity.SurveyLink;
import io.kefu.tenancy.boundary.Tenants;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.tenancy.entity.TenantRef;
import io.kefu.tenancy.entity.TenantSlug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Test support deployed with {@link SurveyIT}: runs the invitation job at a chosen time, signs links. */
@ApplicationScoped
public class SurveyProbe {

    @Inject
    SurveyDispatch dispatch;

    @Inject
    Tenants tenants;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    Links links;

    /** One round of the invitation job as of {@code now}: how many it sent. */
    @ActivateRequestContext
    public int round(Instant now) {
        return dispatch.round(now);
    }

    /** Whether the case has an invitation at all (sampled and a template published). */
    @ActivateRequestContext
    public boolean invited(String slug, String number) {
        return currentTenant.runAs(tenant(slug), () -> links.invitation(number) != null);
    }

    /** A correctly signed link to the case's invitation that expired an hour ago. */
    @ActivateRequestContext
    public String expiredToken(String slug, String number) {
        return currentTenant.runAs(tenant(slug), () -> links.expired(number));
    }

    /** The bodies of queued or sent mails to {@code recipient} whose subject names the case. */
    @ActivateRequestContext
    public java.util.List<String> mails(String recipient, String number) {
        return links.mails(recipient, number);
    }

    private TenantRef tenant(String slug) {
        return tenants.getBySlug(new TenantSlug(slug));
    }

    /** Reads and signs in a transaction of the current tenant. */
    @ApplicationScoped
    @Transactional
    public static class Links {

        @Inject
        Cases cases;

        @Inject
        Invitations invitations;

        @Inject
        SigningKeys keys;

        @jakarta.persistence.PersistenceContext(unitName = "kefu")
        jakarta.persistence.EntityManager em;

        @Inject
        io.kefu.tenancy.control.TenantPersistence persistence;

        /** The outbox across tenants, as the mail job reads it (the database admits that reach only). */
        public java.util.List<String> mails(String recipient, String number) {
            persistence.reach(io.kefu.tenancy.control.Reach.MAIL);
            return em.createQuery("SELECT m.body FROM OutboundMail m WHERE m.recipient = :recipient "
                    + "AND m.subject LIKE :number", String.class).setParameter("recipient", recipient)
                    .setParameter("number", "%" + number + "%").getResultList();
        }

        public Invitation invitation(String number) {
            return invitations.find(cases.get(number)).orElse(null);
        }

        public String expired(String number) {
            Invitation invitation = invitation(number);
            return keys.signer().sign(new SurveyLink(invitation.id(), Instant.now().minusSeconds(3600)
                    .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        }
    }
}
