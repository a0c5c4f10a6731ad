package io.kefu.portal.identity;

import io.kefu.audit.control.CurrentActor;
import io.kefu.identity.boundary.Accounts;
import io.kefu.identity.boundary.Caller;
import io.kefu.portal.guard.AuthenticatedBy;
import io.kefu.portal.guard.LoginThrottling;
import io.kefu.portal.identity.oidc.OidcProvider;
import io.kefu.portal.problem.Problem;
import io.kefu.portal.problem.ProblemResponses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates every request of the portal.
 * <ul>
 * <li>The login page calls {@code SecurityContext.authenticate} with a username and password: on success the
 * session id is renewed (no session fixation) and the username kept in the session.</li>
 * <li>A request of a logged-in session: the account is re-read, so a disabled account is out at once.</li>
 * <li>An API request with {@code Authorization: Basic}: checked every time, no session created; a wrong
 * password is a 401 problem document. Only with local accounts: with Keycloak, passwords are Keycloak's.</li>
 * <li>Both password checks go through {@link LoginThrottling}: after repeated failures the next attempt must
 * wait (the form says how long, Basic answers 429 with {@code Retry-After}), and failures are audited.</li>
 * <li>An API request with {@code Authorization: Bearer} (Keycloak as identity source): the access token is
 * verified every time and names the account by Keycloak's id of the person.</li>
 * <li>Keycloak logins arrive through {@code /oidc/callback}, which puts the username in the session like the
 * login form does.</li>
 * </ul>
 * Anonymous requests pass through: which pages and endpoints need a login is decided after the tenant is
 * known ({@link Access}), because the same rules must hold for {@code /t/{slug}/…} and the API.
 */
@ApplicationScoped
public class PortalAuthentication implements HttpAuthenticationMechanism {

    public static final String SESSION_USER = "kefu.user";
    public static final String CALLER = "kefu.caller";
    /** Request attribute: seconds the login form's next attempt must wait (set when this one was not checked). */
    public static final String LOGIN_DELAY = "kefu.login.delay";
    static final String PLATFORM_ADMIN_GROUP = "PLATFORM_ADMIN";

    @Inject
    Accounts accounts;

    @Inject
    CurrentActor currentActor;

    @Inject
    OidcProvider oidc;

    @Inject
    LoginThrottling logins;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        if (isStaticResource(request)) {
            // Stylesheets, scripts and images need no caller; skipping them saves a database read each.
            return context.doNothing();
        }
        Credential credential = context.getAuthParameters().getCredential();
        if (context.isAuthenticationRequest() && credential instanceof UsernamePasswordCredential login
                && !oidc.enabled()) {
            return formLogin(request, context, login);
        }
        Optional<String> sessionUser = sessionUser(request);
        if (sessionUser.isPresent()) {
            Optional<Caller> caller = accounts.findEnabled(sessionUser.get());
            if (caller.isPresent()) {
                return loggedIn(request, context, caller.get(), AuthenticatedBy.SESSION);
            }
            request.getSession().invalidate();
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return bearer(request, response, context, authorization.substring(7).strip());
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            if (oidc.enabled()) {
                // With Keycloak, passwords are Keycloak's: API clients bring its tokens instead.
                return refuse(request, response, "Bearer realm=\"kefu\"", "auth.use.token");
            }
            return basic(request, response, context, authorization.substring(6).strip());
        }
        return context.doNothing();
    }

    /**
     * A Keycloak access token meant for Kefu, verified on every request (signature, issuer, expiry, audience);
     * it names the person, Kefu's memberships say what they may do. A disabled account is refused although
     * its token has not expired yet.
     */
    private AuthenticationStatus bearer(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context, String token) {
        Optional<Caller> caller = oidc.enabled() ? oidc.verifyAccessToken(token)
                .flatMap(person -> accounts.findEnabledBySubject(person.subject())
                        .or(() -> accounts.findOrLink(person))) : Optional.empty();
        if (caller.isPresent()) {
            return loggedIn(request, context, caller.get(), AuthenticatedBy.BEARER);
        }
        return refuse(request, response, "Bearer realm=\"kefu\", error=\"invalid_token\"", "auth.bad.token");
    }

    private static AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response,
            String challenge, String reason) {
        try {
            response.setHeader("WWW-Authenticate", challenge);
            ProblemResponses.send(request, response, Problem.of(401, reason));
        } catch (IOException e) {
            response.setStatus(401);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private AuthenticationStatus formLogin(HttpServletRequest request, HttpMessageContext context,
            UsernamePasswordCredential login) {
        LoginThrottling.Outcome outcome = logins.authenticate(request, login.getCaller(),
                login.getPassword().getValue(), LoginThrottling.Channel.FORM);
        if (outcome.delayed()) {
            request.setAttribute(LOGIN_DELAY, outcome.retryAfterSeconds());
        }
        if (outcome.caller().isEmpty()) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        Caller caller = outcome.caller().get();
        HttpSession existing = request.getSession(false);
        if (existing != null) {
            request.changeSessionId();
        }
        request.getSession(true).setAttribute(SESSION_USER, caller.username());
        return loggedIn(request, context, caller, AuthenticatedBy.SESSION);
    }

    private AuthenticationStatus basic(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context, String encoded) {
        Optional<String[]> pair = decodeBasic(encoded);
        if (pair.isEmpty()) {
            return refuse(request, response, "Basic realm=\"kefu\", charset=\"UTF-8\"", "auth.bad.credentials");
        }
        LoginThrottling.Outcome outcome = logins.authenticate(request, pair.get()[0], pair.get()[1].toCharArray(),
                LoginThrottling.Channel.BASIC);
        if (outcome.caller().isPresent()) {
            return loggedIn(request, context, outcome.caller().get(), AuthenticatedBy.BASIC);
        }
        if (outcome.delayed()) {
            long wait = outcome.retryAfterSeconds();
            try {
                response.setHeader("Retry-After", Long.toString(wait));
                ProblemResponses.send(request, response, Problem.of(429, "login.throttled", wait));
            } catch (IOException e) {
                response.setStatus(429);
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
        return refuse(request, response, "Basic realm=\"kefu\", charset=\"UTF-8\"", "auth.bad.credentials");
    }

    private AuthenticationStatus loggedIn(HttpServletRequest request, HttpMessageContext context, Caller caller,
            AuthenticatedBy by) {
        request.setAttribute(CALLER, caller);
        by.mark(request);
        currentActor.set(caller.username());
        Set<String> groups = caller.platformAdmin() ? Set.of(PLATFORM_ADMIN_GROUP) : Set.of();
        return context.notifyContainerAboutLogin(caller.username(), groups);
    }

    private static boolean isStaticResource(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // Metrics take no account's credentials, only the scrape token (MetricsGuard).
        return path.startsWith("/jakarta.faces.resource/") || path.startsWith("/webjars/")
                || path.startsWith("/metrics");
    }

    private static Optional<String> sessionUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty()
                : Optional.ofNullable((String) session.getAttribute(SESSION_USER));
    }

    /** {@code user:password} from a Basic header value; empty when it is not valid Base64 or has no colon. */
    static Optional<String[]> decodeBasic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? Optional.empty()
                    : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
