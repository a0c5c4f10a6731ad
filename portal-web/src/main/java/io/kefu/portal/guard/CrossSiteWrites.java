package io.kefu.portal.guard;

import io.kefu.portal.problem.Problem;
import io.kefu.portal.problem.ProblemResponses;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses API writes that another site could have made a signed-in person's browser send (cross-site request
 * forgery). A page elsewhere can submit a form or a {@code text/plain} body to our API, and the browser adds
 * the person's session cookie; the probe disabled people, imported residents and suspended tenants that way.
 *
 * <p>The defence is the one OWASP's CSRF cheat sheet gives for APIs ("employing custom request headers for
 * AJAX/API"): a write carried by the session cookie must bear {@value #HEADER}. A form cannot set a header, and a
 * script on another origin that tries is stopped by the browser's CORS preflight, which Kefu never grants; the
 * header needs no token to keep, so it works on every node of a cluster. As defence in depth (the cheat sheet's
 * Fetch Metadata check), a write whose {@code Sec-Fetch-Site} says another site made it is refused even with the
 * header, and so is one with HTTP Basic: a browser re-sends Basic credentials it once prompted for on its own,
 * exactly like a cookie. Scripts send no {@code Sec-Fetch-*} headers: Basic and Bearer clients notice nothing,
 * and anonymous writes (filing, tracking) stay open to forms on a tenant's own web site, which carry nobody's
 * authority. Reads are never refused here: they change nothing and CORS keeps their answers from other sites.
 */
@WebFilter(urlPatterns = "/api/*", dispatcherTypes = DispatcherType.REQUEST, asyncSupported = true)
public class CrossSiteWrites extends HttpFilter {

    /** The header Kefu's own scripts send with writes (any value; jQuery and others send {@code XMLHttpRequest}). */
    public static final String HEADER = "X-Requested-With";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    /** {@code Sec-Fetch-Site} values of requests that our own pages or the person made. */
    private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (refused(request.getMethod(), AuthenticatedBy.of(request), request.getHeader(HEADER),
                request.getHeader("Sec-Fetch-Site"))) {
            ProblemResponses.send(request, response, Problem.of(403, "request.cross.site"));
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean refused(String method, Optional<AuthenticatedBy> caller, String requestedWith, String fetchSite) {
        if (SAFE_METHODS.contains(method) || caller.isEmpty() || caller.get() == AuthenticatedBy.BEARER) {
            return false;
        }
        boolean fromAnotherSite = fetchSite != null && !OWN_SITE.contains(fetchSite.strip().toLowerCase(Locale.ROOT));
        if (fromAnotherSite) {
            return true;
        }
        return caller.get() == AuthenticatedBy.SESSION && (requestedWith == null || requestedWith.isBlank());
    }
}
