package io.kefu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.tenancy.boundary.Tenants;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.tenancy.entity.TenantRef;
import io.kefu.tenancy.entity.TenantSlug;
import io.kefu.workspace.entity.Category;
import io.kefu.workspace.entity.Code;
import io.kefu.workspace.entity.Department;
import io.kefu.i18n.LocalizedName;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.UserTransaction;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tenant A (huijing-property) must see and touch nothing of tenant B (riverside-mall): not through the
 * EntityManager (find by B's id, JPQL, bulk update, bulk delete), not through the API (B's slug, B's codes),
 * not through pages (B's URLs). The first half runs inside Payara against the real database; the second half
 * is a client of the running portal.
 */
@ExtendWith(ArquillianExtension.class)
class TenantIsolationIT {

    static final String A = "huijing-property";
    static final String B = "riverside-mall";
    static final String PASSWORD = "kefu-demo-2026";

    @Deployment
    static WebArchive deployment() {
        return Deployments.portal(PortalClient.class);
    }

    @Inject
    EntityManager em;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    Tenants tenants;

    /**
     * The container's own object, looked up once: CDI's UserTransaction proxy looks it up again on every call, and
     * once in many runs that lookup came back empty (WELD-000044).
     */
    @Resource(lookup = "java:comp/UserTransaction")
    UserTransaction transaction;

    @ArquillianResource
    URL base;

    // ---------------------------------------------------------------- inside the container, on the database

    @Test
    void findByAnotherTenantsIdReturnsNothing() throws Exception {
        String code = unique();
        Long bDepartment = as(B, () -> persistDepartment(code, "B's department"));
        Long bCategory = as(B, () -> categoryId("product-quality"));

        as(A, () -> {
            assertNull(em.find(Department.class, bDepartment), "A finds B's department by its id");
            assertNull(em.find(Category.class, bCategory), "A finds B's category by its id");
            return null;
        });
        as(B, () -> {
            assertNotNull(em.find(Department.class, bDepartment), "B still finds its own department");
            return null;
        });
    }

    @Test
    void jpqlSeesOnlyTheTenantsOwnRows() throws Exception {
        long aId = tenant(A).id();
        List<Department> seenByA = as(A, () -> em.createNamedQuery(Department.ALL, Department.class).getResultList());
        assertFalse(seenByA.isEmpty());
        assertTrue(seenByA.stream().allMatch(d -> d.tenantId() == aId), "every row A sees is A's");
        assertTrue(seenByA.stream().noneMatch(d -> d.code().value().equals("operations")),
                "B's 'operations' department is invisible to A");
        Long byCode = as(A, () -> em.createQuery("SELECT COUNT(d) FROM Department d WHERE d.code = 'operations'",
                Long.class).getSingleResult());
        assertEquals(0L, byCode);
        Long inB = as(B, () -> em.createQuery("SELECT COUNT(d) FROM Department d WHERE d.code = 'operations'",
                Long.class).getSingleResult());
        assertEquals(1L, inB);
    }

    @Test
    void bulkUpdateChangesOnlyTheTenantsOwnRows() throws Exception {
        String code = unique();
        as(A, () -> persistDepartment(code, "A original"));
        as(B, () -> persistDepartment(code, "B original"));

        int updated = as(A, () -> em.createQuery("UPDATE Department d SET d.name.en = 'changed by A' WHERE d.code = :code")
                .setParameter("code", code).executeUpdate());

        assertEquals(1, updated, "the update reaches A's row only");
        assertEquals("B original", as(B, () -> department(code).name().en()));
        assertEquals("changed by A", as(A, () -> department(code).name().en()));
    }

    @Test
    void bulkDeleteRemovesOnlyTheTenantsOwnRows() throws Exception {
        String code = unique();
        as(A, () -> persistDepartment(code, "A doomed"));
        as(B, () -> persistDepartment(code, "B survives"));

        int deleted = as(A, () -> em.createQuery("DELETE FROM Department d WHERE d.code = :code")
                .setParameter("code", code).executeUpdate());

        assertEquals(1, deleted);
        assertEquals("B survives", as(B, () -> department(code).name().en()));
    }

    @Test
    void withoutATenantTenantDataCannotBeRead() throws Exception {
        currentTenant.set(null);
        transaction.begin();
        try {
            RuntimeException refused = assertThrows(RuntimeException.class,
                    () -> em.createNamedQuery(Department.ALL, Department.class).getResultList());
            assertTrue(String.valueOf(refused.getMessage()).contains("EclipseLink-6174"), refused.toString());
        } finally {
            transaction.rollback();
        }
    }

    @Test
    void aTransactionNeverSwitchesTenant() throws Exception {
        currentTenant.set(tenant(A));
        transaction.begin();
        try {
            em.createNamedQuery(Department.ALL, Department.class).getResultList();
            currentTenant.set(tenant(B));
            assertThrows(IllegalStateException.class,
                    () -> em.createNamedQuery(Department.ALL, Department.class).getResultList());
        } finally {
            transaction.rollback();
            currentTenant.set(null);
        }
    }

    @Test
    void anotherTenantsObjectIsNeverWrittenByPrimaryKey() throws Exception {
        String code = unique();
        Department ofB = as(B, () -> {
            persistDepartment(code, "B's own");
            em.clear();
            return department(code);
        });
        // A detached object of B handed to a transaction of A: whatever merge makes of it (refused by the guard,
        // or taken for a new object of A), B's row must not be updated by its id.
        try {
            as(A, () -> {
                ofB.rename(new LocalizedName("越权", "changed by A"));
                em.merge(ofB);
                em.flush();
                return null;
            });
        } catch (Exception refused) {
            // refused: the expected outcome
        }
        assertEquals("B's own", as(B, () -> department(code).name().en()));
    }

    // ---------------------------------------------------------------- as clients of the running portal

    @Test
    @RunAsClient
    void apiOfAnotherTenantIsRefused() {
        PortalClient.awaitReady(base);
        PortalClient staffOfA = PortalClient.basic(base, "huijing.staff", PASSWORD);
        for (String path : List.of("/api/v1/tenants/" + B + "/departments", "/api/v1/tenants/" + B + "/categories",
                "/api/v1/tenants/" + B + "/departments/operations", "/api/v1/tenants/" + B + "/departments/no-such")) {
            HttpResponse<String> response = staffOfA.get(path);
            assertEquals(403, response.statusCode(), path);
            assertFalse(response.body().contains("Mall Operations"), path);
        }
    }

    @Test
    @RunAsClient
    void anotherTenantsCodesAreNotFoundUnderOwnSlug() {
        PortalClient.awaitReady(base);
        PortalClient staffOfA = PortalClient.basic(base, "huijing.staff", PASSWORD);
        HttpResponse<String> response = staffOfA.get("/api/v1/tenants/" + A + "/departments/operations");
        assertEquals(404, response.statusCode());
        assertFalse(response.body().contains("Mall Operations"));
        assertEquals(200, PortalClient.basic(base, "riverside.staff", PASSWORD)
                .get("/api/v1/tenants/" + B + "/departments/operations").statusCode());
    }

    @Test
    @RunAsClient
    void writesToAnotherTenantAreRefusedAndStoreNothing() {
        PortalClient.awaitReady(base);
        PortalClient adminOfA = PortalClient.basic(base, "huijing.admin", PASSWORD);
        PortalClient adminOfB = PortalClient.basic(base, "riverside.admin", PASSWORD);
        String code = unique();

        HttpResponse<String> create = adminOfA.postJson("/api/v1/tenants/" + B + "/departments",
                "{\"code\":\"" + code + "\",\"nameZh\":\"越权\",\"nameEn\":\"Intruder\"}");
        assertEquals(403, create.statusCode());
        assertEquals(404, adminOfB.get("/api/v1/tenants/" + B + "/departments/" + code).statusCode());

        long version = PortalClient.json(adminOfB.get("/api/v1/tenants/" + B + "/departments/operations"))
                .getJsonNumber("version").longValue();
        HttpResponse<String> rename = adminOfA.putJson("/api/v1/tenants/" + B + "/departments/operations",
                "{\"nameZh\":\"越权\",\"nameEn\":\"Hijacked\",\"version\":" + version + "}");
        assertEquals(403, rename.statusCode());
        assertEquals("Mall Operations", PortalClient.json(adminOfB.get("/api/v1/tenants/" + B + "/departments/operations"))
                .getString("nameEn"));
    }

    @Test
    @RunAsClient
    void pagesOfAnotherTenantAreRefused() {
        PortalClient.awaitReady(base);
        PortalClient staffOfA = PortalClient.loggedIn(base, A, "huijing.staff", PASSWORD);
        assertEquals(200, staffOfA.get("/t/" + A + "/staff/").statusCode());
        for (String path : List.of("/t/" + B + "/staff/", "/t/" + B + "/admin/")) {
            HttpResponse<String> page = staffOfA.get(path);
            assertEquals(403, page.statusCode(), path);
            assertFalse(page.body().contains("Mall Operations") || page.body().contains("营运部"), path);
        }
        PortalClient adminOfA = PortalClient.loggedIn(base, A, "huijing.admin", PASSWORD);
        assertEquals(200, adminOfA.get("/t/" + A + "/admin/").statusCode());
        assertEquals(403, adminOfA.get("/t/" + B + "/admin/").statusCode());
    }

    @Test
    @RunAsClient
    void physicalViewsCannotBeReachedWithoutATenant() {
        PortalClient.awaitReady(base);
        PortalClient staffOfA = PortalClient.loggedIn(base, A, "huijing.staff", PASSWORD);
        assertEquals(404, staffOfA.get("/tenant/staff/index.xhtml").statusCode());
        assertEquals(404, staffOfA.get("/tenant/admin/index.xhtml").statusCode());
    }

    // ---------------------------------------------------------------- helpers

    private <T> T as(String slug, Callable<T> work) throws Exception {
        currentTenant.set(tenant(slug));
        transaction.begin();
        try {
            T result = work.call();
            transaction.commit();
            return result;
        } catch (Exception | AssertionError e) {
            transaction.rollback();
            throw e;
        } finally {
            currentTenant.set(null);
        }
    }

    private TenantRef tenant(String slug) {
        return tenants.getBySlug(new TenantSlug(slug));
    }

    private Long persistDepartment(String code, String nameEn) {
        Department department = new Department(new Code(code), new LocalizedName("隔离测试", nameEn));
        em.persist(department);
        em.flush();
        return department.id();
    }

    private Department department(String code) {
        return em.createNamedQuery(Department.BY_CODE, Department.class).setParameter("code", code).getSingleResult();
    }

    private Long categoryId(String code) {
        return em.createQuery("SELECT c.id FROM Category c WHERE c.code = :code", Long.class)
                .setParameter("code", code).getSingleResult();
    }

    private static String unique() {
        return "iso-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
