package io.kefu.portal.hardening;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The configuration this package reads, in one place (MicroProfile Config: {@code KEFU_PUBLIC_URL},
 * {@code KEFU_SESSION_IDLE_TIMEOUT}, {@code KEFU_SESSION_ABSOLUTE_TIMEOUT}, {@code KEFU_METRICS_TOKEN}, and
 * Keycloak's address when it is the identity source).
 */
@ApplicationScoped
public class HardeningSettings {

    /** Shorter tokens are refused: a scraper's secret must not be guessable. */
    static final int MIN_METRICS_TOKEN = 16;

    @Inject
    @ConfigProperty(name = "kefu.public.url", defaultValue = "http://localhost:8080")
    String publicUrl;

    @Inject
    @ConfigProperty(name = "kefu.session.idle-timeout", defaultValue = "PT30M")
    Duration idleTimeout;

    @Inject
    @ConfigProperty(name = "kefu.session.absolute-timeout", defaultValue = "PT12H")
    Duration absoluteTimeout;

    @Inject
    @ConfigProperty(name = "kefu.metrics.token")
    Optional<String> metricsToken;

    @Inject
    @ConfigProperty(name = "kefu.identity.source", defaultValue = "local")
    String identitySource;

    @Inject
    @ConfigProperty(name = "kefu.keycloak.url", defaultValue = "http://localhost:8180")
    String keycloakUrl;

    /** Served over https (behind a TLS-terminating proxy too): HSTS and {@code Secure} cookies. */
    public boolean isHttps() {
        return publicUrl.regionMatches(true, 0, "https://", 0, 8);
    }

    /** The public address's origin ({@code https://kefu.example.com}), as browsers send it in {@code Origin}. */
    public Optional<String> publicOrigin() {
        return origin(publicUrl);
    }

    /**
     * Keycloak's origin when it is the identity source: logging out posts a form that ends on Keycloak's
     * end-session page, which the page policy's {@code form-action} must allow.
     */
    public Optional<String> identityProviderOrigin() {
        return "keycloak".equalsIgnoreCase(identitySource) ? origin(keycloakUrl) : Optional.empty();
    }

    public Duration idleTimeout() {
        return positive(idleTimeout, "kefu.session.idle-timeout");
    }

    public Duration absoluteTimeout() {
        return positive(absoluteTimeout, "kefu.session.absolute-timeout");
    }

    /** The scrape token, when one long enough is configured; otherwise {@code /metrics} stays closed. */
    public Optional<String> metricsToken() {
        return metricsToken.map(String::strip).filter(t -> t.length() >= MIN_METRICS_TOKEN);
    }

    static Optional<String> origin(String url) {
        try {
            URI uri = URI.create(url.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return Optional.empty();
            }
            String scheme = uri.getScheme().toLowerCase();
            boolean defaultPort = uri.getPort() < 0 || (scheme.equals("http") && uri.getPort() == 80)
                    || (scheme.equals("https") && uri.getPort() == 443);
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase() + (defaultPort ? "" : ":" + uri.getPort()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Duration positive(Duration value, String key) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalStateException(key + " must be a positive ISO-8601 duration such as PT30M");
        }
        return value;
    }
}
