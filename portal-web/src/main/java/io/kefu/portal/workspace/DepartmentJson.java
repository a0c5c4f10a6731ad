package io.kefu.portal.workspace;

import io.kefu.workspace.entity.Department;
import java.util.Locale;

/** A department as the API shows it: by code, never by database id. */
public record DepartmentJson(String code, String name, String nameZh, String nameEn, boolean active,
        long version) {

    static DepartmentJson of(Department department, Locale locale) {
        return new DepartmentJson(department.code().value(), department.name().in(locale), department.name().zh(),
                department.name().en(), department.isActive(), department.version());
    }
}
