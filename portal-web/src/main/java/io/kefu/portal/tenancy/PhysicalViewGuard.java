package io.kefu.portal.tenancy;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Tenant views are only reachable through {@code /t/{slug}/…}: requested directly, a view under
 * {@code /tenant/} would render without a tenant (and without the area check), so it is simply not found.
 */
@WebFilter(urlPatterns = "/tenant/*", dispatcherTypes = DispatcherType.REQUEST)
public class PhysicalViewGuard extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.sendError(404);
    }
}
