package io.kefu.portal.tenancy;

import io.kefu.tenancy.entity.TenantSlug;
import java.util.Optional;

/**
 * A request path split into its tenant and the rest: {@code /t/huijing-property/staff/} is tenant
 * {@code huijing-property}, area {@code staff}, page path {@code staff/}. Pure parsing, no lookups.
 */
public record TenantPath(Kind kind, TenantSlug slug, String rest) {

    public enum Kind { PAGE, API }

    /** Where in a tenant a page path leads: decides who may see it. */
    public enum Area { PUBLIC, STAFF, ADMIN }

    private static final String PAGES = "/t/";
    private static final String API = "/api/v1/tenants/";

    /**
     * Parses a path without the context root. Empty for paths outside tenants; a present result with a
     * {@code null} slug is a tenant path whose slug is malformed (not found, whatever it names).
     */
    public static Optional<TenantPath> parse(String path) {
        if (path == null) {
            return Optional.empty();
        }
        Kind kind;
        String tail;
        if (path.startsWith(PAGES)) {
            kind = Kind.PAGE;
            tail = path.substring(PAGES.length());
        } else if (path.startsWith(API)) {
            kind = Kind.API;
            tail = path.substring(API.length());
        } else {
            return Optional.empty();
        }
        int slash = tail.indexOf('/');
        String slug = slash < 0 ? tail : tail.substring(0, slash);
        String rest = slash < 0 ? null : tail.substring(slash + 1);
        return Optional.of(new TenantPath(kind, TenantSlug.parse(slug).orElse(null), rest));
    }

    public boolean hasValidSlug() {
        return slug != null;
    }

    /** {@code /t/x} without the trailing slash: the landing page's canonical address is {@code /t/x/}. */
    public boolean needsTrailingSlash() {
        return rest == null;
    }

    public Area area() {
        if (rest == null) {
            return Area.PUBLIC;
        }
        if (rest.equals("staff") || rest.startsWith("staff/")) {
            return Area.STAFF;
        }
        if (rest.equals("admin") || rest.startsWith("admin/")) {
            return Area.ADMIN;
        }
        return Area.PUBLIC;
    }

    /**
     * The Facelets view behind a page path: {@code ""} → {@code /tenant/index.xhtml}, {@code staff/} →
     * {@code /tenant/staff/index.xhtml}, {@code login} → the shared {@code /login.xhtml}. Empty for anything
     * that cannot be a view name (dots, double slashes), so such paths are plainly not found.
     */
    public Optional<String> view() {
        String page = rest == null ? "" : rest;
        if (page.equals("login")) {
            return Optional.of("/login.xhtml");
        }
        if (!page.matches("^([a-z0-9-]+/)*[a-z0-9-]*$")) {
            return Optional.empty();
        }
        return Optional.of("/tenant/" + (page.isEmpty() || page.endsWith("/") ? page + "index" : page) + ".xhtml");
    }

    /** The base of every page link in this tenant: {@code /t/huijing-property/}. */
    public static String pageBase(TenantSlug slug) {
        return PAGES + slug.value() + "/";
    }
}
