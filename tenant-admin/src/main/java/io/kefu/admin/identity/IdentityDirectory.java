package io.kefu.admin.identity;

import io.kefu.tenancy.entity.TenantRef;
import java.util.Optional;

/**
 * Where people's logins live. Two exist: Kefu's own accounts (the zero-setup default) and Keycloak (one realm,
 * one organization per tenant). Either way Kefu keeps the authority over who works where: memberships and
 * roles are Kefu's rows, checked on every request; the directory only lets people prove who they are.
 *
 * <p>Callers are Kefu's own boundaries, which have already checked that the acting admin may touch this
 * tenant and this person: the directory's power (realm-wide in Keycloak) is never handed to a request as is.
 */
public interface IdentityDirectory {

    /** A tenant was opened: Keycloak makes its organization. Runs before the tenant's first invitation. */
    void tenantOpened(TenantRef tenant);

    /** Undoes {@link #tenantOpened} for a tenant whose opening failed afterwards; nothing when there is nothing. */
    void tenantRemoved(TenantRef tenant);

    /**
     * Refuses, before anything is written, an invitation the directory would refuse later: Keycloak knows the
     * e-mail already under another username. Local accounts need nothing beyond Kefu's own check.
     */
    void checkInvitable(String username, String email);

    /**
     * Lets an invited person log in and tells them how; called again, sends the invitation again. The local
     * account row and the membership exist already (written by the caller in its transaction). Local: a
     * set-password link by mail, replacing any earlier link of this tenant. Keycloak: a Keycloak user with
     * required actions (verify e-mail, set password), member of the tenant's organization, and Keycloak's own
     * mail with the link. Returns the link when nothing could mail it (no SMTP server is configured), for the
     * admin to hand over by other means; empty when it went by mail.
     */
    Optional<String> invite(TenantRef tenant, Invitee person);

    /** The person left the tenant for good: Keycloak takes them out of its organization; local accounts: nothing. */
    void leftTenant(TenantRef tenant, String username);

    /** The person may not log in anywhere any more (no tenant has an active membership for them). */
    void loginDisabled(String username);

    /** The person may log in again. */
    void loginEnabled(String username);
}
