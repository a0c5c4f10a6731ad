package io.kefu.complaint.boundary;

import io.kefu.complaint.entity.CaseNumber;
import io.kefu.complaint.entity.CaseSerial;
import io.kefu.tenancy.control.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.persistence.config.QueryHints;

/**
 * Hands out case numbers ({@code 202611-0042}) for the current tenant: the month of registration in the
 * tenant's zone, the next serial of that month. Must run inside the transaction that stores the case
 * ({@code MANDATORY}): the serial is taken by an atomic increment of the month's row, which holds its lock
 * until that transaction ends and gives the serial back if it rolls back, so numbers never repeat and never
 * skip, across threads and nodes alike (nothing is counted in memory). Because of that lock, callers take the
 * number after everything they read and before only writes: every other filing of the tenant waits for it.
 */
@ApplicationScoped
public class CaseNumbering {

    @Inject
    EntityManager em;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    MonthStarts starts;

    @Transactional(TxType.MANDATORY)
    public CaseNumber next(Instant registeredAt) {
        YearMonth month = CaseNumber.monthOf(registeredAt, currentTenant.get().zone());
        String key = CaseSerial.key(month);
        // One atomic statement: the UPDATE takes the row lock, increments and returns the new serial, so no value
        // read before the lock can ever be handed out (a stale read did, 3 times in 210,000 filings), and the
        // lock is held from here to the commit with no read-back round trip.
        Integer serial = takeNext(key);
        if (serial == null) {
            try {
                starts.start(month);
            } catch (RuntimeException raced) {
                // Another filing created the month's row at the same moment; the increment below finds it.
            }
            serial = takeNext(key);
            if (serial == null) {
                throw new IllegalStateException("no case serial row for " + key);
            }
        }
        return new CaseNumber(month, serial);
    }

    /** The month's next serial, or {@code null} when the month has no row yet. */
    private Integer takeNext(String monthKey) {
        List<?> taken = em.createNativeQuery("UPDATE case_serial SET last_serial = last_serial + 1"
                        + " WHERE tenant_id = ?1 AND serial_month = ?2 RETURNING last_serial")
                .setParameter(1, currentTenant.get().id()).setParameter(2, monthKey)
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true).getResultList();
        return taken.isEmpty() ? null : ((Number) taken.get(0)).intValue();
    }

    /** Inserts a month's counter row in its own transaction. */
    @ApplicationScoped
    public static class MonthStarts {

        @Inject
        EntityManager em;

        @Transactional(TxType.REQUIRES_NEW)
        public void start(YearMonth month) {
            em.persist(new CaseSerial(month));
            em.flush();
        }
    }
}
