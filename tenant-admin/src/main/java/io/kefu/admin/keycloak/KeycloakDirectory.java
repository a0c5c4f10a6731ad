package io.kefu.admin.keycloak;

import io.kefu.admin.identity.IdentityDirectory;
import io.kefu.admin.identity.Invitee;
import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import io.kefu.tenancy.entity.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Keycloak as the directory: a tenant is an organization (alias = the tenant's slug), an invited person a
 * realm user who must verify their e-mail and set a password through Keycloak's own mail and pages, and a
 * member of the tenant's organization. Membership in the organization is only informational (it shows in
 * tokens and Keycloak's console); what a person may do in a tenant is decided by Kefu's memberships alone.
 */
@ApplicationScoped
@Typed(KeycloakDirectory.class)
public class KeycloakDirectory implements IdentityDirectory {

    private static final Logger LOG = Logger.getLogger(KeycloakDirectory.class.getName());
    /** How long Keycloak's invitation link stays valid: a week, like Kefu's own invitations. */
    static final int INVITATION_SECONDS = 7 * 24 * 3600;
    /** Keycloak insists on a domain per organization; tenants have none of their own, so a reserved one. */
    static final String DOMAIN_SUFFIX = ".tenants.kefu.invalid";

    @Inject
    KeycloakAdmin admin;

    @Inject
    KeycloakSettings settings;

    @Override
    public void tenantOpened(TenantRef tenant) {
        call("create the organization", () -> {
            if (organization(tenant).isEmpty()) {
                OrganizationRepresentation organization = new OrganizationRepresentation();
                organization.setName(tenant.slug().value());
                organization.setAlias(tenant.slug().value());
                organization.setDescription(tenant.nameZh() + " / " + tenant.nameEn());
                organization.setEnabled(true);
                OrganizationDomainRepresentation domain = new OrganizationDomainRepresentation();
                domain.setName(tenant.slug().value() + DOMAIN_SUFFIX);
                organization.addDomain(domain);
                KeycloakAdmin.createdId(realm().organizations().create(organization), "create the organization");
            }
            return null;
        });
    }

    @Override
    public void tenantRemoved(TenantRef tenant) {
        call("remove the organization", () -> {
            organization(tenant).ifPresent(o -> realm().organizations().get(o.getId()).delete().close());
            return null;
        });
    }

    /**
     * Refuses an e-mail Keycloak knows under another username, and a username Keycloak knows with another
     * e-mail (somebody registered it first: inviting would hand the tenant to them, and the invitee would get
     * no mail).
     */
    @Override
    public void checkInvitable(String username, String email) {
        boolean emailTaken = call("look up " + email, () -> email != null && realm().users()
                .searchByEmail(email, true).stream().anyMatch(u -> !u.getUsername().equalsIgnoreCase(username)));
        if (emailTaken) {
            throw new KefuException(Failure.CONFLICT, "email", "identity.user.exists");
        }
        boolean nameTaken = call("look up " + username, () -> user(username)
                .filter(u -> u.getEmail() == null || !u.getEmail().equalsIgnoreCase(email)).isPresent());
        if (nameTaken) {
            throw new KefuException(Failure.CONFLICT, "username", "identity.user.exists");
        }
    }

    @Override
    public Optional<String> invite(TenantRef tenant, Invitee person) {
        // Keycloak mails its own link (its action tokens cannot be withdrawn: an earlier mail's link still works
        // until it expires, and can do no more than the new one).
        call("invite " + person.username(), () -> {
            String userId = user(person.username()).map(UserRepresentation::getId)
                    .orElseGet(() -> createUser(person));
            OrganizationRepresentation organization = organization(tenant).orElseThrow(
                    () -> new KeycloakFailure("find the organization of " + tenant.slug().value(), 404, ""));
            boolean member = realm().organizations().get(organization.getId()).members()
                    .search(person.username(), true, 0, 1).stream().anyMatch(m -> userId.equals(m.getId()));
            if (!member) {
                try (var added = realm().organizations().get(organization.getId()).members().addMember(userId)) {
                    if (added.getStatus() / 100 != 2 && added.getStatus() != 409) {
                        throw new KeycloakFailure("add " + person.username() + " to the organization",
                                added.getStatus(), "");
                    }
                }
            }
            UserRepresentation user = realm().users().get(userId).toRepresentation();
            List<String> actions = user.getRequiredActions() == null ? List.of() : user.getRequiredActions();
            if (!actions.isEmpty()) {
                // After the actions Keycloak offers the way back to the tenant's login page.
                realm().users().get(userId).executeActionsEmail(settings.clientId(), settings.publicUrl()
                        + "/t/" + tenant.slug().value() + "/login", INVITATION_SECONDS, actions);
            }
            return null;
        });
        return Optional.empty();
    }

    /** Links a person Keycloak already knows (e.g. a self-registered resident) to a tenant's organization. */
    public void joinOrganization(TenantRef tenant, String subject) {
        call("add a member to the organization", () -> {
            organization(tenant).ifPresent(o -> realm().organizations().get(o.getId()).members()
                    .addMember(subject).close());
            return null;
        });
    }

    /**
     * The platform operator Kefu bootstraps on a fresh installation, made in Keycloak with the configured
     * password (no invitation: there is nobody to invite them). Returns Keycloak's id of them.
     */
    public String ensureOperator(String username, String email, char[] password) {
        return call("create the platform operator", () -> user(username).map(existing -> {
                    // Somebody may have registered the name first: only the operator's own, verified address counts.
                    if (!Boolean.TRUE.equals(existing.isEmailVerified()) || existing.getEmail() == null
                            || !existing.getEmail().equalsIgnoreCase(email)) {
                        throw new KeycloakFailure("adopt " + username + " as operator (another e-mail)", 409, "");
                    }
                    return existing.getId();
                })
                .orElseGet(() -> {
                    UserRepresentation user = new UserRepresentation();
                    user.setUsername(username);
                    user.setEmail(email);
                    user.setFirstName("Platform");
                    user.setLastName("Operator");
                    user.setEnabled(true);
                    user.setEmailVerified(true);
                    org.keycloak.representations.idm.CredentialRepresentation credential =
                            new org.keycloak.representations.idm.CredentialRepresentation();
                    credential.setType(org.keycloak.representations.idm.CredentialRepresentation.PASSWORD);
                    credential.setValue(new String(password));
                    credential.setTemporary(false);
                    user.setCredentials(List.of(credential));
                    return KeycloakAdmin.createdId(realm().users().create(user), "create the platform operator");
                }));
    }

    @Override
    public void leftTenant(TenantRef tenant, String username) {
        call("take " + username + " out of the organization", () -> {
            Optional<UserRepresentation> user = user(username);
            Optional<OrganizationRepresentation> organization = organization(tenant);
            if (user.isPresent() && organization.isPresent()) {
                try (var removed = realm().organizations().get(organization.get().getId()).members()
                        .member(user.get().getId()).delete()) {
                    // 404: not a member (any more); nothing else to undo
                    if (removed.getStatus() / 100 != 2 && removed.getStatus() != 404) {
                        throw new KeycloakFailure("take " + username + " out of the organization",
                                removed.getStatus(), "");
                    }
                }
            }
            return null;
        });
    }

    @Override
    public void loginDisabled(String username) {
        setEnabled(username, false);
    }

    @Override
    public void loginEnabled(String username) {
        setEnabled(username, true);
    }

    /** Keycloak's id of the person, which its tokens carry as {@code sub}; empty when Keycloak has no such user. */
    public Optional<String> subjectOf(String username) {
        return call("find " + username, () -> user(username).map(UserRepresentation::getId));
    }

    private void setEnabled(String username, boolean enabled) {
        call((enabled ? "enable " : "disable ") + username, () -> {
            user(username).ifPresent(found -> {
                found.setEnabled(enabled);
                realm().users().get(found.getId()).update(found);
                if (!enabled) {
                    // End their open Keycloak sessions too, so no new token is issued from them.
                    realm().users().get(found.getId()).logout();
                }
            });
            return null;
        });
    }

    private String createUser(Invitee person) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(person.username());
        user.setEmail(person.email());
        String[] names = splitName(person.displayName());
        user.setFirstName(names[0]);
        user.setLastName(names[1]);
        user.setEnabled(true);
        user.setEmailVerified(false);
        user.setRequiredActions(List.of("VERIFY_EMAIL", "UPDATE_PASSWORD"));
        user.singleAttribute("locale", person.locale() == null || "zh".equals(person.locale().getLanguage())
                ? "zh-CN" : "en");
        return KeycloakAdmin.createdId(realm().users().create(user), "create the user " + person.username());
    }

    /**
     * Keycloak's profile wants a first and a last name. A Chinese name is written family name first without
     * a space (张三 → 张 / 三); a Western one has a space (Ann Lee → Ann / Lee); a single word is used twice
     * rather than inventing a name.
     */
    static String[] splitName(String displayName) {
        String name = displayName == null ? "" : displayName.strip();
        int space = name.lastIndexOf(' ');
        if (space > 0) {
            return new String[] {name.substring(0, space).strip(), name.substring(space + 1)};
        }
        if (name.codePointCount(0, name.length()) >= 2 && Character.UnicodeScript.of(name.codePointAt(0))
                == Character.UnicodeScript.HAN) {
            int split = name.offsetByCodePoints(0, 1);
            return new String[] {name.substring(split), name.substring(0, split)};
        }
        return new String[] {name, name};
    }

    private Optional<UserRepresentation> user(String username) {
        return realm().users().search(username, true).stream()
                .filter(u -> username.equalsIgnoreCase(u.getUsername())).findFirst();
    }

    private Optional<OrganizationRepresentation> organization(TenantRef tenant) {
        String alias = tenant.slug().value();
        return realm().organizations().search(alias, true, 0, 10).stream()
                .filter(o -> alias.equals(o.getAlias())).findFirst();
    }

    private RealmResource realm() {
        return admin.realm();
    }

    /**
     * Runs one provisioning step and turns what Keycloak answered into Kefu's failures: a username or e-mail
     * Keycloak already has is a conflict the admin can act on; anything else means the identity provider
     * could not do its part, and the caller's transaction rolls back.
     */
    private <T> T call(String what, Supplier<T> step) {
        try {
            try {
                return step.get();
            } catch (NotAuthorizedException | KeycloakFailure e) {
                if (e instanceof KeycloakFailure failure && failure.status() != 401) {
                    throw e;
                }
                // Keycloak no longer takes the service account's token, e.g. the realm's signing key was rotated
                // out and removed: a fresh token, and the step once more (a refused request changed nothing).
                LOG.info(() -> "Keycloak refused the service account's token; renewed it to " + what);
                admin.renewToken();
                return step.get();
            }
        } catch (KeycloakFailure e) {
            LOG.warning(e.getMessage());
            if (e.status() == 409) {
                throw new KefuException(Failure.CONFLICT, "email", "identity.user.exists");
            }
            throw new KefuException(Failure.UNAVAILABLE, "identity.unavailable");
        } catch (WebApplicationException | ProcessingException e) {
            LOG.warning(() -> "Keycloak failed to " + what + ": " + e);
            throw new KefuException(Failure.UNAVAILABLE, "identity.unavailable");
        }
    }
}
