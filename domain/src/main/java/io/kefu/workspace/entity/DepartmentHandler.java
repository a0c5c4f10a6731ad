package io.kefu.workspace.entity;

import io.kefu.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A staff member who works for a department (责任部门): cases routed to the department are in their queue,
 * and they record what was done. Handling does not make them the owner; the first responder stays owner.
 */
@Entity
@Table(name = "department_handler")
@NamedQuery(name = DepartmentHandler.ALL, query = "SELECT h FROM DepartmentHandler h "
        + "ORDER BY h.departmentCode, h.username")
@NamedQuery(name = DepartmentHandler.DEPARTMENTS_OF, query = "SELECT h.departmentCode FROM DepartmentHandler h "
        + "WHERE h.username = :username")
@NamedQuery(name = DepartmentHandler.ONE, query = "SELECT h FROM DepartmentHandler h "
        + "WHERE h.departmentCode = :department AND h.username = :username")
public class DepartmentHandler extends TenantOwned {

    public static final String ALL = "DepartmentHandler.all";
    public static final String DEPARTMENTS_OF = "DepartmentHandler.departmentsOf";
    public static final String ONE = "DepartmentHandler.one";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "department_code", nullable = false, updatable = false, length = Code.MAX_LENGTH)
    private String departmentCode;

    @Column(name = "username", nullable = false, updatable = false, length = 64)
    private String username;

    protected DepartmentHandler() {
        // for JPA
    }

    public DepartmentHandler(Code department, String username) {
        this.departmentCode = department.value();
        this.username = username;
    }

    public String departmentCode() {
        return departmentCode;
    }

    public String username() {
        return username;
    }
}
