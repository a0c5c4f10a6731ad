package io.kefu.admin.workspace;

import io.kefu.faces.FacesFailures;
import io.kefu.problem.KefuException;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.tenancy.entity.TenantRef;
import io.kefu.workspace.boundary.Workspace;
import io.kefu.workspace.entity.Category;
import io.kefu.workspace.entity.Code;
import io.kefu.workspace.entity.Department;
import io.kefu.i18n.LocalizedName;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The tenant admin's home: the workspace settings, the departments (add one, rename one in the table) and the
 * categories. View-scoped for the table's edit state; the lists are re-read after every change.
 */
@Named
@ViewScoped
public class AdminHomePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Workspace workspace;

    @Inject
    CurrentTenant currentTenant;

    private List<DepartmentRow> departments;
    private transient List<Category> categories;
    /** The tenant this view was built for; a post of this view under another tenant's address is refused. */
    private String newCode;
    private String newNameZh;
    private String newNameEn;

    /** A department as an editable table row. */
    public static class DepartmentRow implements Serializable {

        private static final long serialVersionUID = 1L;
        private final Code code;
        private final long version;
        private String nameZh;
        private String nameEn;

        DepartmentRow(Department department) {
            this.code = department.code();
            this.version = department.version();
            this.nameZh = department.name().zh();
            this.nameEn = department.name().en();
        }

        public Code getCode() {
            return code;
        }

        public String getNameZh() {
            return nameZh;
        }

        public void setNameZh(String nameZh) {
            this.nameZh = nameZh;
        }

        public String getNameEn() {
            return nameEn;
        }

        public void setNameEn(String nameEn) {
            this.nameEn = nameEn;
        }
    }

    @PostConstruct
    void bindToTenant() {
    }

    public TenantRef getTenant() {
        return currentTenant.get();
    }

    public List<DepartmentRow> getDepartments() {
        if (departments == null) {
            departments = workspace.departments().stream().map(DepartmentRow::new).toList();
        }
        return departments;
    }

    public List<Category> getCategories() {
        if (categories == null) {
            categories = workspace.categories();
        }
        return categories;
    }

    public void addDepartment() {
        try {
            Department added = workspace.addDepartment(Code.typed(newCode),
                    new LocalizedName(newNameZh, newNameEn));
            FacesFailures.info("admin.department.added", added.code().value());
            newCode = null;
            newNameZh = null;
            newNameEn = null;
        } catch (KefuException e) {
            FacesFailures.show(e, "add-department");
        }
        departments = null;
    }

    public void rename(DepartmentRow row) {
        try {
            workspace.renameDepartment(row.code, new LocalizedName(row.nameZh, row.nameEn), row.version);
            FacesFailures.info("admin.department.renamed", row.code);
        } catch (KefuException e) {
            FacesFailures.show(e, null);
        }
        departments = null;
    }

    public String getNewCode() {
        return newCode;
    }

    public void setNewCode(String newCode) {
        this.newCode = newCode;
    }

    public String getNewNameZh() {
        return newNameZh;
    }

    public void setNewNameZh(String newNameZh) {
        this.newNameZh = newNameZh;
    }

    public String getNewNameEn() {
        return newNameEn;
    }

    public void setNewNameEn(String newNameEn) {
        this.newNameEn = newNameEn;
    }
}
