package io.kefu.confidentiality.boundary;

import io.kefu.audit.control.CurrentActor;
import io.kefu.confidentiality.entity.AccessGrant;
import io.kefu.identity.boundary.Member;
import io.kefu.notice.boundary.Notices;
import io.kefu.notice.entity.Notice;
import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import io.kefu.problem.Writes;
import io.kefu.resident.boundary.Customers;
import io.kefu.resident.entity.Customer;
import io.kefu.workspace.boundary.Office;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * Access to protected customer records beyond one's clearance: staff ask (the supervisors are told) or break the
 * glass (the supervisors are alerted), supervisors and the manager grant, refuse and revoke. Each call is one
 * transaction. Only a supervisor decides, and nobody decides on their own request.
 */
@ApplicationScoped
@Transactional
public class AccessGrants {

    @Inject
    EntityManager em;

    @Inject
    Customers customers;

    @Inject
    Office office;

    @Inject
    Notices notices;

    @Inject
    CurrentActor actor;

    @Inject
    Clock clock;

    /** The current staff member asks for access to the record, from the case {@code caseNumber} if any. */
    public AccessGrant request(String customerKey, String caseNumber, String reason) {
        Customer customer = protectedRecord(customerKey);
        AccessGrant grant = AccessGrant.request(customer.id(), actor.get(), reason, caseNumber, clock);
        em.persist(grant);
        Writes.flush(em);
        notices.tellAccess(office.supervisors().stream().filter(m -> !m.username().equals(actor.get())).toList(),
                Notice.Kind.ACCESS_REQUESTED, about(grant, customer), actor.get(), grant.reason());
        return grant;
    }

    /** Immediate access for {@link AccessGrant#BREAK_GLASS_TIME}; every supervisor is alerted at once. */
    public AccessGrant breakGlass(String customerKey, String caseNumber, String reason) {
        Customer customer = protectedRecord(customerKey);
        AccessGrant grant = AccessGrant.breakGlass(customer.id(), actor.get(), reason, caseNumber, clock);
        em.persist(grant);
        Writes.flush(em);
        notices.tellAccess(office.supervisors().stream().filter(m -> !m.username().equals(actor.get())).toList(),
                Notice.Kind.BREAK_GLASS, about(grant, customer), actor.get(), grant.reason());
        return grant;
    }

    /** A supervisor grants a pending request for {@code hours}. */
    public AccessGrant grant(String key, int hours, String note) {
        AccessGrant grant = get(key);
        grant.grant(supervisor(), hours, note, clock);
        Writes.flush(em);
        return grant;
    }

    /** A supervisor gives a named staff member access without a request. */
    public AccessGrant give(String customerKey, String username, String caseNumber, String reason, int hours) {
        String grantor = supervisor();
        Customer customer = protectedRecord(customerKey);
        Member holder = office.assignee(username, "username");
        AccessGrant grant = AccessGrant.give(customer.id(), holder.username().toLowerCase(Locale.ROOT), reason,
                caseNumber, grantor, hours, clock);
        em.persist(grant);
        Writes.flush(em);
        return grant;
    }

    public AccessGrant refuse(String key, String why) {
        AccessGrant grant = get(key);
        grant.refuse(supervisor(), why, clock);
        Writes.flush(em);
        return grant;
    }

    public AccessGrant revoke(String key) {
        AccessGrant grant = get(key);
        grant.revoke(supervisor(), clock);
        Writes.flush(em);
        return grant;
    }

    /** Requests waiting for a decision, oldest first (supervisors only). */
    public List<AccessGrant> pending() {
        supervisor();
        return em.createNamedQuery(AccessGrant.PENDING, AccessGrant.class).setMaxResults(200).getResultList();
    }

    /** Grants open now, ending soonest first (supervisors only). */
    public List<AccessGrant> active() {
        supervisor();
        return em.createNamedQuery(AccessGrant.ACTIVE, AccessGrant.class)
                .setParameter("now", OffsetDateTime.now(clock)).setMaxResults(200).getResultList();
    }

    /** The current reader's own requests and grants for one record, newest first. */
    public List<AccessGrant> mine(Long customerId) {
        return em.createNamedQuery(AccessGrant.OF_HOLDER, AccessGrant.class).setParameter("username", actor.get())
                .setParameter("customer", customerId).setMaxResults(20).getResultList();
    }

    /** The grant with this key in this tenant; 404 otherwise. */
    public AccessGrant get(String key) {
        return em.createNamedQuery(AccessGrant.BY_KEY, AccessGrant.class).setParameter("key", key)
                .getResultStream().findFirst().orElseThrow(() -> KefuException.notFound("grant.not.found", key));
    }

    /** The record's key, for lists that show grants (one query per distinct record on the page). */
    public String keyOf(Long customerId) {
        Customer customer = em.find(Customer.class, customerId);
        return customer == null ? null : customer.key();
    }

    private Customer protectedRecord(String customerKey) {
        Customer customer = customers.get(customerKey);
        if (!customer.confidentiality().isProtected()) {
            throw KefuException.conflict("grant.record.ordinary");
        }
        return customer;
    }

    /** The caller, when they are a supervisor or the manager of this tenant; 403 otherwise. */
    private String supervisor() {
        String name = actor.get();
        if (office.supervisors().stream().noneMatch(m -> m.username().equals(name))) {
            throw new KefuException(Failure.FORBIDDEN, "grant.supervisor.only");
        }
        return name;
    }

    private static String about(AccessGrant grant, Customer customer) {
        return grant.caseNumber() != null ? grant.caseNumber() : customer.key();
    }
}
