package io.kefu.resident.boundary;

import io.kefu.audit.boundary.AuditLog;
import io.kefu.audit.control.CurrentActor;
import io.kefu.problem.KefuException;
import io.kefu.problem.Writes;
import io.kefu.resident.control.ImportFile;
import io.kefu.resident.control.ResidentList;
import io.kefu.resident.entity.Customer;
import io.kefu.resident.entity.CustomerKind;
import io.kefu.resident.entity.Grade;
import io.kefu.resident.entity.Resident;
import io.kefu.resident.entity.ResidentImport;
import io.kefu.resident.entity.Unit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The current tenant's resident register: imports of resident files and the paged, searchable list.
 * An import takes every good row of a file in one transaction (a failure of the database takes none) and
 * records the refused rows; a row for a resident already on the register (same phone, same unit) updates them.
 */
@ApplicationScoped
@Transactional
public class Residents {

    private static final Logger LOG = Logger.getLogger(Residents.class.getName());

    /** The largest resident file accepted, whatever its format. */
    public static final int MAX_FILE_BYTES = 10 * 1024 * 1024;

    @Inject
    EntityManager em;

    @Inject
    Customers customerRecords;

    @Inject
    Clock clock;

    @Inject
    CurrentActor actor;

    @Inject
    AuditLog audit;

    @Inject
    ImportProgress progress;

    /**
     * Reads, checks and imports a file. A file that is not a resident list throws {@code INVALID} on field
     * {@code file} and imports nothing; otherwise the good rows are imported and the import is returned with
     * the refused ones.
     */
    public ResidentImport importFile(String fileName, byte[] content) {
        ResidentList.Checked checked = check(content);
        ResidentImport run = new ResidentImport(fileName, actor.get(), checked.rows(), clock);
        em.persist(run);
        apply(checked, done -> { });
        return finish(run, checked);
    }

    /**
     * The first half of an import that reports progress: checks the file (a malformed one throws and leaves no
     * trace) and records the import as running, committed so that any node can answer a progress poll. The
     * rows are then taken by {@link #complete}.
     */
    public ResidentImport start(String fileName, byte[] content) {
        ResidentList.Checked checked = check(content);
        ResidentImport run = new ResidentImport(fileName, actor.get(), checked.rows(), clock);
        em.persist(run);
        Writes.flush(em);
        return run;
    }

    /**
     * Takes the good rows of a started import in one transaction; progress is recorded on the side in short
     * transactions of its own (see {@link ImportProgress}), so the page's poll sees it move while this works.
     */
    public ResidentImport complete(long importId, byte[] content) {
        ResidentList.Checked checked = check(content);
        apply(checked, done -> progress.record(importId, done));
        ResidentImport run = find(importId);
        em.refresh(run); // moved on by the progress transactions meanwhile
        return finish(run, checked);
    }

    private static ResidentList.Checked check(byte[] content) {
        if (content != null && content.length > MAX_FILE_BYTES) {
            throw KefuException.invalid("file", "import.file.too.large", MAX_FILE_BYTES / (1024 * 1024));
        }
        return ResidentList.check(ImportFile.read(content));
    }

    /** Rows between two progress reports: often enough for a bar, rarely enough to cost nothing. */
    static final int PROGRESS_EVERY = 100;

    /** Writes the good rows: new units and residents, or updates of residents already on the register. */
    private void apply(ResidentList.Checked checked, java.util.function.IntConsumer progress) {
        Map<String, Unit> units = new HashMap<>();
        em.createNamedQuery(Unit.ALL, Unit.class).getResultList().forEach(u -> units.put(u.key(), u));
        Map<String, Resident> residents = new HashMap<>();
        Map<String, Customer> customers = new HashMap<>();
        em.createNamedQuery(Resident.ALL, Resident.class).getResultList().forEach(r -> {
            residents.put(r.key(), r);
            customers.putIfAbsent(r.phone(), r.customer());
        });
        int done = checked.rejections().size();
        for (ResidentList.Entry entry : checked.entries()) {
            Unit unit = units.computeIfAbsent(entry.unitKey(), k -> {
                Unit created = new Unit(entry.building(), entry.unit(), null);
                em.persist(created);
                return created;
            });
            unit.measure(entry.area());
            Resident known = residents.get(Resident.key(entry.phone(), unit));
            if (known == null) {
                // A phone number already on the register is the same customer on another unit.
                Customer customer = customers.computeIfAbsent(entry.phone(), phone -> {
                    Customer fresh = new Customer(CustomerKind.RESIDENT, entry.name(), clock);
                    em.persist(fresh);
                    return fresh;
                });
                Resident created = new Resident(unit, customer, entry.name(), entry.phone(), entry.email(),
                        entry.grade());
                em.persist(created);
                residents.put(created.key(), created);
            } else {
                known.update(entry.name(), entry.email(), entry.grade());
            }
            if (++done % PROGRESS_EVERY == 0) {
                Writes.flush(em);
                progress.accept(done);
            }
        }
        Writes.flush(em);
        // Cases filed before their contact was on the register belong to the record now (one statement).
        customerRecords.fileUnfiledCases();
    }

    private ResidentImport finish(ResidentImport run, ResidentList.Checked checked) {
        run.finish(checked.entries().size(), checked.rejections(), clock);
        Writes.flush(em);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("imported", run.imported());
        after.put("rejected", run.rejected());
        audit.record("residents.import", run.fileName(), null, AuditLog.describe(after));
        return run;
    }

    /**
     * The import as it stands, on whichever node asks. One still running after its node died is given up here
     * ({@link ResidentImport#abandonIfSilent}): no node keeps a list of its imports, any reader settles it.
     */
    public ResidentImport getImport(long id) {
        ResidentImport run = find(id);
        if (run.isSilent(clock)) {
            try {
                progress.abandonIfSilent(id);
            } catch (RuntimeException lostTheRace) {
                // Its node was alive after all and finished first (the version moved on): the row says how.
                LOG.fine(() -> "Import " + id + " finished while being given up: " + lostTheRace);
            }
            em.refresh(run);
        }
        return run;
    }

    private ResidentImport find(long id) {
        return em.createNamedQuery(ResidentImport.BY_ID, ResidentImport.class).setParameter("id", id)
                .getResultStream().findFirst()
                .orElseThrow(() -> KefuException.notFound("residents.import.not.found", id));
    }

    /** A page of the register, ordered by building, unit and name; {@code query} matches name, phone or unit. */
    public List<Resident> page(String query, int first, int size) {
        return em.createNamedQuery(Resident.PAGE, Resident.class).setParameter("q", pattern(query))
                .setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, Math.min(size, 200)))
                .getResultList();
    }

    public long count(String query) {
        return em.createNamedQuery(Resident.COUNT, Long.class).setParameter("q", pattern(query)).getSingleResult();
    }

    /**
     * The best grade among the register's entries for a phone number (one person may be listed on several
     * units), or empty when the number is not on the register or has no grade.
     */
    /** What the register knows of whoever calls from a phone: their customer record and best grade. */
    public record Known(Optional<Customer> customer, Optional<Grade> grade) {

        static final Known NOBODY = new Known(Optional.empty(), Optional.empty());
    }

    /**
     * The record and best grade of the person at {@code phone}, in one read (a filing needs both: the record
     * for the case, the grade for its deadlines). Every entry of one phone belongs to one record.
     */
    public Known known(String phone) {
        if (phone == null || phone.isBlank()) {
            return Known.NOBODY;
        }
        List<Object[]> rows = em.createNamedQuery(Resident.RECORD_AND_GRADE_BY_PHONE, Object[].class)
                .setParameter("phone", phone.replaceAll("[\\s()-]", "")).getResultList();
        return rows.isEmpty() ? Known.NOBODY : new Known(Optional.of((Customer) rows.get(0)[0]),
                rows.stream().map(row -> (Grade) row[1]).filter(g -> g != null).min(Enum::compareTo));
    }

    public Optional<Grade> gradeOf(String phone) {
        if (phone == null || phone.isBlank()) {
            return Optional.empty();
        }
        String digits = phone.replaceAll("[\\s()-]", "");
        return em.createNamedQuery(Resident.BY_PHONE, Resident.class).setParameter("phone", digits)
                .getResultStream().map(Resident::grade).filter(g -> g != null).min(Enum::compareTo);
    }

    private static String pattern(String query) {
        if (query == null || query.isBlank()) {
            return "%";
        }
        String escaped = query.strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "");
        return "%" + escaped + "%";
    }
}
