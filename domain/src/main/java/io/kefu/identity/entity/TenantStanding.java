package io.kefu.identity.entity;

import io.kefu.problem.KefuException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * A person's place in one tenant as its admin changes it: the roles they hold there and whether their work
 * there is active. The rules of those changes live here, apart from the database: the roles a tenant admin
 * hands out, and that a tenant never loses its last active administrator (nobody could then fix it but the
 * platform operator).
 */
public record TenantStanding(Set<Role> roles, boolean active) {

    /** The roles a tenant admin gives staff; residents register themselves. */
    public static final Set<Role> GRANTABLE = EnumSet.of(Role.STAFF, Role.SUPERVISOR, Role.TENANT_ADMIN);

    public TenantStanding {
        roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    /** A non-empty set of grantable roles, or 422 on {@code roles}. */
    public static Set<Role> grantable(Collection<Role> wanted) {
        if (wanted == null || wanted.isEmpty() || wanted.stream().anyMatch(java.util.Objects::isNull)) {
            throw KefuException.invalid("roles", "people.roles.required");
        }
        if (!GRANTABLE.containsAll(wanted)) {
            throw KefuException.invalid("roles", "people.roles.invalid");
        }
        return EnumSet.copyOf(wanted);
    }

    public boolean isActiveAdmin() {
        return active && roles.contains(Role.TENANT_ADMIN);
    }

    /**
     * The standing with the staff roles replaced by {@code wanted} (a resident role the person holds stays).
     * {@code otherActiveAdmins}: active administrators of the tenant besides this person.
     */
    public TenantStanding withRoles(Collection<Role> wanted, long otherActiveAdmins) {
        Set<Role> next = EnumSet.noneOf(Role.class);
        next.addAll(grantable(wanted));
        if (roles.contains(Role.RESIDENT)) {
            next.add(Role.RESIDENT);
        }
        return checked(new TenantStanding(next, active), otherActiveAdmins);
    }

    public TenantStanding deactivated(long otherActiveAdmins) {
        return checked(new TenantStanding(roles, false), otherActiveAdmins);
    }

    public TenantStanding activated() {
        return new TenantStanding(roles, true);
    }

    private TenantStanding checked(TenantStanding next, long otherActiveAdmins) {
        if (isActiveAdmin() && !next.isActiveAdmin() && otherActiveAdmins == 0) {
            throw KefuException.conflict("people.last.admin");
        }
        return next;
    }
}
