package io.kefu.it.isolation;

import io.kefu.admin.provisioning.boundary.NewTenant;
import io.kefu.admin.provisioning.boundary.TenantProvisioning;
import io.kefu.identity.boundary.Accounts;
import io.kefu.identity.entity.Role;
import io.kefu.tenancy.boundary.Tenants;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.tenancy.entity.TenantKind;
import io.kefu.tenancy.entity.TenantRef;
import io.kefu.tenancy.entity.TenantSlug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Test support deployed with {@link IsolationMatrixIT}: opens the matrix's tenants as the platform does and gives
 * each one person per role, with a password (the API has no way to set one without a mail round trip).
 */
@ApplicationScoped
public class IsolationProbe {

    private static final Map<String, Role> ROLES = Map.of("admin", Role.TENANT_ADMIN, "supervisor", Role.SUPERVISOR,
            "staff", Role.STAFF, "resident", Role.RESIDENT);

    @Inject
    Tenants tenants;

    @Inject
    TenantProvisioning provisioning;

    @Inject
    Accounts accounts;

    @Inject
    CurrentTenant currentTenant;

    /** The tenant, opened now unless it exists, with {@code slug.admin}, {@code slug.supervisor}, … in it. */
    @ActivateRequestContext
    public TenantRef open(String slug, String nameZh, String nameEn) {
        TenantRef tenant = tenants.findBySlug(new TenantSlug(slug)).orElseGet(() -> provisioning.open(
                new NewTenant(slug, nameZh, nameEn, TenantKind.PROPERTY, "Asia/Shanghai", "zh-CN")));
        ROLES.forEach((role, granted) -> {
            String username = TenantFixture.username(slug, role);
            if (!accounts.exists(username)) {
                accounts.create(username, nameZh + " " + role, username + "@isolation.kefu.invalid",
                        TenantFixture.PASSWORD.toCharArray());
            }
            currentTenant.runAs(tenant, () -> {
                accounts.grant(username, tenant.id(), granted);
                return null;
            });
        });
        return tenant;
    }
}
