package io.kefu.portal.resident;

import io.kefu.faces.FacesFailures;
import io.kefu.faces.QuestionView;
import io.kefu.identity.boundary.Caller;
import io.kefu.identity.entity.Role;
import io.kefu.portal.api.PublicLimits;
import io.kefu.portal.api.RateLimited;
import io.kefu.portal.identity.Access;
import io.kefu.portal.tenancy.TenantPath;
import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import io.kefu.survey.boundary.Campaigns;
import io.kefu.survey.entity.Campaign;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * A campaign's questionnaire (/t/{tenant}/survey/campaign/{key}), from the printed QR code or a link: the same
 * questions as the post-case survey, answered anonymously or, for a named campaign, by a signed-in resident
 * once. Before it opens, after it closes, or for an unknown link, it says so with the matching status.
 */
@Named
@RequestScoped
public class CampaignPage {

    @Inject
    Campaigns campaigns;

    @Inject
    PublicLimits limits;

    @Inject
    Access access;

    @Inject
    HttpServletRequest request;

    private boolean looked;
    private Campaign campaign;
    private List<QuestionView> questions = List.of();
    private KefuException refusal;
    private boolean rateLimited;
    private boolean done;
    private String invitation;

    private void look() {
        if (looked) {
            return;
        }
        looked = true;
        try {
            limits.check(PublicLimits.Use.TRACKING, request);
            campaign = campaigns.open((String) request.getAttribute(TenantPath.PARAMETER));
            questions = QuestionView.of(campaign.template().questions(),
                    FacesContext.getCurrentInstance().getViewRoot().getLocale());
        } catch (RateLimited limited) {
            rateLimited = true;
        } catch (KefuException e) {
            refusal = e;
        }
    }

    public void load() {
        look();
        if (rateLimited || refusal != null) {
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(rateLimited ? 429
                    : switch (refusal.failure()) {
                        case GONE -> 410;
                        case UNAVAILABLE -> 503;
                        case CONFLICT -> 409;
                        default -> 404;
                    });
        }
    }

    public void submit() {
        look();
        if (campaign == null || isLoginNeeded()) {
            return;
        }
        try {
            campaigns.submit((String) request.getAttribute(TenantPath.PARAMETER), invitation, resident(),
                    questions.stream().map(QuestionView::answer).toList());
            done = true;
        } catch (KefuException e) {
            FacesContext faces = FacesContext.getCurrentInstance();
            if (QuestionView.showErrors(questions, e, (key, args) -> FacesFailures.text(faces, key, args))) {
                FacesFailures.info("survey.fix");
                faces.validationFailed();
            } else if (e.failure() != Failure.INVALID) {
                refusal = e;
            } else {
                FacesFailures.show(e, "survey");
            }
        }
    }

    private String resident() {
        return access.roles().contains(Role.RESIDENT) ? access.caller().map(Caller::username).orElse(null) : null;
    }

    /** The personal invitation's key from the link ({@code ?i=}), kept through the answer's post. */
    public String getInvitation() {
        return invitation;
    }

    public void setInvitation(String invitation) {
        this.invitation = invitation;
    }

    /** A named campaign asks its residents to sign in first. */
    public boolean isLoginNeeded() {
        look();
        return campaign != null && !campaign.anonymous() && resident() == null;
    }

    public boolean isOpen() {
        look();
        return campaign != null && refusal == null && !rateLimited && !done;
    }

    public boolean isDone() {
        return done;
    }

    public boolean isRateLimited() {
        look();
        return rateLimited;
    }

    public String getRefusal() {
        look();
        return refusal == null ? null : refusal.messageKey();
    }

    public String getTitle() {
        look();
        return campaign == null ? null
                : campaign.name().in(FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    public Campaign getCampaign() {
        look();
        return campaign;
    }

    public List<QuestionView> getQuestions() {
        look();
        return questions;
    }
}
