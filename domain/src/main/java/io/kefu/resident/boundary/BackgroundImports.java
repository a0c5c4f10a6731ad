package io.kefu.resident.boundary;

import io.kefu.audit.control.CurrentActor;
import io.kefu.resident.entity.ResidentImport;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.tenancy.entity.TenantRef;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Imports a resident file while the page shows its progress: the file is checked and the import recorded
 * before the request returns (a malformed file is refused at once), then its rows are taken on a container
 * thread, acting for the same tenant and admin. Progress and outcome live on the import's row, so a poll
 * answered by the other node sees them too; a node that dies mid-import leaves it running, nothing taken.
 */
@ApplicationScoped
public class BackgroundImports {

    private static final Logger LOG = Logger.getLogger(BackgroundImports.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Inject
    Residents residents;

    @Inject
    ImportProgress progress;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    CurrentActor actor;

    @Inject
    BackgroundImports self;

    public ResidentImport submit(String fileName, byte[] content) {
        ResidentImport run = residents.start(fileName, content);
        TenantRef tenant = currentTenant.get();
        String admin = actor.get();
        long id = run.id();
        executor.submit(() -> self.take(tenant, admin, id, content));
        return run;
    }

    /** Runs on the container thread, in a request context of its own carrying the tenant and the admin. */
    @ActivateRequestContext
    public void take(TenantRef tenant, String admin, long importId, byte[] content) {
        currentTenant.set(tenant);
        actor.set(admin);
        try {
            residents.complete(importId, content);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Import " + importId + " of tenant " + tenant.slug().value() + " failed", e);
            progress.fail(importId);
        }
    }
}
