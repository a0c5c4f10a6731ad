package io.kefu.workspace.entity;

import io.kefu.i18n.LocalizedName;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A category of case by its cause (噪音扰民, 维修, 收费争议…) as residents pick it on the intake form. The
 * default department says where a case of this category is routed first.
 */
@Entity
@jakarta.persistence.EntityListeners(io.kefu.cache.SnapshotChanges.class)
@Table(name = "category")
@NamedQuery(name = Category.ALL, query = "SELECT c FROM Category c ORDER BY c.position, c.code")
@NamedQuery(name = Category.BY_CODE, query = "SELECT c FROM Category c WHERE c.code = :code")
public class Category extends WorkspaceItem {

    public static final String ALL = "Category.all";
    public static final String BY_CODE = "Category.byCode";

    @Column(name = "default_department", length = Code.MAX_LENGTH)
    private String defaultDepartment;

    @Column(name = "sort_order", nullable = false)
    private int position;

    protected Category() {
        // for JPA
    }

    public Category(Code code, LocalizedName name, Department defaultDepartment, int position) {
        super(code, name);
        this.defaultDepartment = defaultDepartment == null ? null : defaultDepartment.code().value();
        this.position = position;
    }

    /** The code of the department this category routes to first, or {@code null} when staff decide. */
    public String defaultDepartment() {
        return defaultDepartment;
    }

    public int position() {
        return position;
    }
}
