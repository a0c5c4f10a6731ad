package io.kefu.admin.provisioning.boundary;

import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import io.kefu.tenancy.entity.Tenant;
import io.kefu.tenancy.entity.TenantRef;
import io.kefu.tenancy.entity.TenantSlug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.Locale;

/** The global tenant rows: each method its own transaction, run without any tenant bound. */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class TenantRegistry {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    TenantRef insert(NewTenant request) {
        TenantSlug slug = new TenantSlug(request.slug() == null ? "" : request.slug().strip());
        if (!em.createNamedQuery(Tenant.BY_SLUG, Tenant.class).setParameter("slug", slug.value())
                .getResultList().isEmpty()) {
            throw new KefuException(Failure.CONFLICT, "slug", "tenant.slug.taken", slug.value());
        }
        Locale locale = request.defaultLocale() == null || request.defaultLocale().isBlank() ? Tenant.DEFAULT_LOCALE
                : Locale.forLanguageTag(request.defaultLocale().strip().replace('_', '-'));
        String zone = request.timeZone() == null || request.timeZone().isBlank() ? Tenant.DEFAULT_ZONE.getId()
                : request.timeZone();
        Tenant tenant = Tenant.open(slug, request.nameZh(), request.nameEn(), request.kind(), Tenant.zone(zone),
                locale, clock);
        em.persist(tenant);
        em.flush();
        return TenantRef.of(tenant);
    }

    void remove(long tenantId) {
        Tenant tenant = em.find(Tenant.class, tenantId);
        if (tenant != null) {
            em.remove(tenant);
        }
    }

    TenantRef suspend(TenantSlug slug) {
        Tenant tenant = get(slug);
        tenant.suspend(clock);
        return TenantRef.of(tenant);
    }

    TenantRef resume(TenantSlug slug) {
        Tenant tenant = get(slug);
        tenant.resume(clock);
        return TenantRef.of(tenant);
    }

    private Tenant get(TenantSlug slug) {
        return em.createNamedQuery(Tenant.BY_SLUG, Tenant.class).setParameter("slug", slug.value())
                .getResultStream().findFirst()
                .orElseThrow(() -> KefuException.notFound("tenant.not.found", slug.value()));
    }
}
