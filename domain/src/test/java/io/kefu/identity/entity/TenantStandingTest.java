package io.kefu.identity.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TenantStandingTest {

    private static final TenantStanding ADMIN = new TenantStanding(EnumSet.of(Role.TENANT_ADMIN), true);

    @Test
    void aRoleChangeReplacesTheStaffRolesAndKeepsTheResidentRole() {
        TenantStanding before = new TenantStanding(EnumSet.of(Role.STAFF, Role.RESIDENT), true);
        TenantStanding after = before.withRoles(List.of(Role.SUPERVISOR), 0);
        assertEquals(EnumSet.of(Role.SUPERVISOR, Role.RESIDENT), after.roles());
        assertTrue(after.active());
    }

    @Test
    void refusesNoRolesAndRolesAnAdminCannotHandOut() {
        TenantStanding staff = new TenantStanding(EnumSet.of(Role.STAFF), true);
        assertEquals(Failure.INVALID, assertThrows(KefuException.class, () -> staff.withRoles(List.of(), 1)).failure());
        assertEquals("people.roles.invalid", assertThrows(KefuException.class,
                () -> staff.withRoles(List.of(Role.RESIDENT), 1)).messageKey());
    }

    @Test
    void theLastActiveAdminCanNeitherBeDisabledNorLoseTheRole() {
        KefuException disabled = assertThrows(KefuException.class, () -> ADMIN.deactivated(0));
        assertEquals(Failure.CONFLICT, disabled.failure());
        assertEquals("people.last.admin", disabled.messageKey());
        assertThrows(KefuException.class, () -> ADMIN.withRoles(Set.of(Role.STAFF), 0));
    }

    @Test
    void anAdminWithAnotherActiveAdminBesideThemMayStepDown() {
        assertFalse(ADMIN.deactivated(1).active());
        assertEquals(EnumSet.of(Role.STAFF), ADMIN.withRoles(Set.of(Role.STAFF), 1).roles());
    }

    @Test
    void disablingAndEnablingStaffNeedsNoOtherAdmin() {
        TenantStanding staff = new TenantStanding(EnumSet.of(Role.STAFF), true);
        TenantStanding off = staff.deactivated(0);
        assertFalse(off.active());
        assertTrue(off.activated().active());
        assertEquals(staff.roles(), off.activated().roles());
    }

    @Test
    void aDisabledAdminIsNoLongerCountedAsTheLastOne() {
        TenantStanding off = new TenantStanding(EnumSet.of(Role.TENANT_ADMIN), false);
        assertEquals(EnumSet.of(Role.STAFF), off.withRoles(Set.of(Role.STAFF), 0).roles());
    }
}
