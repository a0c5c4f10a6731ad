package io.kefu.portal.identity;

import io.kefu.admin.keycloak.KeycloakSettings;
import io.kefu.portal.identity.oidc.OidcLoginServlet;
import io.kefu.portal.identity.oidc.OidcProvider;
import io.kefu.portal.tenancy.TenantPath;
import io.kefu.tenancy.control.CurrentTenant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/**
 * Logout, from the header of every page. A POST (with the view state as its CSRF token), so no link or
 * image elsewhere can log a user out. Ends the session (and Keycloak's, when it is the identity source) and
 * lands on the tenant's public page.
 */
@Named
@RequestScoped
public class SessionActions {

    @Inject
    FacesContext faces;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    OidcProvider oidc;

    @Inject
    KeycloakSettings settings;

    public void logout() throws IOException, ServletException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        jakarta.servlet.http.HttpSession session = request.getSession(false);
        String idToken = session == null ? null : (String) session.getAttribute(OidcLoginServlet.ID_TOKEN);
        request.logout();
        external.invalidateSession();
        String page = currentTenant.find().map(t -> TenantPath.pageBase(t.slug())).orElse("/");
        if (oidc.enabled()) {
            // End the Keycloak session too, or the next login would pass through Keycloak without a password.
            // Back to the public address (as in mailed links): the request's own is the inner one behind a TLS proxy.
            external.redirect(oidc.logoutUrl(idToken, settings.publicUrl() + page));
        } else {
            external.redirect(request.getContextPath() + page);
        }
        faces.responseComplete();
    }
}
