package io.kefu.portal.hardening;

import io.kefu.portal.identity.PortalAuthentication;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * The security headers of every answer the application gives: pages, API, static files, error pages (mapped for
 * the request and the error dispatch in {@code web.xml}, first of all filters).
 * <ul>
 * <li>{@code Content-Security-Policy} ({@link ContentSecurityPolicy}): the strict one by default; a page's, with
 * its nonce, replaces it when PrimeFaces announces the nonce by setting its own header.</li>
 * <li>{@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: same-origin} (tracking and survey
 * addresses carry secrets and must not leak to other sites), {@code X-Frame-Options: DENY} for browsers without
 * {@code frame-ancestors}, {@code Permissions-Policy} denying the device features the portal never uses,
 * {@code Cross-Origin-Opener-Policy} and {@code Cross-Origin-Resource-Policy}.</li>
 * <li>{@code Strict-Transport-Security} when the public address is https.</li>
 * <li>{@code Cache-Control: no-store} on every answer but static files; for a signed-in caller it cannot be
 * loosened further down (nothing personal stays in a browser's or proxy's cache). Static files whose address
 * names their version (PrimeFaces' and the portal's with {@code v=}, PrimeFlex's in its path) may be kept for a
 * year without asking again: a new version is a new address. A phone then loads a page's 0.3 MB of scripts and
 * style sheets once, not at every visit (bench/lighthouse.sh).</li>
 * </ul>
 */
public class SecurityHeaders extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String PERMISSIONS = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
            + "microphone=(), payment=(), usb=()";
    static final String HSTS = "max-age=31536000; includeSubDomains";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    @Inject
    HardeningSettings settings;

    private ContentSecurityPolicy policy;

    @Override
    public void init() {
        policy = new ContentSecurityPolicy(settings.identityProviderOrigin());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean signedIn = request.getAttribute(PortalAuthentication.CALLER) != null;
        boolean cacheable = !signedIn && isStaticResource(request);
        Headers headers = new Headers(response, cacheable, cacheable && isVersioned(request), signedIn);
        headers.apply();
        chain.doFilter(request, headers);
    }

    /** A static file whose address changes with its content or release, never a file of a tenant. */
    static boolean isVersioned(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString();
        return path.startsWith("/webjars/")
                || path.startsWith("/jakarta.faces.resource/") && query != null
                        && (query.startsWith("v=") || query.contains("&v="));
    }

    static boolean isStaticResource(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/jakarta.faces.resource/") || path.startsWith("/webjars/");
    }

    /** The response as the rest of the chain sees it: our headers, which a {@code reset()} does not remove. */
    private final class Headers extends HttpServletResponseWrapper {

        private final boolean cacheable;
        private final boolean signedIn;
        private boolean immutable;

        Headers(HttpServletResponse response, boolean cacheable, boolean immutable, boolean signedIn) {
            super(response);
            this.cacheable = cacheable;
            this.immutable = immutable;
            this.signedIn = signedIn;
        }

        void apply() {
            HttpServletResponse response = (HttpServletResponse) getResponse();
            response.setHeader(ContentSecurityPolicy.HEADER, policy.resources());
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Referrer-Policy", "same-origin");
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Permissions-Policy", PERMISSIONS);
            response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
            response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
            if (settings.isHttps()) {
                response.setHeader("Strict-Transport-Security", HSTS);
            }
            if (immutable) {
                response.setHeader("Cache-Control", IMMUTABLE);
            } else if (!cacheable) {
                response.setHeader("Cache-Control", "no-store");
            }
        }

        @Override
        public void setHeader(String name, String value) {
            if (!intercepted(name, value)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!intercepted(name, value)) {
                super.addHeader(name, value);
            }
        }

        /**
         * PrimeFaces sets its policy, nonce included, before a page renders: ours for pages takes its place.
         * A signed-in caller's answer stays {@code no-store} whatever a resource would allow; for anybody else a
         * resource's own caching (the tenant's logo) replaces the default instead of joining it, except on a
         * versioned file, whose year Faces would cut to its default week ({@code Cache-Control} and
         * {@code Expires}).
         */
        private boolean intercepted(String name, String value) {
            if (ContentSecurityPolicy.HEADER.equalsIgnoreCase(name)) {
                ContentSecurityPolicy.nonceIn(value)
                        .ifPresent(nonce -> super.setHeader(ContentSecurityPolicy.HEADER, policy.page(nonce)));
                return true;
            }
            if (immutable && "Expires".equalsIgnoreCase(name)) {
                return true;
            }
            if ("Cache-Control".equalsIgnoreCase(name)) {
                if (!signedIn && !immutable) {
                    super.setHeader(name, value);
                }
                return true;
            }
            return false;
        }

        /** An error answer is not to be kept for a year under the file's address (a 304 keeps the year). */
        @Override
        public void setStatus(int status) {
            forget(status);
            super.setStatus(status);
        }

        @Override
        public void sendError(int status) throws IOException {
            forget(status);
            super.sendError(status);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            forget(status);
            super.sendError(status, message);
        }

        private void forget(int status) {
            if (immutable && status >= 400) {
                immutable = false;
                super.setHeader("Cache-Control", "no-store");
            }
        }

        @Override
        public void reset() {
            super.reset();
            immutable = false;
            apply();
        }
    }
}
