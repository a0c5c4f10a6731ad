package io.kefu.tenancy.control;

import io.kefu.tenancy.entity.TenantOwned;
import io.kefu.tenancy.entity.TenantRef;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * The one place where the tenant meets the database. Boundaries inject {@code EntityManager} and get the
 * container's transaction-scoped EntityManager behind a thin proxy that, on the first call in each JTA
 * transaction, hands EclipseLink the current tenant as its tenant property, so the discriminator is in force
 * before the first query.
 *
 * <p>A transaction never changes tenant: the tenant bound first is remembered in the transaction's registry,
 * and a later call under another tenant fails instead of leaving the first tenant's objects managed. Requests
 * without a tenant (login, the platform operator's pages) bind none: global entities work, any tenant-owned
 * query fails with EclipseLink-6174.
 */
@ApplicationScoped
public class TenantPersistence {

    private static final String BOUND_TENANT = TenantPersistence.class.getName() + ".tenant";
    private static final Long NO_TENANT = -1L;

    @PersistenceContext(unitName = "kefu")
    EntityManager transactional;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    CurrentTenant currentTenant;

    @Produces
    @Dependent
    EntityManager entityManager() {
        return (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(),
                new Class<?>[] {EntityManager.class}, (proxy, method, arguments) -> {
                    bindTenant();
                    try {
                        return method.invoke(transactional, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void bindTenant() {
        if (transactions.getTransactionKey() == null) {
            return;
        }
        Long wanted = currentTenant.find().map(TenantRef::id).orElse(NO_TENANT);
        Object bound = transactions.getResource(BOUND_TENANT);
        if (bound == null) {
            if (!NO_TENANT.equals(wanted)) {
                transactional.setProperty(TenantOwned.TENANT_PROPERTY, wanted);
            }
            transactions.putResource(BOUND_TENANT, wanted);
        } else if (!bound.equals(wanted)) {
            throw new IllegalStateException("A transaction must not switch tenants (bound " + bound + ", now "
                    + wanted + ")");
        }
    }
}
