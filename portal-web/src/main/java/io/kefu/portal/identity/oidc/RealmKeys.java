package io.kefu.portal.identity.oidc;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import io.kefu.admin.keycloak.KeycloakSettings;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The keys Keycloak's realm publishes (its JWK set), as {@code nimbus-jose-jwt}'s {@link JWKSource} keeps them:
 * <ul>
 * <li>cached for {@code kefu.keycloak.keys.cache-seconds} (default 300): that is the longest a key taken out of
 * the realm (rotated out or revoked) is still trusted, and no restart is needed;</li>
 * <li>refreshed in the background shortly before it expires (the container's managed executors), so no request
 * waits for a routine fetch and no request thread holds a lock while Keycloak answers;</li>
 * <li>fetched at once for a token whose key id is unknown (a key rotated in), at most twice per interval, so
 * made-up key ids cannot make Kefu hammer Keycloak; such tokens wait for that one fetch, nothing else does.</li>
 * </ul>
 */
@ApplicationScoped
public class RealmKeys {

    private static final Logger LOG = Logger.getLogger(RealmKeys.class.getName());
    private static final int KEY_SET_SIZE_LIMIT = 256 * 1024;

    @Inject
    KeycloakSettings settings;

    /** How long the realm's keys are believed without asking Keycloak again. */
    @Inject
    @ConfigProperty(name = "kefu.keycloak.keys.cache-seconds", defaultValue = "300")
    long cacheSeconds;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    private volatile JWKSource<SecurityContext> source;

    /** Built on first use: the address comes from the configuration, and local accounts never need it. */
    JWKSource<SecurityContext> source() {
        JWKSource<SecurityContext> built = source;
        if (built == null) {
            synchronized (this) {
                built = source;
                if (built == null) {
                    built = build();
                    source = built;
                }
            }
        }
        return built;
    }

    private JWKSource<SecurityContext> build() {
        URL certs;
        try {
            certs = URI.create(settings.issuer() + "/protocol/openid-connect/certs").toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalStateException("Keycloak's address is not a URL", e);
        }
        long ttl = Duration.ofSeconds(Math.max(2, cacheSeconds)).toMillis();
        // The library's defaults (refresh 30 s ahead, fetch timeout 15 s, two fetches per 30 s) fit a 5-minute
        // cache; shorter caches (tests) scale them down, as the library requires them to fit in the cache time.
        long fetchTimeout = Math.min(JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT, ttl / 4);
        long ahead = Math.min(JWKSourceBuilder.DEFAULT_REFRESH_AHEAD_TIME, ttl / 4);
        long minInterval = Math.min(JWKSourceBuilder.DEFAULT_RATE_LIMIT_MIN_INTERVAL, ttl / 2);
        // Payara ships a nimbus-jose-jwt of its own: say which one checks the tokens.
        LOG.info(() -> "Realm keys from " + certs + ", kept " + ttl / 1000 + " s; nimbus-jose-jwt from "
                + JWKSourceBuilder.class.getProtectionDomain().getCodeSource().getLocation());
        JWKSourceBuilder<SecurityContext> builder = JWKSourceBuilder.<SecurityContext>create(certs,
                        new DefaultResourceRetriever(OidcProvider.CONNECT_TIMEOUT_MS, OidcProvider.READ_TIMEOUT_MS,
                                KEY_SET_SIZE_LIMIT))
                .cache(ttl, fetchTimeout)
                .rateLimited(minInterval);
        if (executor != null && scheduler != null) {
            builder.refreshAheadCache(ahead, null, executor, false, scheduler, false);
        } else {
            // Outside a container (unit tests): the library's own threads.
            builder.refreshAheadCache(ahead, true);
        }
        return builder.build();
    }
}
