package io.kefu.identity.entity;

import java.util.EnumSet;
import java.util.Set;

/** What a person does in one tenant. PLATFORM_ADMIN is not here: it is global, a flag on the account. */
public enum Role {
    /** Files and follows their own cases. */
    RESIDENT,
    /** Registers, accepts, handles and calls back cases. */
    STAFF,
    /** Assigns work, approves rejections and closures, receives escalations, reads reports. */
    SUPERVISOR,
    /** Configures the tenant's workspace. */
    TENANT_ADMIN;

    /** The roles that work in the staff area of a tenant. */
    public static final Set<Role> STAFF_AREA = EnumSet.of(STAFF, SUPERVISOR);
    /** The roles that configure a tenant. */
    public static final Set<Role> ADMIN_AREA = EnumSet.of(TENANT_ADMIN);
}
