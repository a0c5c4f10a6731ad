package io.kefu.confidentiality.boundary;

import io.kefu.audit.boundary.AuditLog;
import io.kefu.problem.Writes;
import io.kefu.resident.boundary.Customers;
import io.kefu.resident.entity.Confidentiality;
import io.kefu.resident.entity.Customer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Sets how secret a customer record is; who may is the caller's boundary's business. Audited. */
@ApplicationScoped
@Transactional
public class RecordLevels {

    @Inject
    EntityManager em;

    @Inject
    Customers customers;

    @Inject
    AuditLog audit;

    public Customer classify(String customerKey, Confidentiality level) {
        Customer customer = customers.get(customerKey);
        Confidentiality before = customer.confidentiality();
        customer.classify(level);
        Writes.flush(em);
        audit.record("customer.confidentiality", customer.key(), "level=" + before, "level=" + level);
        return customer;
    }
}
