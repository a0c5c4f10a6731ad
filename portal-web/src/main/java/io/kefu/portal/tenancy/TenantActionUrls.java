package io.kefu.portal.tenancy;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Keeps forms posting to the tenant address they were shown at. A tenant page is a forward from
 * {@code /t/{slug}/staff/} to {@code /tenant/staff/index.xhtml}; left alone, JSF would post to the physical
 * view path, which has no tenant. For the view being rendered, the action URL is the original address.
 */
public class TenantActionUrls extends ViewHandlerWrapper {

    public TenantActionUrls(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public String getActionURL(FacesContext context, String viewId) {
        Object original = context.getExternalContext().getRequestMap().get(RequestDispatcher.FORWARD_REQUEST_URI);
        if (original instanceof String uri && context.getExternalContext().getRequest() instanceof HttpServletRequest
                request && viewId.equals(request.getServletPath())) {
            return uri;
        }
        return super.getActionURL(context, viewId);
    }
}
