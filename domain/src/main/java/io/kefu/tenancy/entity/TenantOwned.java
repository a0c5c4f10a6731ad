package io.kefu.tenancy.entity;

import io.kefu.tenancy.control.TenantGuard;
import jakarta.persistence.Column;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.MappedSuperclass;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.eclipse.persistence.config.PersistenceUnitProperties;

/**
 * Everything a tenant owns extends this. EclipseLink adds {@code tenant_id = ?} to every select, find, bulk
 * update and bulk delete of a subclass and fills it on insert, with the value of the EntityManager property
 * {@link #TENANT_PROPERTY}. That property is set in one place only ({@code TenantPersistence}); with no tenant
 * set, queries fail (EclipseLink-6174) instead of returning everybody's rows.
 *
 * <p>Ids stay global and unique: EclipseLink updates and deletes a loaded object by primary key alone, which
 * is why {@link TenantGuard} checks the owner before every update and delete.
 */
@MappedSuperclass
@EntityListeners(TenantGuard.class)
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = TenantOwned.TENANT_COLUMN, contextProperty = TenantOwned.TENANT_PROPERTY,
        discriminatorType = jakarta.persistence.DiscriminatorType.INTEGER)
public abstract class TenantOwned {

    public static final String TENANT_COLUMN = "tenant_id";
    public static final String TENANT_PROPERTY = PersistenceUnitProperties.MULTITENANT_PROPERTY_DEFAULT;

    /** Read-only view of the discriminator, for logs and checks; the provider alone writes it. */
    @Column(name = TENANT_COLUMN, insertable = false, updatable = false)
    private Long tenantId;

    public Long tenantId() {
        return tenantId;
    }
}
