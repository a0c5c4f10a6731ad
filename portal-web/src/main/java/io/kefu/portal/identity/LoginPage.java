package io.kefu.portal.identity;

import java.util.Set;
import java.util.Optional;
import io.kefu.tenancy.entity.TenantRef;
import io.kefu.portal.identity.oidc.OidcProvider;
import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import io.kefu.faces.FacesFailures;
import io.kefu.portal.tenancy.TenantPath;
import io.kefu.tenancy.control.CurrentTenant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.kefu.identity.entity.Role;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.ResourceBundle;

/**
 * The login form, shared by every tenant ({@code /t/{slug}/login}, branded) and the platform
 * ({@code /login.xhtml}). After login the caller goes back where they were sent from, or to the home that
 * fits their roles.
 */
@Named
@RequestScoped
public class LoginPage {

    /** Which home a person with several roles in a tenant lands on first. */
    private static final List<Role> ROLE_PREFERENCE = List.of(Role.STAFF, Role.SUPERVISOR, Role.TENANT_ADMIN,
            Role.RESIDENT);

    @Inject
    SecurityContext securityContext;

    @Inject
    FacesContext faces;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    Access access;

    @Inject
    OidcProvider oidc;

    private String username;
    private String password;
    private String next;

    public void login() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        UsernamePasswordCredential credential = new UsernamePasswordCredential(username == null ? "" : username,
                new Password(password == null ? "" : password));
        AuthenticationStatus status = securityContext.authenticate(request, response,
                withParams().credential(credential).newAuthentication(true));
        if (status == AuthenticationStatus.SUCCESS) {
            external.redirect(request.getContextPath() + destination());
            faces.responseComplete();
        } else if (request.getAttribute(PortalAuthentication.LOGIN_DELAY) instanceof Long wait) {
            // Too many failures: the password was not checked; say how long to wait, as the API's 429 does.
            response.setStatus(429);
            response.setHeader("Retry-After", wait.toString());
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN,
                    FacesFailures.text(faces, "login.throttled", wait), null));
        } else {
            ResourceBundle msg = faces.getApplication().getResourceBundle(faces, "msg");
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, msg.getString("login.failed"), null));
            faces.getExternalContext().getFlash().setKeepMessages(false);
        }
    }

    private String destination() {
        return destination(next, currentTenant.find(), access.roles(), access.isPlatformAdmin());
    }

    /**
     * Where to go after login (with a password here or through Keycloak): the requested page if it is ours,
     * else the home that fits the caller's roles in the tenant they logged in at.
     */
    public static String destination(String next, Optional<TenantRef> tenant,
            Set<Role> roles, boolean platformAdmin) {
        String requested = SafeRedirect.localPath(next);
        if (!"/".equals(requested)) {
            return requested;
        }
        return tenant.map(t -> TenantPath.home(t.slug(), roles.stream().min(Comparator.comparing(
                        role -> ROLE_PREFERENCE.indexOf(role))).orElse(Role.RESIDENT)))
                .orElse(platformAdmin ? "/platform/" : "/");
    }

    /** With Keycloak as identity source the page offers Keycloak's login (and registration) instead of the form. */
    public boolean isKeycloak() {
        return oidc.enabled();
    }

    public String getKeycloakLoginUrl() {
        return keycloakUrl(false);
    }

    /** Residents register themselves, at a tenant; staff are invited. */
    public String getKeycloakRegisterUrl() {
        return keycloakUrl(true);
    }

    private String keycloakUrl(boolean register) {
        StringBuilder url = new StringBuilder(faces.getExternalContext().getRequestContextPath())
                .append("/oidc/login?");
        currentTenant.find().ifPresent(t -> url.append("tenant=").append(t.slug().value()).append('&'));
        if (next != null && !next.isBlank()) {
            url.append("next=").append(java.net.URLEncoder.encode(SafeRedirect.localPath(next),
                    java.nio.charset.StandardCharsets.UTF_8)).append('&');
        }
        if (register) {
            url.append("register=true");
        }
        return url.toString();
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
