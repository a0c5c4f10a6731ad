package io.kefu.admin.provisioning.boundary;

import io.kefu.audit.boundary.PlatformAudit;
import io.kefu.audit.entity.PlatformAuditEntry.Action;
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
 * What each tenant uses, for the platform operator: cases filed and closed this month (the month in the
 * tenant's own zone), cases open and overdue now, people with an active membership, bytes of attachments. Counts
 * only: no case, number or name leaves a tenant this way. Counted by the database, one aggregate per
 * figure, never by loading rows. Memberships are global rows (JPQL); cases and attachments are tenant-owned,
 * so their figures are native SQL that reads across tenants, every statement naming the tenant column. The
 * database admits these reads for this transaction only, and reads only ({@link Reach#USAGE}).
 */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class TenantUsage {

    public record Usage(long casesThisMonth, long closedThisMonth, long openCases, long overdueCases, long users,
            long storageBytes) {

        public static final Usage NONE = new Usage(0, 0, 0, 0, 0, 0);
    }

    /** Open statuses, and of them the running ones (the inbox's overdue counts these), as the database spells them. */
    private static final String OPEN = "'REGISTERED', 'ACCEPTED', 'IN_PROGRESS', 'WAITING_ON_RESIDENT', "
            + "'REJECTION_REQUESTED', 'CALLBACK_PENDING'";
    private static final String RUNNING = "'REGISTERED', 'ACCEPTED', 'IN_PROGRESS', 'REJECTION_REQUESTED'";

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

    @Inject
    PlatformAudit audit;

    /** The figures of {@code tenants}; the read is in the platform's audit log (one entry per read). */
    public Map<Long, Usage> of(List<TenantRef> tenants) {
        persistence.reach(Reach.USAGE);
        audit.record(Action.USAGE_READ, tenants.size() == 1 ? tenants.get(0).slug().value() : null,
                tenants.size() == 1 ? Map.of() : Map.of("tenants", tenants.size()));
        Map<Long, Long> users = new HashMap<>();
        em.createQuery("SELECT m.tenantId, COUNT(DISTINCT m.user) FROM Membership m WHERE m.active = TRUE"
                + " AND m.user.enabled = TRUE GROUP BY m.tenantId", Object[].class).getResultList()
                .forEach(row -> users.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
        Map<Long, Long> storage = grouped("SELECT a.tenant_id, SUM(a.size_bytes) FROM attachment a"
                + " GROUP BY a.tenant_id");
        Map<Long, long[]> open = new HashMap<>();
        for (Object row : em.createNativeQuery("SELECT c.tenant_id, COUNT(*), SUM(CASE WHEN c.status IN (" + RUNNING
                + ") AND (c.resolution_due < ?1 OR (c.first_responded_at IS NULL AND c.first_response_due < ?1)) "
                + "THEN 1 ELSE 0 END) FROM complaint c WHERE c.status IN (" + OPEN + ") GROUP BY c.tenant_id")
                .setHint(NATIVE, true).setParameter(1, OffsetDateTime.now(clock)).getResultList()) {
            Object[] columns = (Object[]) row;
            open.put(number(columns[0]), new long[] {number(columns[1]), number(columns[2])});
        }
        Map<Long, Usage> usage = new HashMap<>();
        for (TenantRef tenant : tenants) {
            long[] month = thisMonth(tenant);
            long[] now = open.getOrDefault(tenant.id(), new long[2]);
            usage.put(tenant.id(), new Usage(month[0], month[1], now[0], now[1], users.getOrDefault(tenant.id(), 0L),
                    storage.getOrDefault(tenant.id(), 0L)));
        }
        return usage;
    }

    public Usage of(TenantRef tenant) {
        return of(List.of(tenant)).getOrDefault(tenant.id(), Usage.NONE);
    }

    /** Registered and closed since the 1st of this month in the tenant's zone. */
    private long[] thisMonth(TenantRef tenant) {
        OffsetDateTime monthStart = ZonedDateTime.now(clock.withZone(tenant.zone())).toLocalDate().withDayOfMonth(1)
                .atStartOfDay(tenant.zone()).toOffsetDateTime();
        Object[] counts = (Object[]) em.createNativeQuery("SELECT SUM(CASE WHEN c.registered_at >= ?2 THEN 1 ELSE 0 "
                + "END), SUM(CASE WHEN c.closed_at >= ?2 THEN 1 ELSE 0 END) FROM complaint c WHERE c.tenant_id = ?1 "
                + "AND (c.registered_at >= ?2 OR c.closed_at >= ?2)")
                .setHint(NATIVE, true).setParameter(1, tenant.id()).setParameter(2, monthStart).getSingleResult();
        return new long[] {number(counts[0]), number(counts[1])};
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
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
