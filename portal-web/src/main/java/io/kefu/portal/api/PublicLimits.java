package io.kefu.portal.api;

import io.kefu.portal.guard.ClientAddress;
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
 *
 * <p>The tenant's bucket must survive one abusive address: only filings the address's own limit let through are
 * counted there (a refused one never reaches it), and no address may take more than a tenth of the tenant's
 * hour even when the per-address limit is configured higher. What an address is, is {@link ClientAddress}'s
 * to say: the hop our own proxy added, never one the client wrote.
 */
@ApplicationScoped
public class PublicLimits {

    /** What is being limited; each has its own windows. */
    public enum Use { FILING, TRACKING }

    private static final Duration HOUR = Duration.ofHours(1);
    /** How many addresses it takes at least to use up the tenant's hour. */
    static final int ADDRESSES_PER_TENANT_BUCKET = 10;

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

    @Inject
    ClientAddress clientAddress;

    /** Counts one use; throws {@link RateLimited} when it is one too many. */
    public void check(Use use, HttpServletRequest request) {
        count(use, tenant.get().id(), clientAddress.limitKey(request));
    }

    void count(Use use, long tenantId, String address) {
        int perAddress = use == Use.FILING ? shareOfTenant(filingsPerAddress, filingsPerTenant) : trackingPerAddress;
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

    /** The per-address limit, never more than an address's share of the tenant's bucket (at least one). */
    static int shareOfTenant(int perAddress, int perTenant) {
        return Math.max(1, Math.min(perAddress, perTenant / ADDRESSES_PER_TENANT_BUCKET));
    }
}
