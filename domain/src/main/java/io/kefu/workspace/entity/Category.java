package io.kefu.workspace.entity;

import io.kefu.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A category of case by its cause (噪音扰民, 维修, 收费争议…) as residents pick it on the intake form. The
 * default department says where a case of this category is routed first.
 */
@Entity
@Table(name = "category")
@NamedQuery(name = Category.ALL, query = "SELECT c FROM Category c ORDER BY c.position, c.code")
@NamedQuery(name = Category.BY_CODE, query = "SELECT c FROM Category c WHERE c.code = :code")
public class Category extends TenantOwned {

    public static final String ALL = "Category.all";
    public static final String BY_CODE = "Category.byCode";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "code", nullable = false, updatable = false, length = Code.MAX_LENGTH)
    private String code;

    @Embedded
    private LocalizedName name;

    @Column(name = "default_department", length = Code.MAX_LENGTH)
    private String defaultDepartment;

    @Column(name = "sort_order", nullable = false)
    private int position;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Category() {
        // for JPA
    }

    public Category(Code code, LocalizedName name, Department defaultDepartment, int position) {
        this.code = code.value();
        this.name = name;
        this.defaultDepartment = defaultDepartment == null ? null : defaultDepartment.code().value();
        this.position = position;
        this.active = true;
    }

    public Code code() {
        return new Code(code);
    }

    public LocalizedName name() {
        return name;
    }

    /** The code of the department this category routes to first, or {@code null} when staff decide. */
    public String defaultDepartment() {
        return defaultDepartment;
    }

    public int position() {
        return position;
    }

    public boolean isActive() {
        return active;
    }
}
