package io.kefu.identity.boundary;

import io.kefu.identity.control.VerifiedCredentials;
import io.kefu.identity.entity.Membership;
import io.kefu.identity.entity.PasswordHash;
import io.kefu.identity.entity.Role;
import io.kefu.identity.entity.UserAccount;
import io.kefu.cache.Snapshots;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import io.kefu.problem.Writes;
import io.kefu.tenancy.control.Reach;
import io.kefu.tenancy.control.TenantPersistence;
import io.kefu.tenancy.entity.Tenant;
import io.kefu.tenancy.entity.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Local accounts and their memberships: authenticate, create, grant roles, ask what a person may do where. */
@ApplicationScoped
@Transactional
public class Accounts {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    VerifiedCredentials verified;

    @Inject
    TenantPersistence persistence;

    @Inject
    Snapshots snapshots;

    @Inject
    CurrentTenant currentTenant;

    /**
     * The caller when the username exists, is enabled and the password matches; empty otherwise, without
     * saying which of those failed (no user enumeration through the login form).
     */
    public Optional<Caller> authenticate(String username, char[] password) {
        Optional<Signature> found = signature(username);
        if (found.isEmpty()) {
            // Spend the same time as a real check (a missing hash costs as much), so response times do not tell
            // which usernames exist.
            PasswordHash.matches(password, null);
            return Optional.empty();
        }
        Signature account = found.get();
        BooleanSupplier check = () -> UserAccount.authenticates(account.enabled(), account.passwordHash(), password);
        // Only an enabled account's match is remembered; a disabled one pays the full hash (no faster answer).
        boolean authenticated = account.enabled()
                ? verified.verify(account.passwordHash(), password, check)
                : check.getAsBoolean();
        if (!authenticated) {
            return Optional.empty();
        }
        return Optional.of(account.caller());
    }

    /**
     * The enabled caller behind a session, checked on every request; from this node's copy of the account, which
     * every node drops when a change of it commits, so disabling takes effect on the next request everywhere.
     */
    public Optional<Caller> findEnabled(String username) {
        return signature(username).filter(Signature::enabled).map(Signature::caller);
    }

    /** What a request needs of an account to let its caller in, as this node holds it ({@link Snapshots}). */
    private record Signature(Caller caller, String passwordHash, boolean enabled) {
    }

    private Optional<Signature> signature(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(snapshots.get(Snapshots.account(username), "signature",
                () -> findAccount(username).map(a -> new Signature(caller(a), a.passwordHash(), a.isEnabled()))
                        .orElse(null)));
    }

    /** The enabled caller the identity provider knows by {@code subject}: how bearer tokens and sessions map. */
    public Optional<Caller> findEnabledBySubject(String subject) {
        return findBySubject(subject).filter(UserAccount::isEnabled).map(Accounts::caller);
    }

    /**
     * The account behind a person who just logged in at the identity provider, made or linked on their first
     * visit. Known by the provider's id: that account. Not yet: an account with the same username is linked
     * only when the provider has verified the same e-mail the account was invited with (so nobody takes over
     * an account by registering its username at the provider); otherwise a new account, a resident of
     * {@code registeringIn} when they came through a tenant's page (residents register themselves; staff are
     * invited). A disabled account is refused.
     */
    public SignIn signIn(ExternalPerson person, Optional<Long> registeringIn) {
        Optional<UserAccount> known = findBySubject(person.subject()).or(() -> invited(person));
        boolean created = false;
        UserAccount account;
        if (known.isPresent()) {
            account = known.get();
        } else {
            String name = person.displayName() == null || person.displayName().isBlank() ? person.username()
                    : person.displayName();
            // Only an address the provider has verified is kept: invitations and linking trust it.
            account = UserAccount.external(person.username(), name, person.emailVerified() ? person.email() : null,
                    person.subject(), clock);
            em.persist(account);
            created = true;
            if (registeringIn.isPresent()) {
                em.persist(new Membership(account, registeringIn.get(), Role.RESIDENT, clock));
            }
        }
        if (!account.isEnabled()) {
            throw new KefuException(Failure.FORBIDDEN, "auth.account.disabled");
        }
        // A duplicate key here is the same person's first login made a moment ago by another request.
        Writes.flush(em);
        return new SignIn(caller(account), created);
    }

    /**
     * The enabled caller behind a bearer token: known by the provider's id, or an invited account met for the
     * first time (linked as at login). Never creates an account: API clients do not register people.
     */
    public Optional<Caller> findOrLink(ExternalPerson person) {
        try {
            return findBySubject(person.subject()).or(() -> invited(person)).filter(UserAccount::isEnabled)
                    .map(Accounts::caller);
        } catch (KefuException e) {
            return Optional.empty();
        }
    }

    /**
     * An account Kefu made (invited, or from before Keycloak) with this person's username, linked now when the
     * provider has verified the same e-mail; a different person with that username is refused.
     */
    private Optional<UserAccount> invited(ExternalPerson person) {
        Optional<UserAccount> sameName = findAccount(person.username());
        sameName.ifPresent(account -> {
            boolean sameEmail = person.emailVerified() && account.email() != null
                    && account.email().equalsIgnoreCase(person.email());
            if (!sameEmail) {
                throw new KefuException(Failure.CONFLICT, "user.subject.mismatch", (Object) account.username());
            }
            account.linkSubject(person.subject());
        });
        return sameName;
    }

    /** The outcome of {@link #signIn}: who, and whether Kefu met them for the first time. */
    public record SignIn(Caller caller, boolean created) {
    }

    /** Ties an existing account to the provider's id of the person (the bootstrap operator, made by Kefu itself). */
    public void linkSubject(String username, String subject) {
        getAccount(username).linkSubject(subject);
    }

    public Caller create(String username, String displayName, String email, char[] password) {
        String normalized = UserAccount.normalizeUsername(username);
        if (findAccount(normalized).isPresent()) {
            throw new KefuException(Failure.CONFLICT, "username", "user.username.taken", normalized);
        }
        UserAccount account = UserAccount.withPassword(normalized, displayName, email, password, clock);
        em.persist(account);
        return caller(account);
    }

    /** A platform operator, created and granted in one transaction (a crash leaves neither or both). */
    public Caller createPlatformAdmin(String username, String displayName, char[] password) {
        Caller created = create(username, displayName, null, password);
        getAccount(created.username()).grantPlatformAdmin();
        return created;
    }

    /**
     * A platform operator who logs in at the identity provider, created, granted and tied to the provider's
     * id of them in one transaction: a crash leaves no operator that could never log in.
     */
    public Caller createPlatformAdmin(String username, String displayName, String email, char[] password,
            String subject) {
        Caller created = create(username, displayName, email, password);
        UserAccount account = getAccount(created.username());
        account.grantPlatformAdmin();
        account.linkSubject(subject);
        return created;
    }

    public boolean exists(String username) {
        return findAccount(username).isPresent();
    }

    public void grant(String username, long tenantId, Role role) {
        if (!rolesIn(username, tenantId).contains(role)) {
            em.persist(new Membership(getAccount(username), tenantId, role, clock));
        }
    }

    /**
     * The roles this person holds in that tenant; empty for strangers and for disabled accounts. Read on every
     * request, from this node's copy ({@link Snapshots}, dropped everywhere when the account or one of its
     * memberships changes).
     */
    public Set<Role> rolesIn(String username, long tenantId) {
        Supplier<Set<Role>> read = () -> {
            List<Role> found = em.createNamedQuery(Membership.ROLES_OF_USER_IN_TENANT, Role.class)
                    .setParameter("username", normalized(username))
                    .setParameter("tenantId", tenantId)
                    .getResultList();
            return Collections.unmodifiableSet(found.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(found));
        };
        // Only a transaction of that very tenant is answered from the copy: asked from another tenant's transaction,
        // the database's row-level security must still have its say (and shows nothing).
        boolean ownTenant = currentTenant.find().map(t -> t.id() == tenantId).orElse(false);
        Set<Role> roles = ownTenant
                ? snapshots.get(Snapshots.account(username), "roles:" + tenantId, read) : read.get();
        return EnumSet.copyOf(roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles);
    }

    /** The enabled people holding any of {@code roles} in that tenant, e.g. its supervisors, by username. */
    public List<Member> members(long tenantId, Set<Role> roles) {
        return em.createNamedQuery(Membership.MEMBERS_WITH_ROLE, UserAccount.class)
                .setParameter("tenantId", tenantId)
                .setParameter("roles", roles)
                .getResultStream()
                .map(a -> new Member(a.username(), a.displayName(), a.email()))
                .toList();
    }

    /**
     * Those of {@link #members} who have joined: they can sign in (their password is set, or the identity
     * provider has named them at a first login). Somebody invited who never accepted cannot be given work.
     */
    public List<Member> joinedMembers(long tenantId, Set<Role> roles) {
        return em.createNamedQuery(Membership.JOINED_MEMBERS_WITH_ROLE, UserAccount.class)
                .setParameter("tenantId", tenantId)
                .setParameter("roles", roles)
                .getResultStream()
                .map(a -> new Member(a.username(), a.displayName(), a.email()))
                .toList();
    }

    /**
     * Every tenant this person holds a role in, with the role, ordered by tenant and role: the one question about
     * memberships asked across tenants (the database admits it for this transaction only, see {@link Reach}).
     */
    public List<Workplace> workplaces(String username) {
        persistence.reach(Reach.ACCOUNTS);
        return em.createNamedQuery(Membership.WORKPLACES, Object[].class)
                .setParameter("username", normalized(username))
                .getResultStream()
                .map(row -> new Workplace(TenantRef.of((Tenant) row[0]), (Role) row[1]))
                .toList();
    }

    public boolean anyPlatformAdmin() {
        return em.createNamedQuery(UserAccount.PLATFORM_ADMINS, Long.class).getSingleResult() > 0;
    }

    private static String normalized(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private Optional<UserAccount> findAccount(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return em.createNamedQuery(UserAccount.BY_USERNAME, UserAccount.class)
                .setParameter("username", normalized(username))
                .getResultStream()
                .findFirst();
    }

    private Optional<UserAccount> findBySubject(String subject) {
        if (subject == null || subject.isBlank()) {
            return Optional.empty();
        }
        return em.createNamedQuery(UserAccount.BY_SUBJECT, UserAccount.class).setParameter("subject", subject)
                .getResultStream().findFirst();
    }

    private UserAccount getAccount(String username) {
        return findAccount(username).orElseThrow(() -> KefuException.notFound("user.not.found", username));
    }

    private static Caller caller(UserAccount account) {
        return new Caller(account.username(), account.displayName(), account.isPlatformAdmin());
    }
}
