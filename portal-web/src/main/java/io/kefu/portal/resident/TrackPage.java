package io.kefu.portal.resident;

import io.kefu.complaint.boundary.Tracking;
import io.kefu.complaint.entity.CaseAction;
import io.kefu.complaint.entity.CaseEvent;
import io.kefu.complaint.entity.CaseStatus;
import io.kefu.complaint.entity.Complaint;
import io.kefu.faces.FacesFailures;
import io.kefu.portal.api.PublicLimits;
import io.kefu.portal.api.RateLimited;
import io.kefu.portal.tenancy.TenantPath;
import io.kefu.problem.KefuException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;

/**
 * The resident's tracking page (/t/{tenant}/track/{token}): where the case stands, the public history, the
 * deadlines and the promised reply time; and what the resident may do now. The token comes from the address.
 */
@Named
@RequestScoped
public class TrackPage {

    @Inject
    Tracking tracking;

    @Inject
    PublicLimits limits;

    @Inject
    io.kefu.survey.boundary.Invitations invitations;

    @Inject
    HttpServletRequest request;

    private Complaint complaint;
    private boolean looked;
    private String text;
    private String comment;

    public Complaint getCase() {
        if (!looked) {
            looked = true;
            String token = (String) request.getAttribute(TenantPath.PARAMETER);
            try {
                // Every look-up counts, postbacks included: tokens cannot be probed through the page either.
                limits.check(PublicLimits.Use.TRACKING, request);
                complaint = Optional.ofNullable(token).flatMap(tracking::find).orElse(null);
            } catch (RateLimited limited) {
                rateLimited(limited);
            }
        }
        return complaint;
    }

    /** The post-case survey's address below the tenant ({@code survey/{token}}) once sent and still open. */
    public String getSurveyLink() {
        return getCase() == null ? null : invitations.openLink(getCase()).orElse(null);
    }

    public List<CaseEvent> getTimeline() {
        if (getCase() == null) {
            return List.of();
        }
        List<CaseEvent> events = new java.util.ArrayList<>(getCase().history().stream().filter(CaseEvent::isPublic)
                .toList());
        java.util.Collections.reverse(events);
        return events;
    }

    public boolean may(String action) {
        return getCase() != null && getCase().allowedActions().contains(CaseAction.valueOf(action))
                && (!action.equals("REOPEN") || getCase().status() == CaseStatus.CALLBACK_PENDING);
    }

    public void addInformation() {
        run(() -> tracking.addInformation(token(), text), "track.added");
    }

    public void withdraw() {
        run(() -> tracking.withdraw(token(), comment), "track.withdrawn");
    }

    public void confirm() {
        run(() -> tracking.confirm(token(), true, comment), "track.confirmed");
    }

    public void rejectSolution() {
        run(() -> tracking.confirm(token(), false, comment), "track.reopened");
    }

    private void run(Runnable action, String doneKey) {
        try {
            if (getCase() == null) {
                return;
            }
            action.run();
            complaint = tracking.get(token());
            text = null;
            comment = null;
            FacesFailures.info(doneKey);
        } catch (RateLimited limited) {
            rateLimited(limited);
        } catch (KefuException failure) {
            FacesFailures.show(failure, "track");
        }
    }

    private String token() {
        return (String) request.getAttribute(TenantPath.PARAMETER);
    }

    private static void rateLimited(RateLimited limited) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN,
                FacesFailures.text(faces, "rate.limited", (limited.retryAfterSeconds() + 59) / 60), null));
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }
}
