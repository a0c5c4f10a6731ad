package io.kefu.workspace.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.i18n.LocalizedName;
import io.kefu.tenancy.entity.TenantKind;
import io.kefu.workspace.entity.Code;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WorkspaceTemplateTest {

    @ParameterizedTest
    @EnumSource(TenantKind.class)
    void everyCategoryRoutesToADepartmentOfTheSameTemplate(TenantKind kind) {
        Set<String> departments = WorkspaceTemplate.departments(kind).stream()
                .map(WorkspaceTemplate.DepartmentSeed::code).collect(Collectors.toSet());
        assertEquals(WorkspaceTemplate.departments(kind).size(), departments.size(), "department codes are unique");
        WorkspaceTemplate.categories(kind).stream().filter(c -> c.department() != null)
                .forEach(c -> assertTrue(departments.contains(c.department()), c.code() + " → " + c.department()));
    }

    @ParameterizedTest
    @EnumSource(TenantKind.class)
    void everySeedIsValidAndNamedInBothLanguages(TenantKind kind) {
        WorkspaceTemplate.departments(kind).forEach(d -> {
            new Code(d.code());
            new LocalizedName(d.nameZh(), d.nameEn());
        });
        WorkspaceTemplate.categories(kind).forEach(c -> {
            new Code(c.code());
            new LocalizedName(c.nameZh(), c.nameEn());
        });
        assertFalse(WorkspaceTemplate.categories(kind).isEmpty());
    }
}
