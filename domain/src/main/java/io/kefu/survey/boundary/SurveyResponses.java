package io.kefu.survey.boundary;

import io.kefu.complaint.entity.Complaint;
import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import io.kefu.problem.Writes;
import io.kefu.survey.entity.AnswerInput;
import io.kefu.survey.entity.Invitation;
import io.kefu.survey.entity.ResponseChannel;
import io.kefu.survey.entity.SurveyLink;
import io.kefu.survey.entity.SurveyResponse;
import io.kefu.survey.entity.SurveyTemplate;
import io.kefu.tenancy.control.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * Answers to surveys: the resident's, through the signed link of an invitation (once), and those staff record
 * on a callback. A response is stored with all its answers or not at all.
 */
@ApplicationScoped
@Transactional
public class SurveyResponses {

    @Inject
    EntityManager em;

    @Inject
    SigningKeys keys;

    @Inject
    SurveyTemplates templates;

    @Inject
    CurrentTenant tenant;

    @Inject
    Clock clock;

    /**
     * The invitation a link opens, when it may still be answered: a malformed, tampered or other tenant's link
     * is not found (404), an expired one gone (410), an answered one a conflict (409).
     */
    public Invitation open(String token) {
        SurveyLink link = keys.signer().verify(token, clock.instant());
        Invitation invitation = em.find(Invitation.class, link.invitationId());
        if (invitation == null || !link.expiresAt().equals(invitation.expiresAt())) {
            throw KefuException.notFound("survey.link.invalid");
        }
        invitation.checkOpen(clock.instant());
        return invitation;
    }

    /** The resident's answers through a link; the stored response's id. */
    public long submit(String token, List<AnswerInput> answers) {
        Invitation invitation = open(token);
        SurveyResponse response = SurveyResponse.about(invitation.complaint(), invitation, invitation.template(),
                ResponseChannel.POST_CASE, null, answers, tenant.get().zone(), clock);
        invitation.responded(clock);
        return store(response, "survey.link.used");
    }

    /**
     * The answers a staff member took down on the callback of a case, to the tenant's callback questionnaire:
     * checked like a resident's, counted in the results (channel {@code CALLBACK}); the stored response's id.
     * One per case.
     */
    public long submitForCallback(Complaint complaint, String staffUsername, List<AnswerInput> answers) {
        SurveyTemplate form = templates.callbackForm()
                .orElseThrow(() -> KefuException.conflict("survey.callback.none"));
        SurveyResponse response = SurveyResponse.about(complaint, null, form, ResponseChannel.CALLBACK,
                staffUsername, answers, tenant.get().zone(), clock);
        return store(response, "survey.callback.answered");
    }

    /** Whether the case's callback questionnaire was already answered (one per case). */
    public boolean answeredOnCallback(Complaint complaint) {
        return em.createQuery("SELECT COUNT(r) FROM SurveyResponse r WHERE r.complaint = :complaint "
                + "AND r.channel = :channel", Long.class).setParameter("complaint", complaint)
                .setParameter("channel", ResponseChannel.CALLBACK).getSingleResult() > 0;
    }

    private long store(SurveyResponse response, String duplicateKey) {
        em.persist(response);
        try {
            Writes.flush(em);
        } catch (KefuException e) {
            if (e.failure() == Failure.CONFLICT) {
                // The same link or case answered at the same moment by another request: one response only.
                throw KefuException.conflict(duplicateKey);
            }
            throw e;
        }
        return response.id();
    }
}
