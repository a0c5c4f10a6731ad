package io.kefu.complaint.boundary;

import io.kefu.complaint.entity.CaseNumber;
import io.kefu.complaint.entity.CaseSerial;
import io.kefu.tenancy.control.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.time.YearMonth;

/**
 * Hands out case numbers ({@code 202611-0042}) for the current tenant: the month of registration in the
 * tenant's zone, the next serial of that month. Must run inside the transaction that stores the case
 * ({@code MANDATORY}): the serial is taken under a row lock and given back if that transaction rolls back,
 * so numbers never repeat and never skip, across threads and nodes alike (nothing is counted in memory).
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
        ensureMonth(month);
        CaseSerial serial = em.createNamedQuery(CaseSerial.OF_MONTH, CaseSerial.class)
                .setParameter("month", CaseSerial.key(month))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getSingleResult();
        return serial.next();
    }

    /**
     * The month's counter row, created once in a transaction of its own, so that the first filings of a
     * month do not race each other into a failed insert that would take the whole filing down with it.
     */
    private void ensureMonth(YearMonth month) {
        boolean exists = !em.createNamedQuery(CaseSerial.OF_MONTH, CaseSerial.class)
                .setParameter("month", CaseSerial.key(month)).getResultList().isEmpty();
        if (!exists) {
            try {
                starts.start(month);
            } catch (RuntimeException raced) {
                // Another filing created the month's row at the same moment; the locked read below finds it.
            }
        }
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
