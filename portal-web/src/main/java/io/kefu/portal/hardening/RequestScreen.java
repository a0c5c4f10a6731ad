package io.kefu.portal.hardening;

import io.kefu.portal.identity.PortalAuthentication;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * Turns away requests no page or endpoint should see, before they reach one (after the headers and the startup gate
 * in {@code web.xml}):
 * <ul>
 * <li>a session id in the address ({@code ;jsessionid=…}): sessions live in the cookie only, so a link cannot
 * plant or carry one (400);</li>
 * <li>an address longer than {@value #MAX_TARGET} characters (414): no page or endpoint takes one, and the
 * answer is a proper one instead of the server dropping the connection;</li>
 * <li>Jersey's generated WADL documents, which name the product and its version (404; {@code /openapi} is the
 * API's description);</li>
 * <li>on pages, methods other than {@code GET}, {@code HEAD} and {@code POST} (405 with {@code Allow}); the API,
 * health, metrics and OpenAPI answer for their own methods;</li>
 * <li>form posts to pages from another site (403): a browser names the page a form came from in {@code Origin}
 * and {@code Sec-Fetch-Site}. Together with the session cookie's {@code SameSite=Lax} and the view state, this is
 * the pages' protection against cross-site request forgery, also for the views that keep no state (anonymous
 * visitors) and the login form. Requests without either header (scripts, old browsers) rely on the view
 * state.</li>
 * </ul>
 */
public class RequestScreen extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /**
     * Path and query together: twice what servers commonly accept and far beyond any address the portal hands out,
     * so a long but sane link still works (the server itself reads up to 64 KiB, see pre-boot-commands.asadmin).
     */
    static final int MAX_TARGET = 16384;
    static final String PAGE_METHODS = "GET, HEAD, POST";
    private static final Set<String> ALLOWED_ON_PAGES = Set.of("GET", "HEAD", "POST");
    /** Endpoints with their own method handling (JAX-RS, Payara's MicroProfile servlets). */
    private static final Set<String> OWN_METHODS = Set.of("/api/", "/health", "/metrics", "/openapi");

    @Inject
    HardeningSettings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String target = request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        if (request.isRequestedSessionIdFromURL()
                || request.getRequestURI().toLowerCase(Locale.ROOT).contains(";jsessionid")) {
            // Authentication has already read that session: its user must not even show on the refusal page.
            request.removeAttribute(PortalAuthentication.CALLER);
            Refusal.send(request, response, 400, "request.session.in.url");
        } else if (target.length() > MAX_TARGET) {
            Refusal.send(request, response, 414, "request.target.too.long");
        } else if (Refusal.path(request).endsWith(".wadl")) {
            // Jersey's generated WADL (e.g. /openapi/application.wadl) names Jersey and its version.
            Refusal.sendProblem(request, response, 404, "problem.detail.404");
        } else if (isPage(request) && !ALLOWED_ON_PAGES.contains(request.getMethod())) {
            response.setHeader("Allow", PAGE_METHODS);
            Refusal.send(request, response, 405, "error.detail.405");
        } else if (isPage(request) && "POST".equals(request.getMethod()) && fromAnotherSite(request)) {
            Refusal.send(request, response, 403, "request.cross.site.form");
        } else {
            chain.doFilter(request, response);
        }
    }

    private static boolean isPage(HttpServletRequest request) {
        String path = Refusal.path(request);
        return OWN_METHODS.stream().noneMatch(path::startsWith);
    }

    /**
     * Whether a browser says this post comes from a page of another site. {@code Sec-Fetch-Site} other than
     * {@code same-origin} or {@code none} (typed by the user), or an {@code Origin} that is neither the address the
     * request came to nor the configured public address (a proxy in front may speak https to the browser).
     */
    private boolean fromAnotherSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        String claimed = origin.strip().toLowerCase(Locale.ROOT);
        return !claimed.equals(ownOrigin(request)) && !settings.publicOrigin().map(claimed::equals).orElse(false);
    }

    private static String ownOrigin(HttpServletRequest request) {
        return HardeningSettings.origin(request.getScheme() + "://" + request.getServerName() + ":"
                + request.getServerPort()).orElse("");
    }
}
