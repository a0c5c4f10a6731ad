package io.kefu.portal.identity.oidc;

import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import io.kefu.admin.keycloak.KeycloakDirectory;
import io.kefu.admin.keycloak.KeycloakSettings;
import io.kefu.identity.boundary.Accounts;
import io.kefu.identity.boundary.ExternalPerson;
import io.kefu.identity.entity.Role;
import io.kefu.portal.i18n.LocaleSelection;
import io.kefu.portal.identity.LoginPage;
import io.kefu.portal.identity.PortalAuthentication;
import io.kefu.portal.problem.ErrorPage;
import io.kefu.portal.tenancy.TenantPath;
import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import io.kefu.problem.Writes;
import io.kefu.tenancy.boundary.Tenants;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.tenancy.entity.TenantRef;
import io.kefu.tenancy.entity.TenantSlug;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The browser's way through Keycloak: {@code /oidc/login} sends it to Keycloak's login (or registration) page
 * with a fresh state, nonce and PKCE verifier kept in the session ({@link PendingLogins}, shared by the nodes;
 * made and encoded by {@code oauth2-oidc-sdk});
 * {@code /oidc/callback} takes it back, trades the code for tokens, has the library validate the ID token and
 * starts Kefu's session under a new session id. Both addresses Keycloak sees are built from the public address.
 * Whoever arrives for the first time from a tenant's page becomes a resident there (residents register
 * themselves); staff and admins are invited and linked by their verified e-mail.
 */
@WebServlet(urlPatterns = {"/oidc/login", OidcLoginServlet.CALLBACK})
public class OidcLoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(OidcLoginServlet.class.getName());
    static final String CALLBACK = "/oidc/callback";
    public static final String ID_TOKEN = "kefu.oidc.idToken";

    @Inject
    OidcProvider provider;

    @Inject
    Accounts accounts;

    @Inject
    Tenants tenants;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    KeycloakDirectory directory;

    @Inject
    LocaleSelection language;

    @Inject
    KeycloakSettings settings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!provider.enabled()) {
            response.sendError(404);
            return;
        }
        if (request.getServletPath().endsWith("/login")) {
            start(request, response);
        } else {
            callback(request, response);
        }
    }

    private void start(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<TenantRef> tenant = Optional.empty();
        String slug = request.getParameter("tenant");
        if (slug != null && !slug.isBlank()) {
            tenant = TenantSlug.parse(slug).flatMap(tenants::findBySlug).filter(TenantRef::isActive);
            if (tenant.isEmpty()) {
                refuse(request, response, 404, "tenant.not.found.detail");
                return;
            }
        }
        State state = new State();
        CodeVerifier verifier = new CodeVerifier();
        Nonce nonce = new Nonce();
        PendingLogins.add(request.getSession(true), state.getValue(), new PendingLogins.Pending(verifier.getValue(),
                nonce.getValue(), tenant.map(t -> t.slug().value()).orElse(null), request.getParameter("next")));
        Locale locale = language.getLocale();
        response.sendRedirect(provider.authorizationUrl(callbackUrl(), state, nonce, verifier,
                "true".equals(request.getParameter("register")), "zh".equals(locale.getLanguage()) ? "zh-CN" : "en")
                .toString());
    }

    private void callback(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        String state = request.getParameter("state");
        PendingLogins.Pending pending = session == null || state == null ? null
                : PendingLogins.take(session, state).orElse(null);
        if (pending == null) {
            refuse(request, response, 400, "login.oidc.expired");
            return;
        }
        Optional<TenantRef> tenant = Optional.ofNullable(pending.tenantSlug())
                .flatMap(TenantSlug::parse).flatMap(tenants::findBySlug);
        if (request.getParameter("error") != null || request.getParameter("code") == null) {
            // Cancelled at Keycloak: back to where the login began, still logged out.
            response.sendRedirect(request.getContextPath()
                    + tenant.map(t -> TenantPath.pageBase(t.slug())).orElse("/"));
            return;
        }
        try {
            OidcProvider.Tokens tokens = provider.exchange(request.getParameter("code"), callbackUrl(),
                    new CodeVerifier(pending.verifier()));
            ExternalPerson person = provider.verifyIdToken(tokens.idToken(), new Nonce(pending.nonce()));
            Optional<TenantRef> registeringIn = tenant.filter(TenantRef::isActive);
            Accounts.SignIn signIn = signIn(person, registeringIn);
            if (signIn.created() && registeringIn.isPresent()) {
                joinOrganization(registeringIn.get(), person.subject());
            }
            request.changeSessionId();
            session.setAttribute(PortalAuthentication.SESSION_USER, signIn.caller().username());
            session.setAttribute(ID_TOKEN, tokens.idToken());
            String home = LoginPage.destination(pending.next(), tenant,
                    tenant.map(t -> currentTenant.runAs(t, () -> accounts.rolesIn(signIn.caller().username(), t.id())))
                            .orElse(EnumSet.noneOf(Role.class)),
                    signIn.caller().platformAdmin());
            response.sendRedirect(request.getContextPath() + home);
        } catch (KefuException e) {
            refuse(request, response, e.failure() == Failure.FORBIDDEN ? 403 : 409, e.messageKey());
        } catch (OidcFailure e) {
            LOG.warning(() -> "Keycloak login failed: " + e.getMessage());
            refuse(request, response, 502, "login.oidc.failed");
        }
    }

    /**
     * The account of the person Keycloak vouches for. Their first login can run twice at the same moment (two
     * tabs, a double click on Keycloak's button): both find no account and make one, and the slower one meets the
     * faster one's account as a duplicate key. It then signs in once more, now to that account.
     */
    private Accounts.SignIn signIn(ExternalPerson person, Optional<TenantRef> registeringIn) {
        for (int attempt = 1;; attempt++) {
            try {
                // Registering as a resident writes that tenant's membership: done as that tenant, as the database
                // requires.
                return registeringIn.isPresent() ? currentTenant.runAs(registeringIn.get(),
                        () -> accounts.signIn(person, registeringIn.map(TenantRef::id)))
                        : accounts.signIn(person, Optional.empty());
            } catch (KefuException e) {
                if (attempt > 1 || !Writes.DUPLICATE.equals(e.messageKey())) {
                    throw e;
                }
                LOG.info(() -> "Two first logins of " + person.username() + " at once; the second joins the first");
            }
        }
    }

    /** The organization shows the resident in Keycloak's console; a failure there must not undo their login. */
    private void joinOrganization(TenantRef tenant, String subject) {
        try {
            directory.joinOrganization(tenant, subject);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Could not add a new resident to the organization of " + tenant.slug().value()
                    + ": " + e);
        }
    }

    /**
     * Where Keycloak sends the browser back: below the portal's public address ({@code kefu.public.url}), never
     * the address this request came in on, which behind a proxy that ends TLS is the proxy's inner http one.
     */
    private URI callbackUrl() {
        return URI.create(settings.publicUrl() + CALLBACK);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String key)
            throws IOException {
        request.setAttribute(ErrorPage.REASON, key);
        response.sendError(status);
    }
}
