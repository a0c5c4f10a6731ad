package io.kefu.portal.identity;

import io.kefu.portal.problem.ErrorPage;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The platform operator's pages: anonymous visitors log in first, everybody else but the operator gets 403. */
@WebFilter(urlPatterns = "/platform/*", dispatcherTypes = DispatcherType.REQUEST)
public class PlatformAreaFilter extends HttpFilter {

    @Inject
    Access access;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!access.isLoggedIn()) {
            response.sendRedirect(request.getContextPath() + "/login.xhtml?next="
                    + URLEncoder.encode(request.getRequestURI().substring(request.getContextPath().length()),
                            StandardCharsets.UTF_8));
        } else if (!access.isPlatformAdmin()) {
            request.setAttribute(ErrorPage.REASON, "access.area.denied");
            response.sendError(403);
        } else {
            chain.doFilter(request, response);
        }
    }
}
