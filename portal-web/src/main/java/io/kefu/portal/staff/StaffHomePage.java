package io.kefu.portal.staff;

import io.kefu.portal.identity.Access;
import io.kefu.workspace.boundary.Workspace;
import io.kefu.workspace.entity.Department;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The staff home: the caller's roles in this tenant and the active departments. */
@Named
@RequestScoped
public class StaffHomePage {

    @Inject
    Access access;

    @Inject
    Workspace workspace;

    private List<Department> departments;

    public List<String> getRoles() {
        return access.roles().stream().map(Enum::name).sorted().toList();
    }

    public List<Department> getDepartments() {
        if (departments == null) {
            departments = workspace.departments().stream().filter(Department::isActive).toList();
        }
        return departments;
    }
}
