package io.kefu.portal.identity;

import io.kefu.identity.boundary.Accounts;
import io.kefu.identity.boundary.Caller;
import io.kefu.identity.entity.Role;
import io.kefu.portal.tenancy.TenantPath.Area;
import io.kefu.tenancy.control.CurrentTenant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What the caller of this request may do: their roles in the current tenant (from memberships, read once per
 * request) and whether they are the platform operator. Pages use it as {@code #{access}} to show only what
 * is allowed; filters and endpoints use it to refuse what is not.
 */
@Named("access")
@RequestScoped
public class Access {

    @Inject
    HttpServletRequest request;

    @Inject
    Accounts accounts;

    @Inject
    CurrentTenant currentTenant;

    private Set<Role> roles;

    public Optional<Caller> caller() {
        return Optional.ofNullable((Caller) request.getAttribute(PortalAuthentication.CALLER));
    }

    public boolean isLoggedIn() {
        return caller().isPresent();
    }

    public String getDisplayName() {
        return caller().map(Caller::displayName).orElse("");
    }

    public boolean isPlatformAdmin() {
        return caller().map(Caller::platformAdmin).orElse(false);
    }

    /** The caller's roles in the request's tenant; empty outside a tenant or when not logged in. */
    public Set<Role> roles() {
        if (roles == null) {
            roles = caller().flatMap(c -> currentTenant.find().map(t -> accounts.rolesIn(c.username(), t.id())))
                    .orElse(EnumSet.noneOf(Role.class));
        }
        return Collections.unmodifiableSet(roles);
    }

    public boolean hasAny(Set<Role> wanted) {
        return roles().stream().anyMatch(wanted::contains);
    }

    public boolean mayEnter(Area area) {
        return switch (area) {
            case PUBLIC -> true;
            case RESIDENT -> hasAny(java.util.EnumSet.of(Role.RESIDENT));
            case STAFF -> hasAny(Role.STAFF_AREA);
            case ADMIN -> hasAny(Role.ADMIN_AREA);
            case UNKNOWN -> false;
        };
    }

    public boolean isStaff() {
        return mayEnter(Area.STAFF);
    }

    public boolean isResident() {
        return roles().contains(Role.RESIDENT);
    }

    /** Supervisors read reports, survey results among them. */
    public boolean isSupervisor() {
        return roles().contains(Role.SUPERVISOR);
    }

    public boolean isTenantAdmin() {
        return mayEnter(Area.ADMIN);
    }
}
