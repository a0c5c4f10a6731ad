package io.kefu.report.boundary;

import io.kefu.audit.boundary.AuditLog;
import io.kefu.problem.KefuException;
import io.kefu.problem.Writes;
import io.kefu.report.entity.CustomerBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The current tenant's customer base (the customers the valid-complaint rate is measured against), as its admins
 * enter it: one number per month it starts counting from. Each change is in the audit log.
 */
@ApplicationScoped
@Transactional
public class CustomerBases {

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    /** The entries, newest month first. */
    public List<CustomerBase> entries() {
        return em.createNamedQuery(CustomerBase.ALL, CustomerBase.class).getResultList();
    }

    /** The units on the resident register now: the default customer base. */
    public long units() {
        return em.createQuery("SELECT COUNT(u) FROM Unit u", Long.class).getSingleResult();
    }

    /** The customer base in force during {@code month}: the latest entry from it or before, else the register. */
    public CustomerBase.Counted inForce(YearMonth month) {
        return em.createNamedQuery(CustomerBase.IN_FORCE, CustomerBase.class)
                .setParameter("day", month.atDay(1)).setMaxResults(1).getResultStream().findFirst()
                .map(b -> new CustomerBase.Counted(b.customers(), CustomerBase.Source.ENTERED, b.from()))
                .orElseGet(() -> {
                    long units = units();
                    return units == 0 ? new CustomerBase.Counted(null, CustomerBase.Source.NONE, null)
                            : new CustomerBase.Counted((int) Math.min(units, Integer.MAX_VALUE),
                                    CustomerBase.Source.REGISTER, null);
                });
    }

    /**
     * Enters the customers counted from {@code month} ({@code 2026-01}) on: a new entry, or a new count for that
     * month. Both inputs are checked before anything is written, every one at fault named.
     */
    public CustomerBase set(String monthText, Integer customers) {
        YearMonth[] parsed = new YearMonth[1];
        KefuException.checkAll(() -> parsed[0] = CustomerBase.month(monthText),
                () -> CustomerBase.checkCustomers(customers));
        YearMonth month = parsed[0];
        CustomerBase entry = stored(month).orElse(null);
        String before = entry == null ? null : AuditLog.describe(Map.of("customers", entry.customers()));
        if (entry == null) {
            entry = new CustomerBase(month, customers);
            em.persist(entry);
        } else {
            entry.recount(customers);
        }
        Writes.flush(em);
        audit.record("settings.customer-base", month.toString(), before,
                AuditLog.describe(Map.of("customers", entry.customers())));
        return entry;
    }

    /** Removes the entry of {@code month}; the one before it (or the register) counts again. */
    public void remove(String monthText) {
        YearMonth month = CustomerBase.month(monthText);
        CustomerBase entry = stored(month).orElseThrow(() -> KefuException.notFound("report.customers.none",
                month.toString()));
        em.remove(entry);
        Writes.flush(em);
        audit.record("settings.customer-base.remove", month.toString(),
                AuditLog.describe(Map.of("customers", entry.customers())), null);
    }

    private java.util.Optional<CustomerBase> stored(YearMonth month) {
        return em.createNamedQuery(CustomerBase.OF_MONTH, CustomerBase.class).setParameter("month", month.atDay(1))
                .getResultStream().findFirst();
    }
}
