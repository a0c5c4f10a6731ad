package io.kefu.privacy.boundary;

import io.kefu.audit.boundary.AuditLog;
import io.kefu.audit.control.CurrentActor;
import io.kefu.callback.entity.CallbackAttempt;
import io.kefu.callback.entity.CallbackTask;
import io.kefu.complaint.entity.CaseEvent;
import io.kefu.complaint.entity.Complaint;
import io.kefu.confidentiality.boundary.ReadLog;
import io.kefu.confidentiality.entity.Basis;
import io.kefu.confidentiality.entity.ReadChannel;
import io.kefu.confidentiality.entity.ReadEntry;
import io.kefu.privacy.control.CaseAnonymisation;
import io.kefu.privacy.control.CustomerDossier;
import io.kefu.resident.boundary.Customers;
import io.kefu.resident.entity.Customer;
import io.kefu.resident.entity.Resident;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A customer's data on their request (个人信息查阅与删除), for the tenant admin: everything about them as a dossier to
 * export, or its erasure everywhere — the record's name and notes, their entries on the register (the units stay),
 * the contact data of every case filed under their record or from one of their phones, the copies in callbacks,
 * tracking links and mails, and the cases' attachments. Figures stay: no counted column changes. Both are audited
 * by the record's key only: the audit log must not name the person either.
 */
@ApplicationScoped
@Transactional
public class CustomerData {

    @Inject
    EntityManager em;

    @Inject
    Customers customers;

    @Inject
    CaseAnonymisation anonymisation;

    @Inject
    AuditLog audit;

    @Inject
    ReadLog readLog;

    @Inject
    CurrentActor actor;

    @Inject
    Clock clock;

    /** What the admin's search found: the record's key, or nothing for an unknown key or phone. */
    public Optional<String> find(String keyOrPhone) {
        if (keyOrPhone == null || keyOrPhone.isBlank()) {
            return Optional.empty();
        }
        String text = keyOrPhone.strip();
        return customers.find(text).or(() -> customers.forPhone(text)).map(Customer::key);
    }

    /** The record with this key as the admin sees it before an export or erasure (404 for an unknown key). */
    public CustomerDossier.Record record(String key) {
        return record(customers.get(key));
    }

    /** Everything about the customer; the export is audited ({@code customer.export}, with its format). */
    public CustomerDossier export(String key, String format) {
        Customer customer = customers.get(key);
        List<Resident> entries = entries(customer);
        List<Complaint> cases = cases(customer, phones(entries));
        List<CallbackTask> callbacks = callbacks(cases, phones(entries));
        CustomerDossier dossier = new CustomerDossier(record(customer),
                entries.stream().map(CustomerData::entry).toList(), cases.stream().map(CustomerData::caseOf).toList(),
                callbacks.stream().map(CustomerData::callback).toList(), surveyAnswers(cases));
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("format", format);
        what.put("cases", dossier.cases().size());
        what.put("callbacks", dossier.callbacks().size());
        audit.record("customer.export", customer.key(), null, AuditLog.describe(what));
        if (customer.confidentiality().isProtected()) {
            // The whole record leaves the office: a read like any other, on the customer's own request.
            readLog.append(List.of(new ReadEntry(OffsetDateTime.now(clock), actor.get(), customer.id(),
                    customer.key(), customer.confidentiality(), null, ReadChannel.EXPORT, Basis.DATA_REQUEST, null,
                    "customer.export " + format)));
        }
        return dossier;
    }

    /** What an erasure removed, in numbers. */
    public record Erased(int registerEntries, int cases, int callbacks) {
    }

    /**
     * Erases the customer everywhere, in one transaction (all or nothing); audited ({@code customer.erasure}, with
     * the numbers). Attachments of their cases are deleted whatever the retention policy says: they asked.
     */
    public Erased erase(String key) {
        Customer customer = customers.get(key);
        List<Resident> entries = entries(customer);
        Set<String> phones = phones(entries);
        Set<String> emails = new LinkedHashSet<>();
        entries.stream().map(Resident::email).filter(e -> e != null).forEach(emails::add);
        List<Complaint> cases = cases(customer, phones);
        cases.stream().map(Complaint::contactEmail).filter(e -> e != null).forEach(emails::add);
        List<CallbackTask> callbacks = callbacks(cases, phones);
        for (Complaint complaint : cases) {
            anonymisation.anonymise(complaint, true);
        }
        callbacks.forEach(CallbackTask::anonymise);
        if (!emails.isEmpty()) {
            em.createQuery("DELETE FROM OutboundMail m WHERE m.tenantId = :tenant AND m.recipient IN :emails")
                    .setParameter("tenant", customer.tenantId()).setParameter("emails", emails).executeUpdate();
        }
        entries.forEach(em::remove);
        phones.forEach(phone -> forgetInReports(phone, "erased:" + customer.key()));
        customer.erase(clock);
        em.flush();
        Erased erased = new Erased(entries.size(), cases.size(), callbacks.size());
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("registerEntries", erased.registerEntries());
        what.put("cases", erased.cases());
        what.put("callbacks", erased.callbacks());
        audit.record("customer.erasure", customer.key(), null, AuditLog.describe(what));
        return erased;
    }

    /**
     * A caller without a unit is named in the quarterly analysis by their phone: in a cause's key
     * ({@code RESIDENT|phone|category}), in the corrective actions answering it and in the snapshots of the reports
     * as approved. The phone gives way to a stand-in that names nobody, the same in all of them, so an analysis
     * still finds its cause and its actions. Bulk updates: the tenant predicate is EclipseLink's, as everywhere.
     */
    private void forgetInReports(String phone, String standIn) {
        em.createQuery("UPDATE CauseAnalysis a SET a.causeKey = FUNCTION('replace', a.causeKey, :from, :to)"
                + " WHERE a.causeKey LIKE :like").setParameter("from", "|" + phone + "|")
                .setParameter("to", "|" + standIn + "|").setParameter("like", "%|" + phone + "|%").executeUpdate();
        em.createQuery("UPDATE CorrectiveAction a SET a.causeKeys = FUNCTION('replace', a.causeKeys, :from, :to)"
                + " WHERE a.causeKeys LIKE :like").setParameter("from", "|" + phone + "|")
                .setParameter("to", "|" + standIn + "|").setParameter("like", "%|" + phone + "|%").executeUpdate();
        for (String report : List.of("QuarterlyReport", "MonthlyReport")) {
            em.createQuery("UPDATE " + report + " r SET r.snapshot = FUNCTION('replace', r.snapshot, :from, :to)"
                    + " WHERE r.snapshot LIKE :like").setParameter("from", phone).setParameter("to", standIn)
                    .setParameter("like", "%" + phone + "%").executeUpdate();
        }
    }

    private List<Resident> entries(Customer customer) {
        return em.createQuery("SELECT r FROM Resident r JOIN FETCH r.unit WHERE r.customer = :customer "
                + "ORDER BY r.id", Resident.class).setParameter("customer", customer).getResultList();
    }

    private static Set<String> phones(List<Resident> entries) {
        Set<String> phones = new LinkedHashSet<>();
        entries.forEach(r -> phones.add(r.phone()));
        return phones;
    }

    /** Filed under the record, or from one of the customer's phones (before the record existed, or by hand). */
    private List<Complaint> cases(Customer customer, Set<String> phones) {
        String byPhone = phones.isEmpty() ? "" : " OR c.contactPhone IN :phones";
        var query = em.createQuery("SELECT c FROM Complaint c WHERE c.customerId = :customer" + byPhone
                + " ORDER BY c.registeredAt DESC, c.id DESC", Complaint.class).setParameter("customer", customer.id());
        if (!phones.isEmpty()) {
            query.setParameter("phones", phones);
        }
        return query.getResultList();
    }

    /** The callbacks about the cases, and courtesy visits made to one of the customer's phones. */
    private List<CallbackTask> callbacks(List<Complaint> cases, Set<String> phones) {
        Map<Long, CallbackTask> tasks = new LinkedHashMap<>();
        for (Complaint complaint : cases) {
            em.createNamedQuery(CallbackTask.OF_CASE, CallbackTask.class).setParameter("complaint", complaint)
                    .getResultStream().forEach(t -> tasks.put(t.id(), t));
        }
        if (!phones.isEmpty()) {
            em.createQuery("SELECT t FROM CallbackTask t WHERE t.contactPhone IN :phones ORDER BY t.createdAt DESC",
                    CallbackTask.class).setParameter("phones", phones).getResultStream()
                    .forEach(t -> tasks.putIfAbsent(t.id(), t));
        }
        return new ArrayList<>(tasks.values());
    }

    private List<CustomerDossier.SurveyAnswer> surveyAnswers(List<Complaint> cases) {
        if (cases.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = em.createQuery("SELECT c.number, r.submittedAt, r.channel, q.textZh, q.textEn, a.score, "
                + "a.choice, a.text FROM Answer a JOIN a.response r JOIN r.complaint c JOIN a.question q "
                + "WHERE c.id IN :cases ORDER BY r.submittedAt DESC, q.position", Object[].class)
                .setParameter("cases", cases.stream().map(Complaint::id).toList()).getResultList();
        return rows.stream().map(row -> new CustomerDossier.SurveyAnswer((String) row[0], (OffsetDateTime) row[1],
                String.valueOf(row[2]), row[3] + " / " + row[4], (Integer) row[5], (Integer) row[6],
                (String) row[7])).toList();
    }

    private static CustomerDossier.Record record(Customer c) {
        return new CustomerDossier.Record(c.key(), c.kind().name(), c.name(), c.confidentiality().name(), c.vip(),
                c.handler(), c.notes(), c.createdAt(), c.isErased());
    }

    private static CustomerDossier.RegisterEntry entry(Resident r) {
        return new CustomerDossier.RegisterEntry(r.unit().building(), r.unit().number(), r.name(), r.phone(),
                r.email(), r.grade() == null ? null : r.grade().name());
    }

    private static CustomerDossier.Case caseOf(Complaint c) {
        return new CustomerDossier.Case(c.number().toString(), c.kind().name(), c.categoryCode(), c.status().name(),
                c.channel().name(), utc(c.registeredAt()), utc(c.closedAt()), c.location(), c.contactName(),
                c.contactPhone(), c.contactEmail(), c.description(), c.desiredOutcome(), c.resolution(),
                c.history().stream().map(CustomerData::event).toList());
    }

    private static CustomerDossier.Event event(CaseEvent e) {
        return new CustomerDossier.Event(e.at(), e.actor(), e.action(), e.from() == null ? null : e.from().name(),
                e.to().name(), e.text(), e.isPublic());
    }

    private static CustomerDossier.Callback callback(CallbackTask t) {
        return new CustomerDossier.Callback(t.complaint() == null ? null : t.complaint().number().toString(),
                t.kind().name(), t.contactName(), t.contactPhone(), t.status().name(),
                t.outcome() == null ? null : t.outcome().name(), utc(t.createdAt()), utc(t.finishedAt()),
                t.attempts().stream().map(CustomerData::attempt).toList());
    }

    private static CustomerDossier.Attempt attempt(CallbackAttempt a) {
        return new CustomerDossier.Attempt(utc(a.at()), a.by(), a.method().name(), a.reached(),
                a.satisfaction() == null ? null : a.satisfaction().name(), a.score(), a.comment());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
