package io.kefu.admin.provisioning.boundary;

import io.kefu.phrase.boundary.ServiceLanguage;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.tenancy.entity.TenantRef;
import io.kefu.tenancy.entity.TenantSlug;
import io.kefu.workspace.boundary.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

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

    @Transactional(TxType.NEVER)
    public TenantRef open(NewTenant request) {
        TenantRef tenant = registry.insert(request);
        try {
            return currentTenant.runAs(tenant, () -> {
                workspace.seed(tenant.kind());
                serviceLanguage.seed();
                surveyTemplates.seed();
                return tenant;
            });
        } catch (RuntimeException e) {
            try {
                registry.remove(tenant.id());
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
}
