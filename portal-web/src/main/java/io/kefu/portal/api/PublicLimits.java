package io.kefu.portal.api;

import io.kefu.ratelimit.RateLimits;
import io.kefu.tenancy.control.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The limits on what anybody may do without an account, per tenant: per client address (one person or script)
 * and for the whole tenant (a distributed flood). The page and the API share them. Staff, signed in, are not
 * limited here.
 */
@ApplicationScoped
public class PublicLimits {

    /** What is being limited; each has its own windows. */
    public enum Use { FILING, TRACKING }

    private static final Duration HOUR = Duration.ofHours(1);

    @Inject
    RateLimits limits;

    @Inject
    CurrentTenant tenant;

    @Inject
    @ConfigProperty(name = "kefu.ratelimit.filings.per.address", defaultValue = "10")
    int filingsPerAddress;

    @Inject
    @ConfigProperty(name = "kefu.ratelimit.filings.per.tenant", defaultValue = "600")
    int filingsPerTenant;

    @Inject
    @ConfigProperty(name = "kefu.ratelimit.tracking.per.address", defaultValue = "120")
    int trackingPerAddress;

    /** Behind a load balancer, the client is the first X-Forwarded-For address; never trusted by default. */
    @Inject
    @ConfigProperty(name = "kefu.trust.forwarded.for", defaultValue = "false")
    boolean trustForwardedFor;

    /** Counts one use; throws {@link RateLimited} when it is one too many. */
    public void check(Use use, HttpServletRequest request) {
        long tenantId = tenant.get().id();
        String address = client(request);
        int perAddress = use == Use.FILING ? filingsPerAddress : trackingPerAddress;
        RateLimits.Verdict mine = limits.hit(use + ":" + tenantId + ":" + address, perAddress, HOUR);
        if (!mine.allowed()) {
            throw new RateLimited(mine.retryAfterSeconds());
        }
        if (use == Use.FILING) {
            RateLimits.Verdict all = limits.hit(use + ":" + tenantId, filingsPerTenant, HOUR);
            if (!all.allowed()) {
                throw new RateLimited(all.retryAfterSeconds());
            }
        }
    }

    private String client(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (trustForwardedFor && forwarded != null && !forwarded.isBlank()) {
            return forwarded.split(",")[0].strip();
        }
        return request.getRemoteAddr();
    }
}
