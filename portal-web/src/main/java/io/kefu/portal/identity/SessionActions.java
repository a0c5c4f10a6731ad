package io.kefu.portal.identity;

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
 * image elsewhere can log a user out. Ends the session and lands on the tenant's public page.
 */
@Named
@RequestScoped
public class SessionActions {

    @Inject
    FacesContext faces;

    @Inject
    CurrentTenant currentTenant;

    public void logout() throws IOException, ServletException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        request.logout();
        external.invalidateSession();
        String home = currentTenant.find().map(t -> TenantPath.pageBase(t.slug())).orElse("/");
        external.redirect(request.getContextPath() + home);
        faces.responseComplete();
    }
}
