package io.kefu.confidentiality.boundary;

import io.kefu.audit.control.CurrentActor;
import io.kefu.confidentiality.control.Sight;
import io.kefu.confidentiality.entity.AccessGrant;
import io.kefu.confidentiality.entity.ReadChannel;
import io.kefu.confidentiality.entity.Clearance;
import io.kefu.confidentiality.entity.ReadEntry;
import io.kefu.resident.entity.Confidentiality;
import io.kefu.resident.entity.Customer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The one place that decides whether the current reader sees a customer record's personal data, and logs the
 * read when they see a protected one. Pages, the API, exports and reports ask here with the record a case (or
 * callback, or register entry) belongs to and the channel, and show {@link Sight#apply the contact} as told:
 * {@link #read} for one, {@link #readAll} for a list (one query for the records, one for the reader's grants,
 * one statement for the log, however long the list).
 */
@ApplicationScoped
@Transactional
public class Disclosure {

    @Inject
    EntityManager em;

    @Inject
    CurrentActor actor;

    @Inject
    ReadLog log;

    @Inject
    Clock clock;

    /** What the reader may see of the record, without reading it (nothing is logged): e.g. to offer a request. */
    public Sight sight(Long customerId) {
        return sights(customerId == null ? List.of() : List.of(customerId)).getOrDefault(customerId, Sight.OPEN);
    }

    /**
     * The reader's sight of a record shown through {@code channel}, logged when it shows a protected record
     * unmasked. {@code caseNumber} names the case the read came through, {@code null} for the record itself.
     */
    public Sight read(Long customerId, String caseNumber, ReadChannel channel) {
        return readAll(java.util.Collections.singletonList(caseNumber), number -> customerId, number -> number, channel)
                .get(0);
    }

    /**
     * The record page's and the record API's entry: the reader's sight of {@code customer}, the read logged
     * (without a case) when it is protected and shown.
     */
    public Sight open(Customer customer, ReadChannel channel) {
        return read(customer.id(), null, channel);
    }

    /**
     * The sight of each item of a list (in its order), each protected item shown unmasked logged in one statement.
     */
    public <T> List<Sight> readAll(List<T> items, Function<T, Long> customerOf, Function<T, String> caseOf,
            ReadChannel channel) {
        Map<Long, Sight> sights = sights(items.stream().map(customerOf).filter(Objects::nonNull).toList());
        List<Sight> result = new ArrayList<>(items.size());
        List<ReadEntry> reads = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (T item : items) {
            Long customer = customerOf.apply(item);
            Sight sight = customer == null ? Sight.OPEN : sights.getOrDefault(customer, Sight.OPEN);
            result.add(sight);
            if (sight.isLogged()) {
                reads.add(new ReadEntry(now, actor.get(), sight.customerId(), sight.customerKey(), sight.level(),
                        caseOf.apply(item), channel, sight.basis(), sight.grantKey(), sight.reason()));
            }
        }
        if (!reads.isEmpty()) {
            log.append(reads);
        }
        return result;
    }

    /**
     * The record each entry of the register belongs to (entry id → record id), in one query: a page of the register
     * is loaded without its records, and asking each entry for its own would load them one by one.
     */
    public Map<Long, Long> recordsOfEntries(Collection<Long> residentIds) {
        Map<Long, Long> records = new HashMap<>();
        if (!residentIds.isEmpty()) {
            em.createQuery("SELECT r.id, r.customer.id FROM Resident r WHERE r.id IN :ids", Object[].class)
                    .setParameter("ids", new LinkedHashSet<>(residentIds)).getResultStream()
                    .forEach(row -> records.put((Long) row[0], (Long) row[1]));
        }
        return records;
    }

    /** The reader's sight of each record, by id; ordinary records cost no query beyond loading the records. */
    Map<Long, Sight> sights(Collection<Long> customerIds) {
        Set<Long> ids = new LinkedHashSet<>(customerIds);
        Map<Long, Sight> sights = new HashMap<>();
        if (ids.isEmpty()) {
            return sights;
        }
        List<Customer> customers = em.createQuery("SELECT c FROM Customer c WHERE c.id IN :ids", Customer.class)
                .setParameter("ids", ids).getResultList();
        List<Customer> protectedOnes = customers.stream().filter(c -> c.confidentiality().isProtected()).toList();
        Confidentiality clearance = protectedOnes.isEmpty() ? Confidentiality.ORDINARY : clearance(actor.get());
        List<AccessGrant> held = protectedOnes.isEmpty() || protectedOnes.stream()
                .allMatch(c -> clearance.covers(c.confidentiality())) ? List.of()
                : em.createNamedQuery(AccessGrant.HELD, AccessGrant.class).setParameter("username", actor.get())
                        .setParameter("customers", protectedOnes.stream().map(Customer::id).toList())
                        .setParameter("now", OffsetDateTime.now(clock)).getResultList();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Customer c : customers) {
            sights.put(c.id(), Sight.decide(c.id(), c.key(), c.confidentiality(), clearance, held, now));
        }
        return sights;
    }

    /** The level {@code username} is cleared for here; ORDINARY without a clearance. */
    Confidentiality clearance(String username) {
        return em.createNamedQuery(Clearance.OF, Clearance.class).setParameter("username", username)
                .getResultStream().findFirst().map(Clearance::level).orElse(Confidentiality.ORDINARY);
    }
}
