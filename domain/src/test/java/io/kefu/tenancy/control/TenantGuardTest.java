package io.kefu.tenancy.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kefu.i18n.LocalizedName;
import io.kefu.tenancy.entity.TenantKind;
import io.kefu.tenancy.entity.TenantOwned;
import io.kefu.tenancy.entity.TenantRef;
import io.kefu.tenancy.entity.TenantSlug;
import io.kefu.tenancy.entity.TenantStatus;
import io.kefu.workspace.entity.Code;
import io.kefu.workspace.entity.Department;
import java.lang.reflect.Field;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TenantGuardTest {

    private final TenantGuard guard = new TenantGuard();

    TenantGuardTest() {
        guard.currentTenant = new CurrentTenant();
    }

    @Test
    void refusesToChangeAnotherTenantsObject() throws Exception {
        guard.currentTenant.set(tenant(1));
        assertThrows(IllegalStateException.class, () -> guard.belongsToCurrentTenant(departmentOf(2L)));
    }

    @Test
    void refusesWhenNoTenantIsBound() throws Exception {
        assertThrows(IllegalStateException.class, () -> guard.belongsToCurrentTenant(departmentOf(2L)));
    }

    @Test
    void letsTheOwnerChangeItsObjectAndNewObjectsPass() throws Exception {
        guard.currentTenant.set(tenant(2));
        assertDoesNotThrow(() -> guard.belongsToCurrentTenant(departmentOf(2L)));
        assertDoesNotThrow(() -> guard.belongsToCurrentTenant(departmentOf(null)));
    }

    private static Department departmentOf(Long tenantId) throws ReflectiveOperationException {
        Department department = new Department(new Code("engineering"), new LocalizedName("工程部", "Engineering"));
        Field owner = TenantOwned.class.getDeclaredField("tenantId");
        owner.setAccessible(true);
        owner.set(department, tenantId);
        return department;
    }

    private static TenantRef tenant(long id) {
        return new TenantRef(id, new TenantSlug("tenant-" + id), "租户", "Tenant", TenantKind.PROPERTY,
                TenantStatus.ACTIVE, ZoneId.of("Asia/Shanghai"), Locale.SIMPLIFIED_CHINESE);
    }
}
