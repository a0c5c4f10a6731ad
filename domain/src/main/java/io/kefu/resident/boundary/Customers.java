package io.kefu.resident.boundary;

import io.kefu.identity.boundary.Member;
import io.kefu.problem.KefuException;
import io.kefu.resident.entity.Customer;
import io.kefu.workspace.boundary.Office;
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

    @Inject
    Office office;

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

    /** The record a case belongs to ({@code Complaint.customerId()}), if any. */
    public Optional<Customer> byId(Long id) {
        // A query, not em.find: it carries the tenant's criteria, whatever the shared cache holds.
        return id == null ? Optional.empty() : em.createQuery("SELECT c FROM Customer c WHERE c.id = :id",
                Customer.class).setParameter("id", id).getResultStream().findFirst();
    }

    /**
     * The named handler of a key customer (重点客户), when they can still be given work here: a handler who left
     * or was stopped gets nothing, and the case is left for the office as any other.
     */
    public Optional<Member> handlerOf(Customer customer) {
        if (!customer.isKeyCustomer()) {
            return Optional.empty();
        }
        return office.assignable().stream().filter(m -> m.username().equals(customer.handler())).findFirst();
    }

    /**
     * Files the cases that belong to no record under the record of their contact's phone, once the register
     * knows it (after an import): one statement for all of them. Returns how many cases were filed.
     */
    public int fileUnfiledCases() {
        return em.createNamedQuery(Customer.FILE_UNFILED_CASES).executeUpdate();
    }
}
