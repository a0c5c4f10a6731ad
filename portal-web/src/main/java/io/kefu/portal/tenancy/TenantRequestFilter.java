package io.kefu.portal.tenancy;

import io.kefu.portal.identity.Access;
import io.kefu.portal.problem.ErrorPage;
import io.kefu.portal.problem.Problem;
import io.kefu.portal.problem.ProblemResponses;
import io.kefu.tenancy.boundary.Tenants;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.tenancy.entity.TenantRef;
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
import java.util.Optional;

/**
 * Resolves the tenant of every tenant URL before anything else sees the request, and sets it as the
 * request's {@link CurrentTenant}. Unknown or malformed slug: 404. Suspended tenant: 403. For pages it also
 * enforces the area (staff and admin pages need the matching membership; anonymous visitors are sent to the
 * tenant's login page) and forwards to the Facelets view, so addresses stay {@code /t/{slug}/…}.
 */
@WebFilter(urlPatterns = {"/t/*", "/api/v1/tenants/*"}, dispatcherTypes = DispatcherType.REQUEST,
        asyncSupported = true)
public class TenantRequestFilter extends HttpFilter {

    @Inject
    Tenants tenants;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    Access access;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Optional<TenantPath> parsed = TenantPath.parse(path);
        if (parsed.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        TenantPath target = parsed.get();
        Optional<TenantRef> tenant = target.hasValidSlug() ? tenants.findBySlug(target.slug()) : Optional.empty();
        if (tenant.isEmpty()) {
            refuse(request, response, target, 404, "tenant.not.found");
            return;
        }
        if (!tenant.get().isActive()) {
            refuse(request, response, target, 403, "tenant.suspended");
            return;
        }
        currentTenant.set(tenant.get());
        if (target.kind() == TenantPath.Kind.API) {
            chain.doFilter(request, response);
        } else {
            page(request, response, target);
        }
    }

    private void page(HttpServletRequest request, HttpServletResponse response, TenantPath target)
            throws IOException, ServletException {
        if (target.needsTrailingSlash()) {
            response.sendRedirect(request.getRequestURI() + "/");
            return;
        }
        TenantPath.Area area = target.area();
        Optional<String> view = target.view().filter(v -> exists(request, v));
        if (view.isEmpty() || area == TenantPath.Area.UNKNOWN) {
            response.sendError(404);
            return;
        }
        if (area != TenantPath.Area.PUBLIC) {
            if (!access.isLoggedIn()) {
                response.sendRedirect(loginUrl(request, target));
                return;
            }
            if (!access.mayEnter(area)) {
                request.setAttribute(ErrorPage.REASON, "access.area.denied");
                response.sendError(403);
                return;
            }
        }
        target.parameter().ifPresent(value -> request.setAttribute(TenantPath.PARAMETER, value));
        request.getRequestDispatcher(view.get()).forward(request, response);
    }

    private static boolean exists(HttpServletRequest request, String view) {
        try {
            return request.getServletContext().getResource(view) != null;
        } catch (java.net.MalformedURLException e) {
            return false;
        }
    }

    static String loginUrl(HttpServletRequest request, TenantPath target) {
        String next = request.getRequestURI().substring(request.getContextPath().length())
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        return request.getContextPath() + TenantPath.pageBase(target.slug()) + "login?next="
                + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }

    /** Refuses a tenant request; {@code reason} names message keys {@code reason.title} and {@code reason.detail}. */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, TenantPath target,
            int status, String reason) throws IOException {
        if (target.kind() == TenantPath.Kind.API) {
            ProblemResponses.send(request, response, Problem.of(status, reason + ".detail"));
        } else {
            request.setAttribute(ErrorPage.REASON, reason + ".detail");
            request.setAttribute(ErrorPage.REASON_TITLE, reason + ".title");
            response.sendError(status);
        }
    }
}
