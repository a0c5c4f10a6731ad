package io.kefu.workspace.boundary;

import io.kefu.cache.Snapshots;
import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.tenancy.entity.TenantKind;
import io.kefu.workspace.control.WorkspaceTemplate;
import io.kefu.workspace.entity.Category;
import io.kefu.workspace.entity.Code;
import io.kefu.workspace.entity.Department;
import io.kefu.i18n.LocalizedName;
import jakarta.enterprise.context.ApplicationScoped;
import io.kefu.audit.boundary.AuditLog;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The current tenant's departments and categories. Nothing here names a tenant: the EntityManager is already
 * bound to the tenant of the request, so another tenant's rows are neither found nor changed.
 */
@ApplicationScoped
@Transactional
public class Workspace {

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Snapshots snapshots;

    @Inject
    CurrentTenant currentTenant;

    public List<Department> departments() {
        return em.createNamedQuery(Department.ALL, Department.class).getResultList();
    }

    public Optional<Department> findDepartment(Code code) {
        return em.createNamedQuery(Department.BY_CODE, Department.class)
                .setParameter("code", code.value())
                .getResultStream()
                .findFirst();
    }

    public Department getDepartment(Code code) {
        return findDepartment(code).orElseThrow(() -> KefuException.notFound("department.not.found", code));
    }

    public Department addDepartment(Code code, LocalizedName name) {
        if (findDepartment(code).isPresent()) {
            throw new KefuException(Failure.CONFLICT, "code", "department.code.taken", code);
        }
        Department department = new Department(code, name);
        em.persist(department);
        flush();
        audit.record("settings.department.add", code.value(), null, describe(name));
        return department;
    }

    public Department renameDepartment(Code code, LocalizedName name, long expectedVersion) {
        Department department = getDepartment(code);
        String before = describe(department.name());
        department.rename(name, expectedVersion);
        flush();
        audit.record("settings.department.rename", code.value(), before, describe(name));
        return department;
    }

    /** Gives an empty workspace the template's departments and categories for its trade. */
    public void seed(TenantKind kind) {
        for (WorkspaceTemplate.DepartmentSeed seed : WorkspaceTemplate.departments(kind)) {
            addDepartment(new Code(seed.code()), new LocalizedName(seed.nameZh(), seed.nameEn()));
        }
        em.flush();
        for (WorkspaceTemplate.CategorySeed seed : WorkspaceTemplate.categories(kind)) {
            addCategory(new Code(seed.code()), new LocalizedName(seed.nameZh(), seed.nameEn()),
                    seed.department() == null ? null : new Code(seed.department()));
        }
    }

    /**
     * Writes now rather than at commit, so that a concurrent change (version) or a concurrent insert of the
     * same code (unique constraint) is reported as a conflict by this method instead of failing the commit.
     */
    private void flush() {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw KefuException.conflict("concurrent.change");
        } catch (PersistenceException e) {
            if (isConstraintViolation(e)) {
                throw new KefuException(Failure.CONFLICT, "code", "concurrent.duplicate");
            }
            throw e;
        }
    }

    private static boolean isConstraintViolation(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    public List<Category> categories() {
        return em.createNamedQuery(Category.ALL, Category.class).getResultList();
    }

    /**
     * The category of {@code code} for reading only, from this node's copy of the tenant's categories
     * ({@link Snapshots}, dropped on every node when one changes); never change what it returns.
     */
    public Optional<Category> cachedCategory(Code code) {
        List<Category> all = snapshots.get(Snapshots.tenant(currentTenant.get().id()), "categories",
                () -> List.copyOf(categories()));
        return all.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public Optional<Category> findCategory(Code code) {
        return em.createNamedQuery(Category.BY_CODE, Category.class)
                .setParameter("code", code.value())
                .getResultStream()
                .findFirst();
    }

    public Category addCategory(Code code, LocalizedName name, Code defaultDepartment) {
        if (findCategory(code).isPresent()) {
            throw new KefuException(Failure.CONFLICT, "code", "category.code.taken", code);
        }
        Department department = defaultDepartment == null ? null : findDepartment(defaultDepartment)
                .orElseThrow(() -> KefuException.invalid("defaultDepartment", "department.not.found",
                        defaultDepartment));
        Category category = new Category(code, name, department, categories().size() + 1);
        em.persist(category);
        audit.record("settings.category.add", code.value(), null, describe(name)
                + (defaultDepartment == null ? "" : "\ndefaultDepartment=" + defaultDepartment.value()));
        return category;
    }

    private static String describe(LocalizedName name) {
        java.util.Map<String, Object> values = new LinkedHashMap<>();
        values.put("zh", name.zh());
        values.put("en", name.en());
        return AuditLog.describe(values);
    }
}
