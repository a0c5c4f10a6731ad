package io.kefu.portal.problem;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Set;

/**
 * Everything under {@code /api/} answers with a problem document, also where the answer does not come from a
 * resource: the container's 404 for a path that resolves outside the API ({@code /api/../x}), the error JAX-RS
 * reports for a header it cannot read (a malformed {@code Accept}), a 405. Those end in {@code sendError}, which
 * would show the HTML error page; here they become {@code application/problem+json} in the caller's language.
 * The address as the client sent it decides, before the container resolves {@code ..} in it.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = DispatcherType.REQUEST, asyncSupported = true)
public class ApiErrorsAsProblems extends HttpFilter {

    private static final Set<Integer> EXPLAINED = Set.of(400, 401, 403, 404, 405, 406, 409, 415, 422, 429, 500);

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!isApi(request)) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void sendError(int status) throws IOException {
                sendError(status, null);
            }

            @Override
            public void sendError(int status, String message) throws IOException {
                if (isCommitted()) {
                    super.sendError(status, message);
                    return;
                }
                resetBuffer();
                ProblemResponses.send(request, response, problem(status));
            }
        });
    }

    static boolean isApi(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String path = uri == null ? "" : uri.substring(Math.min(uri.length(), request.getContextPath().length()));
        return path.equals("/api") || path.startsWith("/api/");
    }

    private static Problem problem(int status) {
        int known = EXPLAINED.contains(status) ? status : status >= 500 ? 500 : 400;
        return Problem.of(known, "problem.detail." + known);
    }
}
