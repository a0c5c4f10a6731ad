package io.kefu.admin.provisioning.boundary;

import io.kefu.audit.boundary.PlatformAudit;
import io.kefu.audit.entity.PlatformAuditEntry.Action;
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
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The global tenant rows: each method its own transaction, run without any tenant bound. */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class TenantRegistry {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    PlatformAudit audit;

    TenantRef insert(NewTenant request, FirstAdmin admin) {
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
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("nameZh", request.nameZh());
        details.put("nameEn", request.nameEn());
        details.put("kind", tenant.kind());
        details.put("zone", tenant.timeZone().getId());
        details.put("locale", tenant.defaultLocale().toLanguageTag());
        if (admin != null) {
            details.put("admin", admin.usernameOrEmail() + " <" + admin.email() + ">");
        }
        audit.record(Action.TENANT_OPENED, slug.value(), details);
        return TenantRef.of(tenant);
    }

    /** Takes back the row of an opening that failed half-way; the log keeps the opening and says it was undone. */
    void remove(long tenantId, String reason) {
        Tenant tenant = em.find(Tenant.class, tenantId);
        if (tenant != null) {
            em.remove(tenant);
            audit.record(Action.TENANT_OPENING_UNDONE, tenant.slug().value(), Map.of("reason", reason));
        }
    }

    TenantRef suspend(TenantSlug slug) {
        Tenant tenant = get(slug);
        tenant.suspend(clock);
        audit.record(Action.TENANT_SUSPENDED, slug.value(), Map.of());
        return TenantRef.of(tenant);
    }

    TenantRef resume(TenantSlug slug) {
        Tenant tenant = get(slug);
        tenant.resume(clock);
        audit.record(Action.TENANT_RESUMED, slug.value(), Map.of());
        return TenantRef.of(tenant);
    }

    private Tenant get(TenantSlug slug) {
        return em.createNamedQuery(Tenant.BY_SLUG, Tenant.class).setParameter("slug", slug.value())
                .getResultStream().findFirst()
                .orElseThrow(() -> KefuException.notFound("tenant.not.found", slug.value()));
    }
}
