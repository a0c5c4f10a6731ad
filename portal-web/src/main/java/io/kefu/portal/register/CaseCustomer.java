package io.kefu.portal.register;

import io.kefu.complaint.entity.Complaint;
import io.kefu.resident.boundary.Customers;
import io.kefu.resident.entity.Customer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The case page's link to the customer record of the case's contact (or "not on the register"): a bean of its
 * own, so the case page's bean stays as it is. Shows the key and whether the customer is a key customer, never
 * what the record keeps: that is read on the record's page.
 */
@Named
@RequestScoped
public class CaseCustomer {

    @Inject
    Customers customers;

    private Complaint of;
    private Customer customer;

    /** The record of the case, or null when its contact is not on the register. */
    public Customer of(Complaint complaint) {
        if (complaint != of) {
            of = complaint;
            customer = complaint == null ? null : customers.byId(complaint.customerId()).orElse(null);
        }
        return customer;
    }
}
