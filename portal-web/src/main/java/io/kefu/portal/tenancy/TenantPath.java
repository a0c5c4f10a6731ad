package io.kefu.portal.tenancy;

import io.kefu.identity.entity.Role;
import io.kefu.tenancy.entity.TenantSlug;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A request path split into its tenant and the rest: {@code /t/huijing-property/staff/} is tenant
 * {@code huijing-property}, area {@code staff}, page path {@code staff/}. Pure parsing, no lookups.
 */
public record TenantPath(Kind kind, TenantSlug slug, String rest) {

    public enum Kind { PAGE, API }

    /** Where in a tenant a page path leads: decides who may see it. */
    public enum Area { PUBLIC, RESIDENT, STAFF, ADMIN, UNKNOWN }

    /** Request attribute carrying the value a parameterized address names (tracking token, case number, key). */
    public static final String PARAMETER = TenantPath.class.getName() + ".parameter";

    private static final java.util.regex.Pattern TRACK = java.util.regex.Pattern.compile("^track/([A-Za-z0-9_-]{43})$");
    private static final java.util.regex.Pattern CASE = java.util.regex.Pattern.compile(
            "^staff/cases/(\\d{6}-\\d{4,6})$");
    /** A case's registration form and case sheet, as print pages. */
    private static final java.util.regex.Pattern CASE_FORM = java.util.regex.Pattern.compile(
            "^staff/cases/(\\d{6}-\\d{4,6})/form$");
    private static final java.util.regex.Pattern CASE_SHEET = java.util.regex.Pattern.compile(
            "^staff/cases/(\\d{6}-\\d{4,6})/sheet$");
    /** A signed-in resident's own case by number: the tracking page, without the token only the mails carry. */
    private static final java.util.regex.Pattern MY_CASE = java.util.regex.Pattern.compile(
            "^my/cases/(\\d{6}-\\d{4,6})$");
    /** A callback by its public key (22 URL-safe characters), never by its database id. */
    private static final java.util.regex.Pattern CALLBACK = java.util.regex.Pattern.compile(
            "^staff/callbacks/([A-Za-z0-9_-]{22})$");
    /** A signed survey link: invitation, expiry, signature (see {@code SurveyLink}). */
    private static final java.util.regex.Pattern SURVEY = java.util.regex.Pattern.compile(
            "^survey/(\\d{1,18}\\.\\d{1,12}\\.[A-Za-z0-9_-]{43})$");
    /** A campaign's public link: its random key. */
    private static final java.util.regex.Pattern CAMPAIGN = java.util.regex.Pattern.compile(
            "^survey/campaign/([A-Za-z0-9_-]{43})$");

    /**
     * The first path segments anybody may open. Explicit, so that a page added under a new segment is not
     * public by accident: it is not found until it is given an area here.
     */
    private static final Set<String> PUBLIC_SEGMENTS = Set.of("", "login", "invitation");
    /** Public pages one level down: the intake form ({@code complaints/new}), tracking and survey links. */
    private static final Set<String> PUBLIC_PARENTS = Set.of("complaints", "track", "survey");

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
        String page = rest == null ? "" : rest;
        int slash = page.indexOf('/');
        String segment = slash < 0 ? page : page.substring(0, slash);
        if (segment.equals("staff")) {
            return Area.STAFF;
        }
        if (segment.equals("admin")) {
            return Area.ADMIN;
        }
        if (segment.equals("my")) {
            return Area.RESIDENT;
        }
        if (PUBLIC_PARENTS.contains(segment) && slash > 0) {
            return Area.PUBLIC;
        }
        return PUBLIC_SEGMENTS.contains(segment) && (slash < 0 || segment.isEmpty()) ? Area.PUBLIC : Area.UNKNOWN;
    }

    /** The page a role starts on in a tenant: the staff desk, the administration, or the landing page. */
    public static String home(TenantSlug slug, Role role) {
        return pageBase(slug) + switch (role) {
            case STAFF, SUPERVISOR -> "staff/";
            case TENANT_ADMIN -> "admin/";
            case RESIDENT -> "";
        };
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
        if (TRACK.matcher(page).matches() || MY_CASE.matcher(page).matches()) {
            return Optional.of("/tenant/track.xhtml");
        }
        if (CASE.matcher(page).matches()) {
            return Optional.of("/tenant/staff/case.xhtml");
        }
        if (CASE_FORM.matcher(page).matches()) {
            return Optional.of("/tenant/staff/form.xhtml");
        }
        if (CASE_SHEET.matcher(page).matches()) {
            return Optional.of("/tenant/staff/sheet.xhtml");
        }
        if (CALLBACK.matcher(page).matches()) {
            return Optional.of("/tenant/staff/callback.xhtml");
        }
        if (SURVEY.matcher(page).matches()) {
            return Optional.of("/tenant/survey.xhtml");
        }
        if (CAMPAIGN.matcher(page).matches()) {
            return Optional.of("/tenant/campaign.xhtml");
        }
        if (!page.matches("^([a-z0-9-]+/)*[a-z0-9-]*$")) {
            return Optional.empty();
        }
        return Optional.of("/tenant/" + (page.isEmpty() || page.endsWith("/") ? page + "index" : page) + ".xhtml");
    }

    /** The value a parameterized address names: tracking token, case number, survey token; empty for others. */
    public Optional<String> parameter() {
        String page = rest == null ? "" : rest;
        for (java.util.regex.Pattern pattern : List.of(TRACK, MY_CASE, CASE, CASE_FORM, CASE_SHEET, CALLBACK, SURVEY,
                CAMPAIGN)) {
            java.util.regex.Matcher matcher = pattern.matcher(page);
            if (matcher.matches()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }

    /** The base of every page link in this tenant: {@code /t/huijing-property/}. */
    public static String pageBase(TenantSlug slug) {
        return PAGES + slug.value() + "/";
    }
}
