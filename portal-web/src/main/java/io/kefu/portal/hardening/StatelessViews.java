package io.kefu.portal.hardening;

import io.kefu.portal.identity.PortalAuthentication;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;

/**
 * Views shown to anonymous visitors keep no state on the server, so the landing, intake, tracking and login
 * pages do not give every visitor (or bot) a session. A signed-in caller's views stay stateful: their view
 * state, kept in the session, is also each form's anti-forgery token.
 *
 * <p>The layout's {@code <f:view transient>} says the same, but only once the view is built, which is after
 * PrimeFaces has asked for the view's map to keep its script nonce in (and the map lives in the session). Marking
 * the view here, when it is created, comes before that. Posts of such views are checked by {@link RequestScreen}
 * (same site only); a stateless post to a stateful view is refused by Faces itself.
 */
public class StatelessViews extends ViewHandlerWrapper {

    public StatelessViews(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public UIViewRoot createView(FacesContext context, String viewId) {
        UIViewRoot view = super.createView(context, viewId);
        if (view != null && !signedIn(context)) {
            view.setTransient(true);
        }
        return view;
    }

    static boolean signedIn(FacesContext context) {
        return context.getExternalContext().getRequestMap().get(PortalAuthentication.CALLER) != null;
    }
}
