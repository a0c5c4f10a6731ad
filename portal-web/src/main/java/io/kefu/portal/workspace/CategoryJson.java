package io.kefu.portal.workspace;

import io.kefu.workspace.entity.Category;
import java.util.Locale;

/** A category as the API shows it, with the code of the department it routes to first. */
public record CategoryJson(String code, String name, String nameZh, String nameEn, String defaultDepartment,
        boolean active) {

    static CategoryJson of(Category category, Locale locale) {
        return new CategoryJson(category.code().value(), category.name().in(locale), category.name().zh(),
                category.name().en(), category.defaultDepartment(), category.isActive());
    }
}
