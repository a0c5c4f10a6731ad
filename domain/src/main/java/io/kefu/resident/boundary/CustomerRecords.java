package io.kefu.resident.boundary;

import io.kefu.audit.boundary.AuditLog;
import io.kefu.callback.entity.CallbackTask;
import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import io.kefu.problem.Writes;
import io.kefu.resident.control.CustomerHistory;
import io.kefu.resident.control.CustomerHistory.Entry;
import io.kefu.resident.control.CustomerHistory.Type;
import io.kefu.resident.control.CustomerRecord;
import io.kefu.resident.entity.Confidentiality;
import io.kefu.resident.entity.Customer;
import io.kefu.resident.entity.CustomerKind;
import io.kefu.resident.entity.Resident;
import io.kefu.workspace.boundary.Office;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Staff reading and keeping the current tenant's customer records (客户档案): find them by name, phone, building
 * or unit, open one with its history, edit what the office keeps about the customer. {@link #open} is the one
 * way a record is read, by the pages and the API alike: whatever must happen on every read of a record (the
 * clearance check, the read log of a protected record) belongs there.
 */
@ApplicationScoped
@Transactional
public class CustomerRecords {

    /** What staff change on a record; {@code level} is only taken from supervisors and the tenant admin. */
    public record Edit(Long version, CustomerKind kind, String name, boolean vip, String handler, String notes,
            Confidentiality level) {
    }

    /** A line of the search: the record with what its entries on the register say. */
    public record Row(Long id, String key, String name, CustomerKind kind, boolean vip, String handler,
            Confidentiality confidentiality, String grade, List<String> phones, List<String> units)
            implements java.io.Serializable {

        public boolean keyCustomer() {
            return handler != null;
        }

        /** The phones, comma-separated, for a table cell. */
        public String phoneList() {
            return String.join(", ", phones);
        }

        /** The units, comma-separated, for a table cell. */
        public String unitList() {
            return String.join(", ", units);
        }
    }

    public static final int MAX_PAGE_SIZE = 200;

    private static final String MATCHES = "(LOWER(c.name) LIKE :q OR EXISTS (SELECT r.id FROM Resident r JOIN r.unit u"
            + " WHERE r.customer = c AND (LOWER(r.name) LIKE :q OR r.phone LIKE :q OR LOWER(u.building) LIKE :q"
            + " OR LOWER(u.number) LIKE :q OR LOWER(CONCAT(CONCAT(u.building, ' '), u.number)) LIKE :q"
            + " OR LOWER(CONCAT(u.building, u.number)) LIKE :q)))"
            + " AND (:building = '' OR EXISTS (SELECT b.id FROM Resident b JOIN b.unit bu WHERE b.customer = c"
            + " AND LOWER(bu.building) = :building))";

    @Inject
    EntityManager em;

    @Inject
    Customers customers;

    @Inject
    Office office;

    @Inject
    AuditLog audit;

    /**
     * A page of the records whose name, or an entry's name, phone, building or unit, contains {@code query};
     * only those with an entry in {@code building} when one is given. Ordered by name.
     */
    public List<Row> search(String query, String building, int first, int size) {
        List<Customer> found = em.createQuery("SELECT c FROM Customer c WHERE " + MATCHES
                + " ORDER BY c.name, c.id", Customer.class)
                .setParameter("q", pattern(query)).setParameter("building", exact(building))
                .setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, Math.min(size, MAX_PAGE_SIZE)))
                .getResultList();
        if (found.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Resident>> entries = new LinkedHashMap<>();
        found.forEach(c -> entries.put(c.id(), new java.util.ArrayList<>()));
        em.createQuery("SELECT r FROM Resident r JOIN FETCH r.unit u WHERE r.customer.id IN :ids"
                + " ORDER BY u.building, u.number, r.id", Resident.class).setParameter("ids", entries.keySet())
                .getResultList().forEach(r -> entries.get(r.customer().id()).add(r));
        return found.stream().map(c -> row(c, entries.get(c.id()))).toList();
    }

    public long count(String query, String building) {
        return em.createQuery("SELECT COUNT(c) FROM Customer c WHERE " + MATCHES, Long.class)
                .setParameter("q", pattern(query)).setParameter("building", exact(building)).getSingleResult();
    }

    private static Row row(Customer c, List<Resident> entries) {
        CustomerRecord record = CustomerRecord.of(c, entries, null);
        return new Row(c.id(), c.key(), c.name(), c.kind(), c.vip(), c.handler(), c.confidentiality(),
                record.grade() == null ? null : record.grade().name(), record.phones(),
                record.places().stream().map(CustomerRecord.Place::label).distinct().toList());
    }

    /**
     * The record with this key, its entries on the register and page {@code historyPage} (from 0) of its history,
     * newest first; {@code customer.not.found} (404) for an unknown key or another tenant's record.
     */
    public CustomerRecord open(String key, int historyPage, int historySize) {
        Customer customer = customers.get(key);
        return CustomerRecord.of(customer, entriesOf(customer), history(customer, historyPage, historySize));
    }

    /**
     * Changes what the office keeps about a customer: kind, name, VIP, the named handler (someone who can be given
     * work here), notes; and the confidentiality level when {@code mayClassify} (supervisors, the tenant admin).
     * Every field at fault is reported at once and nothing is saved; a level change by anybody else is refused.
     * Changes are audited, the level on its own. Returns the record as {@link #open} reads it.
     */
    public CustomerRecord edit(String key, Edit edit, boolean mayClassify, int historySize) {
        Customer customer = customers.get(key);
        if (edit.version() != null && edit.version() != customer.version()) {
            throw KefuException.conflict("concurrent.change");
        }
        Confidentiality before = customer.confidentiality();
        boolean reclassified = edit.level() != null && edit.level() != before;
        if (reclassified && !mayClassify) {
            throw new KefuException(Failure.FORBIDDEN, "customer.level.supervisor.only");
        }
        String was = describe(customer.kind(), customer.name(), customer.vip(), customer.handler(),
                customer.notes());
        String handler = edit.handler() == null || edit.handler().isBlank() ? null : edit.handler();
        KefuException.checkAll(
                () -> {
                    if (handler != null && !handler.strip().toLowerCase(Locale.ROOT).equals(customer.handler())) {
                        office.assignee(handler, "handler");
                    }
                },
                () -> customer.describe(edit.kind(), edit.name(), edit.vip(),
                        handler == null ? null : handler.strip().toLowerCase(Locale.ROOT), edit.notes()));
        String now = describe(customer.kind(), customer.name(), customer.vip(), customer.handler(),
                customer.notes());
        if (!now.equals(was)) {
            audit.record("customer.edit", customer.key(), was, now);
        }
        if (reclassified) {
            customer.classify(edit.level());
            audit.record("customer.level", customer.key(), before.name(), edit.level().name());
        }
        Writes.flush(em);
        return open(key, 0, historySize);
    }

    private static String describe(CustomerKind kind, String name, boolean vip, String handler, String notes) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("kind", kind);
        values.put("name", name);
        values.put("vip", vip);
        values.put("handler", handler);
        values.put("notes", notes);
        return AuditLog.describe(values);
    }

    private List<Resident> entriesOf(Customer customer) {
        return em.createQuery("SELECT r FROM Resident r JOIN FETCH r.unit u WHERE r.customer = :customer"
                + " ORDER BY u.building, u.number, r.id", Resident.class).setParameter("customer", customer)
                .getResultList();
    }

    /** Each kind's newest entries, as many as the page needs, merged; the total counts all of them. */
    private CustomerHistory.Page history(Customer customer, int page, int size) {
        int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int needed = CustomerHistory.needed(page, pageSize);
        Long id = customer.id();
        List<Entry> cases = newest("SELECT c.number, c.registeredAt, c.status, c.description FROM Complaint c"
                + " WHERE c.customerId = :id ORDER BY c.registeredAt DESC, c.id DESC", id, null, needed,
                row -> new Entry(Type.CASE, instant(row[1]), (String) row[0], null, code(row[2], null),
                        excerpt((String) row[3]), null));
        List<Entry> callbacks = newest("SELECT c.number, t.createdAt, t.status, t.outcome, t.publicKey"
                + " FROM CallbackTask t JOIN t.complaint c WHERE c.customerId = :id AND t.kind = :kind"
                + " ORDER BY t.createdAt DESC, t.id DESC", id, CallbackTask.Kind.CASE, needed,
                row -> new Entry(Type.CALLBACK, instant(row[1]), (String) row[0], (String) row[4],
                        code(row[2], row[3]), null, null));
        List<Entry> surveys = newest("SELECT c.number, s.submittedAt, s.channel, AVG(a.score)"
                + " FROM SurveyResponse s JOIN s.complaint c LEFT JOIN s.answers a WHERE c.customerId = :id"
                + " GROUP BY s.id, c.number, s.submittedAt, s.channel ORDER BY s.submittedAt DESC, s.id DESC",
                id, null, needed, row -> new Entry(Type.SURVEY, instant(row[1]), (String) row[0], null,
                        code(row[2], null), null, row[3] == null ? null : ((Number) row[3]).doubleValue()));
        List<Entry> visits = newest("SELECT t.publicKey, t.createdAt, t.status, t.outcome, t.unit"
                + " FROM CallbackTask t WHERE t.kind = :kind AND t.contactPhone IN"
                + " (SELECT r.phone FROM Resident r WHERE r.customer.id = :id) ORDER BY t.createdAt DESC, t.id DESC",
                id, CallbackTask.Kind.COURTESY, needed, row -> new Entry(Type.COURTESY, instant(row[1]), null,
                        (String) row[0], code(row[2], row[3]), (String) row[4], null));
        long total = count("SELECT COUNT(c) FROM Complaint c WHERE c.customerId = :id", id, null)
                + count("SELECT COUNT(t) FROM CallbackTask t JOIN t.complaint c WHERE c.customerId = :id"
                        + " AND t.kind = :kind", id, CallbackTask.Kind.CASE)
                + count("SELECT COUNT(s) FROM SurveyResponse s JOIN s.complaint c WHERE c.customerId = :id", id, null)
                + count("SELECT COUNT(t) FROM CallbackTask t WHERE t.kind = :kind"
                        + " AND t.contactPhone IN (SELECT r.phone FROM Resident r WHERE r.customer.id = :id)", id,
                        CallbackTask.Kind.COURTESY);
        return CustomerHistory.page(List.of(cases, callbacks, surveys, visits), page, pageSize, total);
    }

    /** The first {@code limit} rows of a query of one kind of entry; {@code kind} for the callback queries. */
    private List<Entry> newest(String jpql, Long customer, CallbackTask.Kind kind, int limit,
            Function<Object[], Entry> entry) {
        TypedQuery<Object[]> query = em.createQuery(jpql, Object[].class).setParameter("id", customer)
                .setMaxResults(limit);
        if (kind != null) {
            query.setParameter("kind", kind);
        }
        return query.getResultList().stream().map(entry).toList();
    }

    private long count(String jpql, Long customer, CallbackTask.Kind kind) {
        TypedQuery<Long> query = em.createQuery(jpql, Long.class).setParameter("id", customer);
        if (kind != null) {
            query.setParameter("kind", kind);
        }
        return query.getSingleResult();
    }

    /** The outcome of a finished callback, else its status; a case's status; a survey's channel. */
    private static String code(Object status, Object outcome) {
        return String.valueOf(outcome == null ? status : outcome);
    }

    private static java.time.Instant instant(Object value) {
        return value == null ? null : ((OffsetDateTime) value).toInstant();
    }

    private static String excerpt(String text) {
        return text == null || text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }

    private static String pattern(String query) {
        if (query == null || query.isBlank()) {
            return "%";
        }
        return "%" + query.strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
    }

    private static String exact(String building) {
        return building == null ? "" : building.strip().toLowerCase(Locale.ROOT);
    }
}
