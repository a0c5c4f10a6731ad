package io.kefu.portal.tenancy;

import io.kefu.portal.i18n.LocaleSelection;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.workspace.boundary.WorkspaceSetup;
import io.kefu.workspace.entity.WorkspaceSettings;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * What the header of every page shows: the tenant's name in the reader's language (or Kefu's own name
 * outside tenants), where "home" and "log in" lead, and the links of the language switch.
 */
@Named
@RequestScoped
public class Brand {

    @Inject
    CurrentTenant currentTenant;

    @Inject
    LocaleSelection language;

    @Inject
    HttpServletRequest request;

    @Inject
    WorkspaceSetup setup;

    private WorkspaceSettings look;
    private String logoTag;

    public boolean isTenant() {
        return currentTenant.isSet();
    }

    public String getName() {
        return currentTenant.find().map(t -> t.name(language.getLocale()))
                .orElse(language.isChinese() ? "Kefu 客服" : "Kefu");
    }

    /**
     * The tenant's own primary colour ({@code #rrggbb}, checked when saved, so safe inside a style element), or
     * {@code null} for Kefu's own; the layout sets it as {@code --kefu-primary} for header, buttons and links.
     */
    public String getPrimaryColour() {
        if (!isTenant()) {
            return null;
        }
        if (look == null) {
            look = setup.settings();
        }
        return look.hasOwnColour() ? look.primaryColour() : null;
    }

    /** The tenant's logo address with its tag (a new logo is a new address), or {@code null} without one. */
    public String getLogoUrl() {
        if (!isTenant()) {
            return null;
        }
        if (logoTag == null) {
            logoTag = setup.logoTag().orElse("");
        }
        return logoTag.isEmpty() ? null : request.getContextPath() + "/api/v1/tenants/"
                + currentTenant.get().slug().value() + "/logo?v=" + logoTag;
    }

    /** The tenant's page base ({@code /t/slug/}) with the context root, or the site root. */
    public String getHome() {
        return request.getContextPath() + currentTenant.find().map(t -> TenantPath.pageBase(t.slug())).orElse("/");
    }

    public String getLogin() {
        String base = currentTenant.find().map(t -> TenantPath.pageBase(t.slug()) + "login").orElse("/login.xhtml");
        return request.getContextPath() + base + "?next=" + URLEncoder.encode(currentPath(), StandardCharsets.UTF_8);
    }

    public String switchTo(String tag) {
        return request.getContextPath() + "/lang?to=" + tag + "&back="
                + URLEncoder.encode(currentPath(), StandardCharsets.UTF_8);
    }

    /** The address the visitor sees (the tenant URL, not the view it was forwarded to), without context root. */
    String currentPath() {
        Object forwarded = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        Object errored = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = forwarded instanceof String f ? f : errored instanceof String e ? e : request.getRequestURI();
        String path = uri.substring(Math.min(uri.length(), request.getContextPath().length()));
        Object query = request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING);
        String queryString = query instanceof String q ? q : forwarded == null ? request.getQueryString() : null;
        return queryString == null || queryString.isEmpty() ? path : path + "?" + queryString;
    }
}
