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
@Table(name = "membership")
@NamedQuery(name = Membership.ROLES_OF_USER_IN_TENANT,
        query = "SELECT m.role FROM Membership m WHERE m.user.username = :username AND m.tenantId = :tenantId"
                + " AND m.user.enabled = TRUE")
@NamedQuery(name = Membership.WORKPLACES, query = "SELECT t, m.role FROM Membership m, Tenant t"
        + " WHERE t.id = m.tenantId AND m.user.username = :username ORDER BY t.slug, m.role")
@NamedQuery(name = Membership.MEMBERS_WITH_ROLE, query = "SELECT DISTINCT m.user FROM Membership m"
        + " WHERE m.tenantId = :tenantId AND m.role IN :roles AND m.user.enabled = TRUE ORDER BY m.user.username")
public class Membership {

    public static final String MEMBERS_WITH_ROLE = "Membership.membersWithRole";
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

    protected Membership() {
        // for JPA
    }

    public Membership(UserAccount user, long tenantId, Role role, Clock clock) {
        this.user = Objects.requireNonNull(user);
        this.tenantId = tenantId;
        this.role = Objects.requireNonNull(role);
        this.grantedAt = OffsetDateTime.now(clock);
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
