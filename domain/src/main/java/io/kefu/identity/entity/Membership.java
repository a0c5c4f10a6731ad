package io.kefu.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A person's role in one tenant: the only thing that lets anybody into a tenant's staff or admin area.
 *
 * <p>Deliberately not a {@code TenantOwned} entity: access checks and the "which workspaces can I open" list
 * must read memberships before (or across) a tenant context. Every query here names the tenant explicitly.
 */
@Entity
@jakarta.persistence.EntityListeners(io.kefu.cache.SnapshotChanges.class)
@Table(name = "membership")
@NamedQuery(name = Membership.ROLES_OF_USER_IN_TENANT,
        query = "SELECT m.role FROM Membership m WHERE m.user.username = :username AND m.tenantId = :tenantId"
                + " AND m.user.enabled = TRUE AND m.active = TRUE")
@NamedQuery(name = Membership.WORKPLACES, query = "SELECT t, m.role FROM Membership m, Tenant t"
        + " WHERE t.id = m.tenantId AND m.user.username = :username AND m.active = TRUE ORDER BY t.slug, m.role")
@NamedQuery(name = Membership.MEMBERS_WITH_ROLE, query = "SELECT DISTINCT m.user FROM Membership m"
        + " WHERE m.tenantId = :tenantId AND m.role IN :roles AND m.user.enabled = TRUE AND m.active = TRUE"
        + " ORDER BY m.user.username")
@NamedQuery(name = Membership.JOINED_MEMBERS_WITH_ROLE, query = "SELECT DISTINCT m.user FROM Membership m"
        + " WHERE m.tenantId = :tenantId AND m.role IN :roles AND m.user.enabled = TRUE AND m.active = TRUE"
        + " AND (m.user.passwordHash IS NOT NULL OR m.user.externalSubject IS NOT NULL)"
        + " ORDER BY m.user.username")
@NamedQuery(name = Membership.OF_USER_IN_TENANT, query = "SELECT m FROM Membership m"
        + " WHERE m.user.username = :username AND m.tenantId = :tenantId ORDER BY m.role")
@NamedQuery(name = Membership.OF_USERS_IN_TENANT, query = "SELECT m FROM Membership m"
        + " WHERE m.tenantId = :tenantId AND m.user.username IN :usernames ORDER BY m.user.username, m.role")
@NamedQuery(name = Membership.PEOPLE_IN_TENANT, query = "SELECT DISTINCT m.user.username FROM Membership m"
        + " WHERE m.tenantId = :tenantId AND m.role <> io.kefu.identity.entity.Role.RESIDENT"
        + " ORDER BY m.user.username")
@NamedQuery(name = Membership.COUNT_PEOPLE_IN_TENANT, query = "SELECT COUNT(DISTINCT m.user) FROM Membership m"
        + " WHERE m.tenantId = :tenantId AND m.role <> io.kefu.identity.entity.Role.RESIDENT")
@NamedQuery(name = Membership.ACTIVE_HOLDERS, query = "SELECT COUNT(DISTINCT m.user) FROM Membership m"
        + " WHERE m.tenantId = :tenantId AND m.role = :role AND m.active = TRUE AND m.user.enabled = TRUE"
        + " AND m.user.username <> :except")
@NamedQuery(name = Membership.ACTIVE_ANYWHERE, query = "SELECT COUNT(m) FROM Membership m"
        + " WHERE m.user.username = :username AND m.active = TRUE")
public class Membership {

    public static final String OF_USER_IN_TENANT = "Membership.ofUserInTenant";
    public static final String OF_USERS_IN_TENANT = "Membership.ofUsersInTenant";
    public static final String PEOPLE_IN_TENANT = "Membership.peopleInTenant";
    public static final String COUNT_PEOPLE_IN_TENANT = "Membership.countPeopleInTenant";
    public static final String ACTIVE_HOLDERS = "Membership.activeHolders";
    public static final String ACTIVE_ANYWHERE = "Membership.activeAnywhere";

    public static final String MEMBERS_WITH_ROLE = "Membership.membersWithRole";
    public static final String JOINED_MEMBERS_WITH_ROLE = "Membership.joinedMembersWithRole";
    public static final String ROLES_OF_USER_IN_TENANT = "Membership.rolesOfUserInTenant";
    public static final String WORKPLACES = "Membership.workplaces";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id", nullable = false, updatable = false)
    private UserAccount user;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private Long tenantId;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, updatable = false, length = 32)
    private Role role;

    @Column(name = "granted_at", nullable = false, updatable = false)
    private OffsetDateTime grantedAt;

    /**
     * False while a tenant admin has stopped this person's work in this tenant. Kept on every role row of the
     * person in the tenant alike; the account itself (and its work in other tenants) is untouched.
     */
    @Column(name = "active", nullable = false)
    private boolean active = true;

    protected Membership() {
        // for JPA
    }

    public Membership(UserAccount user, long tenantId, Role role, Clock clock) {
        this.user = Objects.requireNonNull(user);
        this.tenantId = tenantId;
        this.role = Objects.requireNonNull(role);
        this.grantedAt = OffsetDateTime.now(clock);
    }

    /** A role row that starts in the same state as the person's other rows in this tenant. */
    public Membership(UserAccount user, long tenantId, Role role, boolean active, Clock clock) {
        this(user, tenantId, role, clock);
        this.active = active;
    }

    /** Stops this role in this tenant from the next request on; the row stays, so it can be resumed. */
    public void deactivate() {
        this.active = false;
    }

    public void activate() {
        this.active = true;
    }

    public boolean isActive() {
        return active;
    }

    public UserAccount user() {
        return user;
    }

    public long tenantId() {
        return tenantId;
    }

    public Role role() {
        return role;
    }
}
