package io.kefu.admin.identity;

import io.kefu.identity.entity.UserAccount;
import io.kefu.tenancy.entity.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Kefu's own accounts as the identity directory (the zero-setup default). Everything is a row in Kefu's
 * database, written in the caller's transaction. Typed to itself so it is never ambiguous with another
 * directory; {@link IdentitySource} chooses.
 */
@ApplicationScoped
@Typed(LocalDirectory.class)
@Transactional
public class LocalDirectory implements IdentityDirectory {

    @Inject
    EntityManager em;

    @Inject
    LocalInvitations invitations;

    /** Nothing to do: local accounts are global rows, and which tenant they work in is Kefu's membership. */
    @Override
    public void tenantOpened(TenantRef tenant) {
        // no organization to make for local accounts
    }

    /** Nothing beyond Kefu's own check: the local accounts are Kefu's rows (see {@code People.checkInvitable}). */
    @Override
    public void checkInvitable(String username, String email) {
        // the accounts table is the directory
    }

    /** Nothing to undo, see {@link #tenantOpened}. */
    @Override
    public void tenantRemoved(TenantRef tenant) {
        // no organization to remove for local accounts
    }

    @Override
    public java.util.Optional<String> invite(TenantRef tenant, Invitee person) {
        return invitations.invite(tenant, person);
    }

    /** Nothing to do: which tenant a local account works in is Kefu's membership, already gone. */
    @Override
    public void leftTenant(TenantRef tenant, String username) {
        // no organization to leave for local accounts
    }

    @Override
    public void loginDisabled(String username) {
        account(username).ifPresent(UserAccount::disable);
    }

    @Override
    public void loginEnabled(String username) {
        account(username).ifPresent(UserAccount::enable);
    }

    private java.util.Optional<UserAccount> account(String username) {
        return em.createNamedQuery(UserAccount.BY_USERNAME, UserAccount.class).setParameter("username", username)
                .getResultStream().findFirst();
    }
}
