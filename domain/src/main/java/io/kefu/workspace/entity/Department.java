package io.kefu.workspace.entity;

import io.kefu.i18n.LocalizedName;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A responsible department (责任部门) that cases are routed to: engineering, security, cleaning, finance… */
@Entity
@Table(name = "department")
@NamedQuery(name = Department.ALL, query = "SELECT d FROM Department d ORDER BY d.code")
@NamedQuery(name = Department.BY_CODE, query = "SELECT d FROM Department d WHERE d.code = :code")
public class Department extends WorkspaceItem {

    public static final String ALL = "Department.all";
    public static final String BY_CODE = "Department.byCode";

    protected Department() {
        // for JPA
    }

    public Department(Code code, LocalizedName name) {
        super(code, name);
    }
}
