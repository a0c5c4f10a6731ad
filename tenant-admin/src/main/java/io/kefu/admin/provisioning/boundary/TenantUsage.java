package io.kefu.admin.provisioning.boundary;

import io.kefu.tenancy.control.Reach;
import io.kefu.tenancy.control.TenantPersistence;
import io.kefu.tenancy.entity.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each tenant uses, for the platform operator: cases filed this month (the month in the tenant's own
 * zone), people with an active membership, bytes of attachments. Counted by the database, one aggregate per
 * figure, never by loading rows. Memberships are global rows (JPQL); cases and attachments are tenant-owned,
 * so their figures are native SQL that reads across tenants, every statement naming the tenant column. The
 * database admits these reads for this transaction only, and reads only ({@link Reach#USAGE}).
 */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class TenantUsage {

    public record Usage(long casesThisMonth, long users, long storageBytes) {

        static final Usage NONE = new Usage(0, 0, 0);
    }

    /**
     * EclipseLink refuses native SQL in a persistence unit with multitenant entities unless a query says it
     * knows: these name the tenant column themselves (reviewed, see {@code .native-sql-allowlist}).
     */
    private static final String NATIVE = "eclipselink.jdbc.allow-native-sql-query";

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    TenantPersistence persistence;

    public Map<Long, Usage> of(List<TenantRef> tenants) {
        persistence.reach(Reach.USAGE);
        Map<Long, Long> users = new HashMap<>();
        em.createQuery("SELECT m.tenantId, COUNT(DISTINCT m.user) FROM Membership m WHERE m.active = TRUE"
                + " AND m.user.enabled = TRUE GROUP BY m.tenantId", Object[].class).getResultList()
                .forEach(row -> users.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
        Map<Long, Long> storage = grouped("SELECT a.tenant_id, SUM(a.size_bytes) FROM attachment a"
                + " GROUP BY a.tenant_id");
        Map<Long, Usage> usage = new HashMap<>();
        for (TenantRef tenant : tenants) {
            usage.put(tenant.id(), new Usage(casesSince(tenant), users.getOrDefault(tenant.id(), 0L),
                    storage.getOrDefault(tenant.id(), 0L)));
        }
        return usage;
    }

    public Usage of(TenantRef tenant) {
        return of(List.of(tenant)).getOrDefault(tenant.id(), Usage.NONE);
    }

    private long casesSince(TenantRef tenant) {
        OffsetDateTime monthStart = ZonedDateTime.now(clock.withZone(tenant.zone())).toLocalDate().withDayOfMonth(1)
                .atStartOfDay(tenant.zone()).toOffsetDateTime();
        Object count = em.createNativeQuery("SELECT COUNT(*) FROM complaint c WHERE c.tenant_id = ?1"
                + " AND c.registered_at >= ?2").setHint(NATIVE, true).setParameter(1, tenant.id())
                .setParameter(2, monthStart).getSingleResult();
        return ((Number) count).longValue();
    }

    private Map<Long, Long> grouped(String sql) {
        Map<Long, Long> result = new HashMap<>();
        for (Object row : em.createNativeQuery(sql).setHint(NATIVE, true).getResultList()) {
            Object[] columns = (Object[]) row;
            result.put(((Number) columns[0]).longValue(), columns[1] == null ? 0L : ((Number) columns[1]).longValue());
        }
        return result;
    }
}
