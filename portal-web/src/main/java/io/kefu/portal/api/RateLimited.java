package io.kefu.portal.api;

/** A public endpoint was used too often from here; answered with 429 and {@code Retry-After}. */
public class RateLimited extends RuntimeException {

    private final long retryAfterSeconds;

    public RateLimited(long retryAfterSeconds) {
        super("rate limited, retry after " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
