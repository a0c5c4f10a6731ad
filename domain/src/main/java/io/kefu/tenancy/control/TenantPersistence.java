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
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The one place where the tenant meets the database. Boundaries inject {@code EntityManager} and get the
 * container's transaction-scoped EntityManager behind a thin proxy that, on the first call in each JTA
 * transaction, hands the current tenant to both walls before the first query: EclipseLink's tenant property (the
 * discriminator it adds to every query of a tenant-owned entity) and PostgreSQL's setting {@code kefu.tenant_id}
 * on the transaction's connection (row-level security, which filters every statement, native SQL included).
 * The setting is transaction-local ({@code set_config(…, true)}): a pooled connection never carries it into
 * another transaction, and work outside a JTA transaction (a lazy read after the commit, say) is refused tenant
 * rows.
 *
 * <p>A transaction never changes tenant: the tenant bound first is remembered in the transaction's registry,
 * and a later call under another tenant fails instead of leaving the first tenant's objects managed. Requests
 * without a tenant (login, the platform operator's pages) bind none: global entities work, any tenant-owned
 * query fails with EclipseLink-6174, and PostgreSQL refuses tenant rows ("no tenant named").
 *
 * <p>The few boundaries that legitimately read across tenants say so with {@link #reach(Reach)}, one narrow
 * reach per transaction, never a way around the walls for everything.
 */
@ApplicationScoped
public class TenantPersistence {

    private static final String BOUND_TENANT = TenantPersistence.class.getName() + ".tenant";
    private static final String OPEN_REACH = TenantPersistence.class.getName() + ".reach";
    private static final Long NO_TENANT = -1L;
    static final String TENANT_SETTING = "kefu.tenant_id";
    static final String REACH_SETTING = "kefu.reach";

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
            transactions.putResource(BOUND_TENANT, wanted);
            if (!NO_TENANT.equals(wanted)) {
                transactional.setProperty(TenantOwned.TENANT_PROPERTY, wanted);
                setOnConnection(TENANT_SETTING, wanted.toString());
            }
        } else if (!bound.equals(wanted)) {
            throw new IllegalStateException("A transaction must not switch tenants (bound " + bound + ", now "
                    + wanted + ")");
        }
    }

    /**
     * Lets the current transaction read across tenants as far as {@code reach} admits (see {@link Reach}), on top
     * of its own tenant's rows if it has one. Only inside a transaction; one reach per transaction.
     */
    public void reach(Reach reach) {
        if (transactions.getTransactionKey() == null) {
            throw new IllegalStateException("A reach across tenants needs a transaction: " + reach);
        }
        bindTenant();
        Object open = transactions.getResource(OPEN_REACH);
        if (open == null) {
            transactions.putResource(OPEN_REACH, reach);
            setOnConnection(REACH_SETTING, reach.setting());
        } else if (open != reach) {
            throw new IllegalStateException("A transaction reaches across tenants for one purpose only (open "
                    + open + ", now " + reach + ")");
        }
    }

    /**
     * A transaction-local setting on the connection EclipseLink uses for this JTA transaction ({@code unwrap}
     * begins its transaction on that connection, and every later statement of the transaction runs there).
     */
    private void setOnConnection(String name, String value) {
        Connection connection = transactional.unwrap(Connection.class);
        try (PreparedStatement statement = connection.prepareStatement("SELECT set_config(?, ?, true)")) {
            statement.setString(1, name);
            statement.setString(2, value);
            statement.execute();
        } catch (SQLException e) {
            throw new PersistenceException("Could not name the transaction's tenant to the database", e);
        }
    }
}
