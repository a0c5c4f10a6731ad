package io.kefu.portal.resident;

import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.tenancy.entity.TenantKind;
import io.kefu.workspace.boundary.Workspace;
import io.kefu.workspace.entity.Category;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The tenant's public landing page: its name, what its office handles (active categories), its promises. */
@Named
@RequestScoped
public class LandingPage {

    @Inject
    CurrentTenant currentTenant;

    @Inject
    Workspace workspace;

    private List<Category> categories;

    public List<Category> getCategories() {
        if (categories == null) {
            categories = workspace.categories().stream().filter(Category::isActive).toList();
        }
        return categories;
    }

    public boolean isProperty() {
        return currentTenant.get().kind() == TenantKind.PROPERTY;
    }
}
