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
 * A responsible department (责任部门) that cases are routed to: engineering, security, cleaning, finance…
 * Retired rather than deleted, because closed cases keep pointing at it.
 */
@Entity
@Table(name = "department")
@NamedQuery(name = Department.ALL, query = "SELECT d FROM Department d ORDER BY d.code")
@NamedQuery(name = Department.BY_CODE, query = "SELECT d FROM Department d WHERE d.code = :code")
public class Department extends TenantOwned {

    public static final String ALL = "Department.all";
    public static final String BY_CODE = "Department.byCode";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "code", nullable = false, updatable = false, length = Code.MAX_LENGTH)
    private String code;

    @Embedded
    private LocalizedName name;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Department() {
        // for JPA
    }

    public Department(Code code, LocalizedName name) {
        this.code = code.value();
        this.name = name;
        this.active = true;
    }

    public void rename(LocalizedName name) {
        this.name = name;
    }

    public void retire() {
        this.active = false;
    }

    public Long id() {
        return id;
    }

    public Code code() {
        return new Code(code);
    }

    public LocalizedName name() {
        return name;
    }

    public boolean isActive() {
        return active;
    }

    public long version() {
        return version;
    }
}
