package io.kefu.portal.identity;

import io.kefu.identity.boundary.Accounts;
import io.kefu.identity.entity.Membership;
import io.kefu.portal.i18n.LocaleSelection;
import io.kefu.portal.tenancy.TenantPath;
import io.kefu.tenancy.boundary.Tenants;
import io.kefu.tenancy.entity.TenantRef;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The site's home page: for a logged-in person, the workspaces they belong to, with the page each role opens. */
@Named
@RequestScoped
public class HomePage {

    @Inject
    Access access;

    @Inject
    Accounts accounts;

    @Inject
    Tenants tenants;

    @Inject
    LocaleSelection language;

    private List<WorkspaceLink> workspaces;

    /** One membership as a link: the tenant's name, the role, and where that role works. */
    public record WorkspaceLink(String name, String role, String link) {
    }

    public List<WorkspaceLink> getWorkspaces() {
        if (workspaces == null) {
            workspaces = access.caller().map(caller -> {
                Map<Long, TenantRef> byId = tenants.all().stream()
                        .collect(Collectors.toMap(TenantRef::id, Function.identity()));
                return accounts.memberships(caller.username()).stream()
                        .filter(m -> byId.containsKey(m.tenantId()))
                        .map(m -> workspace(byId.get(m.tenantId()), m))
                        .toList();
            }).orElse(List.of());
        }
        return workspaces;
    }

    private WorkspaceLink workspace(TenantRef tenant, Membership membership) {
        String base = TenantPath.pageBase(tenant.slug());
        String link = switch (membership.role()) {
            case STAFF, SUPERVISOR -> base + "staff/";
            case TENANT_ADMIN -> base + "admin/";
            case RESIDENT -> base;
        };
        return new WorkspaceLink(tenant.name(language.getLocale()), membership.role().name(), link);
    }
}
