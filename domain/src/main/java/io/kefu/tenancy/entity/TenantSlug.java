package io.kefu.tenancy.entity;

import io.kefu.problem.KefuException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The tenant's name in every URL ({@code /t/huijing-property/}, {@code /api/v1/tenants/huijing-property/}):
 * lower-case letters, digits and inner hyphens, 3 to 40 characters. Validated here so a malformed slug is
 * refused before any lookup.
 */
public record TenantSlug(String value) {

    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 40;
    public static final String PATTERN = "^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$";
    private static final Pattern FORMAT = Pattern.compile(PATTERN);

    public TenantSlug {
        if (value == null || !FORMAT.matcher(value).matches() || value.contains("--")) {
            throw KefuException.invalid("slug", "tenant.slug.invalid");
        }
    }

    /** For URLs: an empty result instead of an exception, because a bad slug in a URL is simply not found. */
    public static Optional<TenantSlug> parse(String candidate) {
        if (candidate == null || !FORMAT.matcher(candidate).matches() || candidate.contains("--")) {
            return Optional.empty();
        }
        return Optional.of(new TenantSlug(candidate));
    }

    @Override
    public String toString() {
        return value;
    }
}
