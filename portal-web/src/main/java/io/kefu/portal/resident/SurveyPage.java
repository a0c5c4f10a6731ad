package io.kefu.portal.resident;

import io.kefu.faces.FacesFailures;
import io.kefu.faces.QuestionView;
import io.kefu.portal.api.PublicLimits;
import io.kefu.portal.api.RateLimited;
import io.kefu.portal.tenancy.TenantPath;
import io.kefu.problem.KefuException;
import io.kefu.survey.boundary.SurveyResponses;
import io.kefu.survey.entity.Invitation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * The resident's post-case survey (/t/{tenant}/survey/{token}): the questions of the invitation the signed
 * link names, answered once. A link that is not valid, expired or already used shows why, in the resident's
 * language, with the matching HTTP status. The token comes from the address; the questions are rebuilt from
 * it on every request, so the page keeps no state between requests.
 */
@Named
@RequestScoped
public class SurveyPage {

    @Inject
    SurveyResponses responses;

    @Inject
    PublicLimits limits;

    @Inject
    HttpServletRequest request;

    private boolean looked;
    private Invitation invitation;
    private List<QuestionView> questions = List.of();
    private KefuException refusal;
    private boolean rateLimited;
    private boolean done;

    private void look() {
        if (looked) {
            return;
        }
        looked = true;
        try {
            limits.check(PublicLimits.Use.TRACKING, request);
            invitation = responses.open(token());
            questions = QuestionView.of(invitation.template().questions(), locale());
        } catch (RateLimited limited) {
            rateLimited = true;
        } catch (KefuException e) {
            refusal = e;
        }
    }

    /** On the first request: the status that says why the survey cannot be answered (404, 409, 410, 429). */
    public void load() {
        look();
        FacesContext faces = FacesContext.getCurrentInstance();
        if (rateLimited) {
            faces.getExternalContext().setResponseStatus(429);
        } else if (refusal != null) {
            faces.getExternalContext().setResponseStatus(switch (refusal.failure()) {
                case GONE -> 410;
                case UNAVAILABLE -> 503;
                case CONFLICT -> 409;
                default -> 404;
            });
        }
    }

    public void submit() {
        look();
        if (invitation == null) {
            return;
        }
        try {
            responses.submit(token(), questions.stream().map(QuestionView::answer).toList());
            done = true;
        } catch (KefuException e) {
            FacesContext faces = FacesContext.getCurrentInstance();
            if (QuestionView.showErrors(questions, e, (key, args) -> FacesFailures.text(faces, key, args))) {
                FacesFailures.info("survey.fix");
                faces.validationFailed();
            } else if (e.fieldFailures().isEmpty()) {
                refusal = e;
            } else {
                FacesFailures.show(e, "survey");
            }
        }
    }

    private String token() {
        return (String) request.getAttribute(TenantPath.PARAMETER);
    }

    private static java.util.Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    public boolean isOpen() {
        look();
        return invitation != null && refusal == null && !rateLimited && !done;
    }

    public boolean isDone() {
        return done;
    }

    public boolean isRateLimited() {
        look();
        return rateLimited;
    }

    /** The message key of why the survey cannot be answered, or null. */
    public String getRefusal() {
        look();
        return refusal == null ? null : refusal.messageKey();
    }

    public String getTitle() {
        look();
        return invitation == null ? null : invitation.template().name().in(locale());
    }

    public String getCaseNumber() {
        look();
        return invitation == null ? null : invitation.complaint().number().toString();
    }

    public java.time.Instant getExpiresAt() {
        look();
        return invitation == null ? null : invitation.expiresAt();
    }

    public List<QuestionView> getQuestions() {
        look();
        return questions;
    }
}
