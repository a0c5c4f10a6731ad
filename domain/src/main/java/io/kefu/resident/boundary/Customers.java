package io.kefu.resident.boundary;

import io.kefu.problem.KefuException;
import io.kefu.resident.entity.Customer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * The current tenant's customer records (客户档案). A record is made with the customer's first entry on the
 * register; a case belongs to the record of the phone number it was filed with.
 */
@ApplicationScoped
@Transactional
public class Customers {

    @Inject
    EntityManager em;

    /** The record of the customer on the register under {@code phone}, if any (digits as staff type them). */
    public Optional<Customer> forPhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return Optional.empty();
        }
        String digits = phone.replaceAll("[\\s()-]", "");
        return em.createNamedQuery(Customer.BY_PHONE, Customer.class).setParameter("phone", digits)
                .setMaxResults(1).getResultStream().findFirst();
    }

    /** The record with this key; {@code customer.not.found} (404) for an unknown key or another tenant's. */
    public Customer get(String key) {
        return find(key).orElseThrow(() -> KefuException.notFound("customer.not.found", key));
    }

    public Optional<Customer> find(String key) {
        if (!Customer.isKey(key)) {
            return Optional.empty();
        }
        return em.createNamedQuery(Customer.BY_KEY, Customer.class).setParameter("key", key)
                .getResultStream().findFirst();
    }
}
