package io.kefu.portal.identity.oidc;

import java.util.EnumSet;
import java.util.Collections;
import io.kefu.problem.Failure;
import io.kefu.identity.entity.Role;
import io.kefu.admin.keycloak.KeycloakDirectory;
import io.kefu.identity.boundary.Accounts;
import io.kefu.identity.boundary.ExternalPerson;
import io.kefu.portal.i18n.LocaleSelection;
import io.kefu.portal.identity.LoginPage;
import io.kefu.portal.identity.PortalAuthentication;
import io.kefu.portal.problem.ErrorPage;
import io.kefu.portal.tenancy.TenantPath;
import io.kefu.problem.KefuException;
import io.kefu.tenancy.boundary.Tenants;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.tenancy.entity.TenantRef;
import io.kefu.tenancy.entity.TenantSlug;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The browser's way through Keycloak: {@code /oidc/login} sends it to Keycloak's login (or registration) page
 * with a fresh state, nonce and PKCE challenge kept in the session; {@code /oidc/callback} takes it back,
 * trades the code for tokens, verifies the ID token and starts Kefu's session under a new session id.
 * Whoever arrives for the first time from a tenant's page becomes a resident there (residents register
 * themselves); staff and admins are invited and linked by their verified e-mail.
 */
@WebServlet(urlPatterns = {"/oidc/login", "/oidc/callback"})
public class OidcLoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(OidcLoginServlet.class.getName());
    static final String PENDING = "kefu.oidc.pending";
    public static final String ID_TOKEN = "kefu.oidc.idToken";
    /** Logins begun in other tabs that may still come back; older ones are forgotten. */
    private static final int MAX_PENDING = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

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

    /** A login on its way through Keycloak. */
    record Pending(String verifier, String nonce, String tenantSlug, String next) implements Serializable {
    }

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
        String state = random();
        String verifier = random();
        String nonce = random();
        pending(request.getSession(true)).put(state, new Pending(verifier, nonce,
                tenant.map(t -> t.slug().value()).orElse(null), request.getParameter("next")));
        Locale locale = language.getLocale();
        response.sendRedirect(provider.authorizationUrl(callbackUrl(request), state, nonce, challenge(verifier),
                "true".equals(request.getParameter("register")), "zh".equals(locale.getLanguage()) ? "zh-CN" : "en"));
    }

    private void callback(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        String state = request.getParameter("state");
        Pending pending = session == null || state == null ? null : pending(session).remove(state);
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
            OidcProvider.Tokens tokens = provider.exchange(request.getParameter("code"), callbackUrl(request),
                    pending.verifier());
            JsonObject claims = provider.verifyIdToken(tokens.idToken(), pending.nonce());
            ExternalPerson person = OidcProvider.person(claims);
            Optional<TenantRef> registeringIn = tenant.filter(TenantRef::isActive);
            // Registering as a resident writes that tenant's membership: done as that tenant, as the database requires.
            Accounts.SignIn signIn = registeringIn.isPresent() ? currentTenant.runAs(registeringIn.get(),
                    () -> accounts.signIn(person, registeringIn.map(TenantRef::id)))
                    : accounts.signIn(person, Optional.empty());
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

    /** The organization shows the resident in Keycloak's console; a failure there must not undo their login. */
    private void joinOrganization(TenantRef tenant, String subject) {
        try {
            directory.joinOrganization(tenant, subject);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Could not add a new resident to the organization of " + tenant.slug().value()
                    + ": " + e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Pending> pending(HttpSession session) {
        synchronized (session) {
            Object stored = session.getAttribute(PENDING);
            if (stored instanceof Map<?, ?> map) {
                return (Map<String, Pending>) map;
            }
            Map<String, Pending> created = Collections.synchronizedMap(
                    new LinkedHashMap<String, Pending>(8, 0.75f, false) {
                        private static final long serialVersionUID = 1L;

                        @Override
                        protected boolean removeEldestEntry(Map.Entry<String, Pending> eldest) {
                            return size() > MAX_PENDING;
                        }
                    });
            session.setAttribute(PENDING, created);
            return created;
        }
    }

    static String callbackUrl(HttpServletRequest request) {
        String url = request.getRequestURL().toString();
        return url.substring(0, url.indexOf("/oidc/")) + "/oidc/callback";
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String key)
            throws IOException {
        request.setAttribute(ErrorPage.REASON, key);
        response.sendError(status);
    }
}
