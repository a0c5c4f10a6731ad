package io.kefu.portal.hardening;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * {@code /metrics} (Payara's MicroProfile Metrics: pools, threads, memory, request counts) is for the platform's
 * monitoring, not for visitors: it answers only a scraper that sends {@code Authorization: Bearer} with the token
 * configured as {@code KEFU_METRICS_TOKEN} (at least 16 characters). Without a configured token it does not exist
 * (404); a missing or wrong token is a 401. {@code /health/*} stays open: load balancers need no secret to see
 * whether a node is ready. The portal's own authentication leaves {@code /metrics} to this filter.
 */
public class MetricsGuard extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    HardeningSettings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<String> token = settings.metricsToken();
        if (token.isEmpty()) {
            Refusal.sendProblem(request, response, 404, "problem.detail.404");
        } else if (!presented(request, token.get())) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"kefu-metrics\"");
            Refusal.sendProblem(request, response, 401, "metrics.token.required");
        } else {
            chain.doFilter(request, response);
        }
    }

    private static boolean presented(HttpServletRequest request, String expected) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }
}
