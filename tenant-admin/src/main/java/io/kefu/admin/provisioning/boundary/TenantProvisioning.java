package io.kefu.admin.provisioning.boundary;

import io.kefu.admin.identity.IdentitySource;
import io.kefu.admin.people.boundary.People;
import io.kefu.identity.entity.Role;
import io.kefu.identity.entity.UserAccount;
import io.kefu.phrase.boundary.ServiceLanguage;
import io.kefu.problem.Fields;
import io.kefu.problem.KefuException;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.tenancy.entity.TenantRef;
import io.kefu.tenancy.entity.TenantSlug;
import io.kefu.workspace.boundary.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;

/**
 * Opens, suspends and resumes tenants for the platform operator.
 *
 * <p>Opening is two transactions by necessity: the tenant row is global, and its workspace (departments,
 * categories) is tenant-owned, so it can only be written by an EntityManager bound to the new tenant, and a
 * transaction never switches tenant. If the workspace cannot be written, the tenant row is removed again, so
 * a failed opening leaves nothing behind.
 */
@ApplicationScoped
public class TenantProvisioning {

    @Inject
    TenantRegistry registry;

    @Inject
    Workspace workspace;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    ServiceLanguage serviceLanguage;

    @Inject
    io.kefu.survey.boundary.SurveyTemplates surveyTemplates;

    @Inject
    IdentitySource identity;

    @Inject
    People people;

    /** Opens a tenant without anybody to run it yet (the demo data grants its own people). */
    @Transactional(TxType.NEVER)
    public TenantRef open(NewTenant request) {
        return open(request, null);
    }

    /**
     * Opens a tenant and invites its first administrator. The directory hears of the tenant first (Keycloak
     * makes its organization), then the admin is invited; if anything fails the directory and the tenant row
     * are undone, so the operator can simply try again.
     */
    @Transactional(TxType.NEVER)
    public TenantRef open(NewTenant request, FirstAdmin admin) {
        if (admin != null) {
            // Named as the operator typed them: adminUsername, not the account's username.
            KefuException.checkAll(() -> Fields.text(admin.email(), "adminEmail", UserAccount.EMAIL_MAXLENGTH),
                    () -> asField("adminUsername", () -> UserAccount.normalizeUsername(admin.usernameOrEmail())),
                    () -> Fields.optional(admin.displayName(), "adminDisplayName",
                            UserAccount.DISPLAY_NAME_MAXLENGTH));
            // Refused before anything is written: the workspace rows could not be taken back afterwards.
            people.checkInvitable(admin.usernameOrEmail(), admin.email());
        }
        TenantRef tenant = registry.insert(request, admin);
        boolean directoryOpened = false;
        try {
            // The directory and the first admin come before the workspace: until the workspace is seeded, a
            // failure can still take the tenant row back (seeded rows would hold it by their foreign keys).
            // Every tenant gets its organization (demo tenants and tenants opened without an admin, too), so
            // residents who register there can join it.
            identity.directory().tenantOpened(tenant);
            directoryOpened = true;
            if (admin != null) {
                currentTenant.runAs(tenant, () -> people.invite(new People.NewPerson(admin.usernameOrEmail(),
                        admin.email(), admin.displayNameOrUsername(), List.of(Role.TENANT_ADMIN), null)));
            }
            currentTenant.runAs(tenant, () -> {
                workspace.seed(tenant.kind());
                serviceLanguage.seed();
                surveyTemplates.seed();
                return tenant;
            });
            return tenant;
        } catch (RuntimeException e) {
            try {
                registry.remove(tenant.id(), String.valueOf(e.getMessage()));
                // Only once the tenant is gone: an organization without its tenant would be a stray.
                if (directoryOpened) {
                    identity.directory().tenantRemoved(tenant);
                }
            } catch (RuntimeException removal) {
                e.addSuppressed(removal);
            }
            throw e;
        }
    }

    public TenantRef suspend(TenantSlug slug) {
        return registry.suspend(slug);
    }

    public TenantRef resume(TenantSlug slug) {
        return registry.resume(slug);
    }

    private static void asField(String field, Runnable check) {
        try {
            check.run();
        } catch (KefuException e) {
            throw KefuException.invalid(field, e.messageKey(), e.arguments());
        }
    }
}
