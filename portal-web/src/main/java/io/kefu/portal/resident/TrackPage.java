package io.kefu.portal.resident;

import io.kefu.complaint.boundary.Tracking;
import io.kefu.complaint.entity.CaseAction;
import io.kefu.complaint.entity.CaseEvent;
import io.kefu.complaint.entity.CaseNumber;
import io.kefu.complaint.entity.CaseStatus;
import io.kefu.complaint.entity.Complaint;
import io.kefu.faces.FacesFailures;
import io.kefu.portal.api.PublicLimits;
import io.kefu.portal.api.RateLimited;
import io.kefu.portal.complaint.CallerActor;
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
 * The resident's tracking page (/t/{tenant}/track/{token}, and /t/{tenant}/my/cases/{number} for the signed-in
 * resident who filed the case): where the case stands, the public history, the deadlines and the promised reply
 * time; and what the resident may do now. The token or number comes from the address.
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

    @Inject
    CallerActor caller;

    private Complaint complaint;
    private boolean looked;
    private String text;
    private String comment;

    public Complaint getCase() {
        if (!looked) {
            looked = true;
            try {
                // Every look-up counts, postbacks included: tokens cannot be probed through the page either.
                limits.check(PublicLimits.Use.TRACKING, request);
                complaint = key().flatMap(tracking::find).orElse(null);
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
        run(() -> tracking.addInformation(key().orElseThrow(), text), "track.added");
    }

    public void withdraw() {
        run(() -> tracking.withdraw(key().orElseThrow(), comment), "track.withdrawn");
    }

    public void confirm() {
        run(() -> tracking.confirm(key().orElseThrow(), true, comment), "track.confirmed");
    }

    public void rejectSolution() {
        run(() -> tracking.confirm(key().orElseThrow(), false, comment), "track.reopened");
    }

    private void run(Runnable action, String doneKey) {
        try {
            if (getCase() == null) {
                return;
            }
            action.run();
            complaint = tracking.get(key().orElseThrow());
            text = null;
            comment = null;
            FacesFailures.info(doneKey);
        } catch (RateLimited limited) {
            rateLimited(limited);
        } catch (KefuException failure) {
            FacesFailures.show(failure, "track");
        }
    }

    /**
     * The address names a private link's token ({@code track/{token}}) or, in "my cases", a case number that
     * opens only for the signed-in resident who filed it ({@code my/cases/{number}}).
     */
    private Optional<Tracking.Key> key() {
        String named = (String) request.getAttribute(TenantPath.PARAMETER);
        if (named == null) {
            return Optional.empty();
        }
        return Optional.of(CaseNumber.parse(named).isPresent() ? new Tracking.Own(named, caller.resident())
                : new Tracking.Link(named));
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
