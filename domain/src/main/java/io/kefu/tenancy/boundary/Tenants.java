package io.kefu.tenancy.boundary;

import io.kefu.cache.Snapshots;
import io.kefu.problem.KefuException;
import io.kefu.tenancy.entity.Tenant;
import io.kefu.tenancy.entity.TenantRef;
import io.kefu.tenancy.entity.TenantSlug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * Looking tenants up. Read on every tenant request, from this node's copy of the directory ({@link Snapshots}):
 * a change of any tenant (a suspension, say) drops every node's copy when it commits, so it takes effect on the
 * next request on every node.
 */
@ApplicationScoped
@Transactional
public class Tenants {

    @Inject
    EntityManager em;

    @Inject
    Snapshots snapshots;

    public Optional<TenantRef> findBySlug(TenantSlug slug) {
        return Optional.ofNullable(snapshots.get(Snapshots.TENANTS, slug.value(),
                () -> em.createNamedQuery(Tenant.BY_SLUG, Tenant.class)
                        .setParameter("slug", slug.value())
                        .getResultStream()
                        .findFirst()
                        .map(TenantRef::of)
                        .orElse(null)));
    }

    public TenantRef getBySlug(TenantSlug slug) {
        return findBySlug(slug).orElseThrow(() -> KefuException.notFound("tenant.not.found", slug.value()));
    }

    public List<TenantRef> all() {
        return em.createNamedQuery(Tenant.ALL, Tenant.class).getResultStream().map(TenantRef::of).toList();
    }
}
