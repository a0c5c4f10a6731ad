package io.kefu.portal.workspace;

/** The body to create or rename a department; {@code version} is required for a rename. */
public record DepartmentInput(String code, String nameZh, String nameEn, Long version) {
}
