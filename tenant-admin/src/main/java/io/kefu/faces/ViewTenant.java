package io.kefu.faces;

import io.kefu.problem.KefuException;
import io.kefu.tenancy.control.CurrentTenant;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Binds a view to the tenant it was shown for, once for every page: a page's view-scoped beans hold what they
 * read for that tenant (rows, versions), and a person who works for two tenants could post that view back under
 * the other tenant's address, where the beans' actions would act for the tenant of the address. Such a postback
 * is refused before any value is applied or action runs: the page starts again from scratch at that address, with
 * {@code concurrent.change} shown.
 *
 * <p>The tenant goes into the view map, which exists only where a view-scoped bean does (so public pages stay
 * without a session), after the view is first rendered; it is compared after the view is restored.
 */
public final class ViewTenant implements PhaseListener {

    static final String KEY = ViewTenant.class.getName();

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.ANY_PHASE;
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        FacesContext faces = event.getFacesContext();
        UIViewRoot view = faces.getViewRoot();
        Map<String, Object> viewMap = view == null ? null : view.getViewMap(false);
        if (viewMap == null) {
            return;
        }
        CurrentTenant tenant = CDI.current().select(CurrentTenant.class).get();
        Long now = tenant.find().map(t -> t.id()).orElse(null);
        if (event.getPhaseId() == PhaseId.RENDER_RESPONSE && now != null) {
            viewMap.putIfAbsent(KEY, now);
        } else if (event.getPhaseId() == PhaseId.RESTORE_VIEW && faces.isPostback()) {
            Object shownFor = viewMap.get(KEY);
            // A post to an address of no tenant (an error page's form, the sign-out) acts for no tenant: nothing
            // tenant-bound can run there, and signing out must work from any page.
            if (shownFor != null && now != null && !shownFor.equals(now)) {
                startAgain(faces);
            }
        }
    }

    /**
     * The page again from scratch under the address it was posted to (the beans of the other tenant's view are not
     * used for anything), with the refusal shown there.
     */
    private static void startAgain(FacesContext faces) {
        FacesFailures.show(KefuException.conflict("concurrent.change"), null);
        ExternalContext external = faces.getExternalContext();
        external.getFlash().setKeepMessages(true);
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        // The address as the browser sent it: the tenant's path is forwarded to the page's view.
        String uri = (String) request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        String query = (String) request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING);
        if (uri == null) {
            uri = request.getRequestURI();
            query = request.getQueryString();
        }
        try {
            external.redirect(uri + (query == null ? "" : "?" + query));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    @Override
    public void beforePhase(PhaseEvent event) {
        // everything happens after the view is restored or rendered
    }
}
