package io.kefu.tenancy.boundary;

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
 * Looking tenants up. Read on every tenant request (the portal resolves the slug each time rather than
 * caching it, so a suspension takes effect on the very next request on every node).
 */
@ApplicationScoped
@Transactional
public class Tenants {

    @Inject
    EntityManager em;

    public Optional<TenantRef> findBySlug(TenantSlug slug) {
        return em.createNamedQuery(Tenant.BY_SLUG, Tenant.class)
                .setParameter("slug", slug.value())
                .getResultStream()
                .findFirst()
                .map(TenantRef::of);
    }

    public TenantRef getBySlug(TenantSlug slug) {
        return findBySlug(slug).orElseThrow(() -> KefuException.notFound("tenant.not.found", slug.value()));
    }

    public List<TenantRef> all() {
        return em.createNamedQuery(Tenant.ALL, Tenant.class).getResultStream().map(TenantRef::of).toList();
    }
}
