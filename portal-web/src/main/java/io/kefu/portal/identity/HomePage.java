package io.kefu.portal.identity;

import io.kefu.identity.boundary.Accounts;
import io.kefu.identity.boundary.Workplace;
import io.kefu.portal.i18n.LocaleSelection;
import io.kefu.portal.tenancy.TenantPath;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The site's home page: for a logged-in person, the workspaces they belong to, with the page each role opens. */
@Named
@RequestScoped
public class HomePage {

    @Inject
    Access access;

    @Inject
    Accounts accounts;

    @Inject
    LocaleSelection language;

    private List<WorkspaceLink> workspaces;

    /** One membership as a link: the tenant's name, the role, and where that role works. */
    public record WorkspaceLink(String name, String role, String link) {
    }

    public List<WorkspaceLink> getWorkspaces() {
        if (workspaces == null) {
            workspaces = access.caller()
                    .map(caller -> accounts.workplaces(caller.username()).stream().map(this::link).toList())
                    .orElse(List.of());
        }
        return workspaces;
    }

    private WorkspaceLink link(Workplace workplace) {
        return new WorkspaceLink(workplace.tenant().name(language.getLocale()), workplace.role().name(),
                TenantPath.home(workplace.tenant().slug(), workplace.role()));
    }
}
