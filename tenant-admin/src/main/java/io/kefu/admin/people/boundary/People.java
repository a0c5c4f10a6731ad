package io.kefu.admin.people.boundary;

import io.kefu.admin.identity.IdentitySource;
import io.kefu.admin.identity.Invitee;
import io.kefu.audit.boundary.AuditLog;
import io.kefu.audit.control.CurrentActor;
import io.kefu.callback.boundary.Callbacks;
import io.kefu.complaint.boundary.Cases;
import io.kefu.complaint.entity.Actor;
import io.kefu.identity.entity.Membership;
import io.kefu.identity.entity.Role;
import io.kefu.identity.entity.TenantStanding;
import io.kefu.identity.entity.UserAccount;
import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import io.kefu.problem.Writes;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.tenancy.control.Reach;
import io.kefu.tenancy.control.TenantPersistence;
import io.kefu.tenancy.entity.TenantRef;
import io.kefu.workspace.boundary.Office;
import io.kefu.workspace.entity.Code;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The staff of the current tenant as its admin manages them: invite, change roles, stop and resume their work
 * here, put them in departments. Every change is written to the audit log in the same transaction. Only this
 * tenant's memberships are ever read or changed: a person of another tenant is "not found" here, whatever
 * their username.
 */
@ApplicationScoped
@Transactional
public class People {

    /** One person as the people list shows them. */
    public record Person(String username, String displayName, String email, Set<Role> roles, boolean active,
            boolean passwordSet, boolean invitationPending, List<String> departments) implements java.io.Serializable {

        public String departmentCodes() {
            return String.join(", ", departments);
        }
    }

    /**
     * A person just invited (or invited again), and their invitation link when nothing could mail it (no SMTP
     * server): shown to the inviting admin once, never stored in a readable form.
     */
    public record Invited(Person person, Optional<String> link) {
    }

    /** What an admin types to invite someone; {@code department} is optional. */
    public record NewPerson(String username, String email, String displayName, Collection<Role> roles,
            String department) {
    }

    @Inject
    EntityManager em;

    @Inject
    CurrentTenant tenant;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    IdentitySource identity;

    @Inject
    Office office;

    @Inject
    Cases cases;

    @Inject
    Callbacks callbacks;

    @Inject
    CurrentActor actor;

    @Inject
    TenantPersistence persistence;

    public List<Person> page(int first, int size) {
        long tenantId = tenant.get().id();
        List<String> usernames = em.createNamedQuery(Membership.PEOPLE_IN_TENANT, String.class)
                .setParameter("tenantId", tenantId).setFirstResult(Math.max(0, first))
                .setMaxResults(Math.max(1, Math.min(size, 200))).getResultList();
        if (usernames.isEmpty()) {
            return List.of();
        }
        Map<String, List<Membership>> rows = new LinkedHashMap<>();
        usernames.forEach(u -> rows.put(u, new ArrayList<>()));
        em.createNamedQuery(Membership.OF_USERS_IN_TENANT, Membership.class).setParameter("tenantId", tenantId)
                .setParameter("usernames", usernames).getResultStream()
                .forEach(m -> rows.get(m.user().username()).add(m));
        Map<String, List<String>> departments = new LinkedHashMap<>();
        office.handlers().stream().filter(h -> rows.containsKey(h.username()))
                .forEach(h -> departments.computeIfAbsent(h.username(), u -> new ArrayList<>())
                        .add(h.departmentCode()));
        return rows.values().stream().map(m -> person(m, departments.getOrDefault(m.get(0).user().username(),
                List.of()))).toList();
    }

    public long count() {
        return em.createNamedQuery(Membership.COUNT_PEOPLE_IN_TENANT, Long.class)
                .setParameter("tenantId", tenant.get().id()).getSingleResult();
    }

    public Person get(String username) {
        return person(memberships(username), List.copyOf(new TreeSet<>(office.departmentsOf(normalized(username)))));
    }

    /**
     * A new local account (no password yet) with the roles here, and the directory's invitation. A username
     * that exists already is the same person only when the e-mail matches: then they get the roles here too.
     */
    public Invited invite(NewPerson in) {
        TenantRef here = tenant.get();
        Set<Role> roles = TenantStanding.grantable(in.roles() == null ? List.of() : in.roles());
        Code department = in.department() == null || in.department().isBlank() ? null : code(in.department());
        String username = UserAccount.normalizeUsername(in.username());
        Optional<UserAccount> existing = account(username);
        UserAccount account;
        if (existing.isPresent()) {
            account = existing.get();
            if (!account.hasEmail(in.email())) {
                throw new KefuException(Failure.CONFLICT, "username", "people.username.taken", username);
            }
            // A resident of this tenant may be taken on as staff; somebody already on the staff is a mistake.
            if (rows(username).stream().anyMatch(m -> m.role() != Role.RESIDENT)) {
                throw new KefuException(Failure.CONFLICT, "username", "people.already.member", username);
            }
        } else {
            identity.directory().checkInvitable(username, in.email());
            account = UserAccount.invited(username, in.displayName(), in.email(), clock);
            em.persist(account);
        }
        for (Role role : roles) {
            em.persist(new Membership(account, here.id(), role, clock));
        }
        Writes.flush(em);
        if (!account.isEnabled()) {
            // Their only other memberships were stopped; working here lets them log in again.
            identity.directory().loginEnabled(username);
        }
        if (department != null) {
            office.addHandler(department, username);
        }
        audit.record("user.invite", username, null, AuditLog.describe(describe(account.email(), roles, true,
                department == null ? null : department.value())));
        Optional<String> link = identity.directory().invite(here, new Invitee(username, account.email(),
                account.displayName(), here.defaultLocale()));
        return new Invited(get(username), link);
    }

    /**
     * Sends a person's invitation again, for one lost or expired: a new link (the earlier one stops working,
     * locally; Keycloak mails its own). Only for somebody who has not answered it yet; audited.
     */
    public Invited resendInvitation(String username) {
        TenantRef here = tenant.get();
        List<Membership> rows = memberships(username);
        UserAccount account = rows.get(0).user();
        if (!account.awaitsFirstSignIn()) {
            throw KefuException.conflict("people.invitation.answered", account.username());
        }
        if (!standing(rows).active() || !account.isEnabled()) {
            throw KefuException.conflict("people.invitation.stopped", account.username());
        }
        Optional<String> link = identity.directory().invite(here, new Invitee(account.username(), account.email(),
                account.displayName(), here.defaultLocale()));
        audit.record("user.invite.resend", account.username(), null, AuditLog.describe(Map.of("email",
                String.valueOf(account.email()))));
        return new Invited(get(account.username()), link);
    }

    /**
     * Refuses, without any tenant, an invitation that would fail for its username: one taken by a person with
     * another e-mail address.
     */
    public void checkInvitable(String username, String email) {
        String name = UserAccount.normalizeUsername(username);
        if (account(name).filter(a -> !a.hasEmail(email)).isPresent()) {
            throw new KefuException(Failure.CONFLICT, "username", "people.username.taken", name);
        }
        identity.directory().checkInvitable(name, email);
    }

    /** Replaces the person's staff roles here (rows are never updated: the old ones go, the new ones come). */
    public Person changeRoles(String username, Collection<Role> wanted) {
        List<Membership> rows = memberships(username);
        TenantStanding before = standing(rows);
        TenantStanding after = before.withRoles(wanted, otherActiveAdmins(username));
        UserAccount account = rows.get(0).user();
        for (Membership row : rows) {
            if (!after.roles().contains(row.role())) {
                em.remove(row);
            }
        }
        for (Role role : after.roles()) {
            if (!before.roles().contains(role)) {
                em.persist(new Membership(account, tenant.get().id(), role, before.active(), clock));
            }
        }
        Writes.flush(em);
        audit.record("user.role", account.username(), AuditLog.describe(Map.of("roles", names(before.roles()))),
                AuditLog.describe(Map.of("roles", names(after.roles()))));
        return get(username);
    }

    /** Who can take over the work of {@code leaving}: the people here who can be given work, but them. */
    public List<io.kefu.identity.boundary.Member> successors(String leaving) {
        String name = normalized(leaving);
        return office.assignable().stream().filter(m -> !m.username().equals(name)).toList();
    }

    /** What {@link #remove} did: who left, who took over, how many open cases and callbacks moved. */
    public record Removal(String username, String successor, int cases, int callbacks) {
    }

    /**
     * Takes a person out of this tenant for good (not only stopped): their open cases (those still being worked
     * on; one waiting for its callback keeps its owner) and open callbacks go to
     * {@code successor}, somebody here who can be given work, in the same transaction, each case with the reason
     * in its history; they leave their departments; their staff memberships here end (a resident membership of
     * theirs stays). Their name stays in the history of what they did. Without an active membership anywhere
     * they can no longer log in; with Keycloak they leave the tenant's organization. Refused for the last
     * active admin, and for a successor who cannot take the work; then nothing is changed.
     */
    public Removal remove(String username, String successor) {
        List<Membership> rows = memberships(username);
        String leaving = rows.get(0).user().username();
        String heir = office.assignee(successor, "successor").username();
        if (heir.equals(leaving)) {
            throw KefuException.invalid("successor", "people.successor.self");
        }
        if (standing(rows).active()) {
            standing(rows).deactivated(otherActiveAdmins(leaving));
        }
        // The admin decides for the office here, with a supervisor's say over cases and callbacks.
        Actor admin = Actor.supervisor(actor.get());
        // Written into each case's history, in the office's language.
        String reason = "zh".equals(tenant.get().defaultLocale().getLanguage()) ? leaving + " 已离开本团队，移交 " + heir
                : leaving + " left the team; handed to " + heir;
        int handedOver = cases.handOverAllOf(leaving, heir, admin, reason);
        int reassigned = callbacks.reassignAllOf(leaving, heir, admin);
        for (String department : office.departmentsOf(leaving)) {
            office.removeHandler(code(department), leaving);
        }
        rows.stream().filter(m -> m.role() != Role.RESIDENT).forEach(em::remove);
        Writes.flush(em);
        TenantRef here = tenant.get();
        if (activeAnywhere(leaving) == 0) {
            identity.directory().loginDisabled(leaving);
        }
        identity.directory().leftTenant(here, leaving);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("successor", heir);
        after.put("cases", handedOver);
        after.put("callbacks", reassigned);
        audit.record("user.remove", leaving, AuditLog.describe(Map.of("roles", names(standing(rows).roles()))),
                AuditLog.describe(after));
        return new Removal(leaving, heir, handedOver, reassigned);
    }

    /** Stops the person's work in this tenant from their next request; their other tenants are untouched. */
    public Person disable(String username) {
        List<Membership> rows = memberships(username);
        TenantStanding before = standing(rows);
        if (!before.active()) {
            return get(username);
        }
        before.deactivated(otherActiveAdmins(username));
        rows.forEach(Membership::deactivate);
        Writes.flush(em);
        String name = rows.get(0).user().username();
        if (activeAnywhere(name) == 0) {
            identity.directory().loginDisabled(name);
        }
        audit.record("user.disable", name, "active=true", "active=false");
        return get(username);
    }

    public Person enable(String username) {
        List<Membership> rows = memberships(username);
        if (standing(rows).active() && rows.get(0).user().isEnabled()) {
            return get(username);
        }
        rows.forEach(Membership::activate);
        Writes.flush(em);
        String name = rows.get(0).user().username();
        identity.directory().loginEnabled(name);
        audit.record("user.enable", name, "active=false", "active=true");
        return get(username);
    }

    /** Puts the person in a department (its handlers see the cases routed there); audited by the office. */
    public Person joinDepartment(String username, String department) {
        memberships(username);
        office.addHandler(code(department), normalized(username));
        return get(username);
    }

    public Person leaveDepartment(String username, String department) {
        memberships(username);
        office.removeHandler(code(department), normalized(username));
        return get(username);
    }

    private List<Membership> memberships(String username) {
        List<Membership> rows = rows(normalized(username));
        if (rows.stream().allMatch(m -> m.role() == Role.RESIDENT)) {
            throw KefuException.notFound("people.not.found", username);
        }
        return rows;
    }

    private List<Membership> rows(String username) {
        return em.createNamedQuery(Membership.OF_USER_IN_TENANT, Membership.class).setParameter("username", username)
                .setParameter("tenantId", tenant.get().id()).getResultList();
    }

    private long otherActiveAdmins(String username) {
        return em.createNamedQuery(Membership.ACTIVE_HOLDERS, Long.class).setParameter("tenantId", tenant.get().id())
                .setParameter("role", Role.TENANT_ADMIN).setParameter("except", normalized(username))
                .getSingleResult();
    }

    /** Across tenants by nature: the database admits it for this transaction's memberships only (Reach). */
    private long activeAnywhere(String username) {
        persistence.reach(Reach.ACCOUNTS);
        return em.createNamedQuery(Membership.ACTIVE_ANYWHERE, Long.class).setParameter("username", username)
                .getSingleResult();
    }

    private Optional<UserAccount> account(String username) {
        return em.createNamedQuery(UserAccount.BY_USERNAME, UserAccount.class).setParameter("username", username)
                .getResultStream().findFirst();
    }

    private static TenantStanding standing(List<Membership> rows) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        rows.forEach(m -> roles.add(m.role()));
        return new TenantStanding(roles, rows.stream().allMatch(Membership::isActive));
    }

    private static Person person(List<Membership> rows, List<String> departments) {
        UserAccount account = rows.get(0).user();
        TenantStanding standing = standing(rows);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(standing.roles());
        roles.remove(Role.RESIDENT);
        return new Person(account.username(), account.displayName(), account.email(), roles,
                standing.active() && account.isEnabled(), account.hasPassword(), account.awaitsFirstSignIn(),
                departments);
    }

    private static Map<String, Object> describe(String email, Set<Role> roles, boolean active, String department) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("email", email);
        values.put("roles", names(roles));
        values.put("active", active);
        if (department != null) {
            values.put("department", department);
        }
        return values;
    }

    private static String names(Set<Role> roles) {
        return String.join(",", roles.stream().map(Enum::name).toList());
    }

    private static String normalized(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static Code code(String value) {
        try {
            return Code.typed(value);
        } catch (KefuException e) {
            throw KefuException.invalid("department", "department.not.found", value);
        }
    }
}
