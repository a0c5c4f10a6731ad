package io.kefu.report.boundary;

import io.kefu.audit.boundary.AuditLog;
import io.kefu.complaint.boundary.Cases;
import io.kefu.complaint.entity.Actor;
import io.kefu.complaint.entity.Complaint;
import io.kefu.identity.boundary.Member;
import io.kefu.notice.boundary.Notices;
import io.kefu.notice.entity.OutboundMail;
import io.kefu.problem.KefuException;
import io.kefu.problem.Writes;
import io.kefu.report.control.MonthlyTables;
import io.kefu.report.entity.MonthlyReport;
import io.kefu.report.entity.MonthlyTable;
import io.kefu.report.entity.Period;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.workspace.boundary.Office;
import io.kefu.workspace.boundary.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.adapter.JsonbAdapter;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The current tenant's monthly statistics tables (客诉案件统计表): generating the month's draft, judging the
 * responsibility per case in it, submitting, the manager's sign-off, corrections as new revisions. Supervisors only;
 * the rules of each step are {@link MonthlyReport}'s.
 */
@ApplicationScoped
@Transactional
public class MonthlyReports {

    /** The stored table's form: JSON with the month as {@code 2026-11}. */
    /** The table is due, signed off and published, by this day of the next month. */
    public static final int DUE_DAY = 10;

    private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withAdapters(new MonthAdapter()));

    @Inject
    EntityManager em;

    @Inject
    MonthlyTables tables;

    @Inject
    CurrentTenant tenant;

    @Inject
    Office office;

    @Inject
    Workspace workspace;

    @Inject
    Cases cases;

    @Inject
    AuditLog audit;

    @Inject
    Notices notices;

    @Inject
    Clock clock;

    /** Every revision of every month, the latest month and revision first. */
    public List<MonthlyReport> all() {
        return em.createNamedQuery(MonthlyReport.ALL, MonthlyReport.class).getResultList();
    }

    /** The month's revisions, the latest first. */
    public List<MonthlyReport> revisions(YearMonth month) {
        return em.createNamedQuery(MonthlyReport.OF_MONTH, MonthlyReport.class)
                .setParameter("month", month.atDay(1)).getResultList();
    }

    public Optional<MonthlyReport> find(YearMonth month) {
        return revisions(month).stream().findFirst();
    }

    /** The month's latest revision; 404 when the month has no table. */
    public MonthlyReport get(YearMonth month) {
        return find(month).orElseThrow(() -> KefuException.notFound("report.monthly.notFound", month.toString()));
    }

    public MonthlyReport revision(YearMonth month, int revision) {
        return revisions(month).stream().filter(r -> r.revision() == revision).findFirst().orElseThrow(
                () -> KefuException.notFound("report.monthly.revision.notFound", month.toString(), revision));
    }

    /**
     * The month's table, generated as a draft when it has none yet (the job does this on the 1st; a tenant created
     * later in the month, or a month the job missed, gets it on demand). Only a month that is over: 422 otherwise.
     */
    public MonthlyReport generate(YearMonth month) {
        if (!month.isBefore(YearMonth.now(clock.withZone(tenant.get().zone())))) {
            throw KefuException.invalid("month", "report.monthly.notOver", month.toString());
        }
        Optional<MonthlyReport> existing = find(month);
        if (existing.isPresent()) {
            return existing.get();
        }
        MonthlyReport draft = MonthlyReport.firstDraft(month, clock);
        em.persist(draft);
        Writes.flush(em);
        return draft;
    }

    /** The table of a revision: what it stored once submitted, the cases as they are now while a draft. */
    public MonthlyTable table(MonthlyReport report) {
        if (report.snapshot() != null) {
            return JSON.fromJson(report.snapshot(), MonthlyTable.class);
        }
        return tables.compute(report.month(), tenant.get().zone(), clock.instant());
    }

    /** 制表: the month's draft is submitted as it stands; its table is stored and fixed from now on. */
    public MonthlyReport submit(YearMonth month, Actor actor, Long expectedVersion) {
        MonthlyReport report = current(month, expectedVersion);
        report.submit(actor, JSON.toJson(tables.compute(month, tenant.get().zone(), clock.instant())), clock);
        return recorded(report, "report.monthly.submit");
    }

    /** 阅签 by the manager: the submitted table is published. */
    public MonthlyReport signOff(YearMonth month, Actor actor, Long expectedVersion) {
        MonthlyReport report = current(month, expectedVersion);
        report.signOff(actor, office.settings().managerUsername(), clock);
        return recorded(report, "report.monthly.signOff");
    }

    /** The submitted table goes back to a draft (the reviewer, or the one who submitted, takes it back). */
    public MonthlyReport returnToDraft(YearMonth month, Actor actor, Long expectedVersion) {
        MonthlyReport report = current(month, expectedVersion);
        report.returnToDraft(actor, office.settings().managerUsername());
        return recorded(report, "report.monthly.return");
    }

    /** A correction of the published table: a new revision (a draft) with its reason; the old one is kept. */
    public MonthlyReport revise(YearMonth month, Actor actor, String reason) {
        MonthlyReport next = get(month).revise(actor, reason, clock);
        em.persist(next);
        return recorded(next, "report.monthly.revise");
    }

    /**
     * 职责归属: the supervisor's judgement of whose fault a case of the month's draft was — a department of the
     * office or {@link Complaint#EXTERNAL}. The case must be one the table lists (closed in the month).
     */
    public Complaint attribute(YearMonth month, String number, String department, Actor actor) {
        get(month).requireDraft();
        Complaint complaint = cases.find(number).orElseThrow(
                () -> KefuException.notFound("case.not.found", number));
        Period period = Period.month(month, tenant.get().zone());
        if (complaint.closedAt() == null || complaint.closedAt().isBefore(period.start())
                || !complaint.closedAt().isBefore(period.end())) {
            throw KefuException.notFound("report.monthly.caseNotInMonth", number, month.toString());
        }
        String code = department == null ? "" : department.strip();
        if (!Complaint.EXTERNAL.equals(code) && !isDepartment(code)) {
            throw KefuException.invalid("department", "report.monthly.department.unknown", code);
        }
        complaint.attributeResponsibility(actor, code, clock);
        Writes.flush(em);
        return complaint;
    }

    private boolean isDepartment(String code) {
        return workspace.departments().stream().anyMatch(d -> d.code().value().equals(code));
    }

    // --- for the monthly job: each call its own transaction (the job's timer may run in one that has no tenant) ---

    /** Generates last month's draft on {@code today} (the tenant's date) when it has none; true when it did. */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean draftLastMonth(LocalDate today) {
        YearMonth month = lastMonth(today);
        if (find(month).isPresent()) {
            return false;
        }
        em.persist(MonthlyReport.firstDraft(month, clock));
        Writes.flush(em);
        return true;
    }

    /**
     * From the 10th on, the manager is told once that last month's table is not published (no revision of it is):
     * true when they were told now.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean remindIfLate(LocalDate today) {
        if (today.getDayOfMonth() < DUE_DAY) {
            return false;
        }
        YearMonth month = lastMonth(today);
        List<MonthlyReport> revisions = revisions(month);
        if (revisions.isEmpty() || revisions.get(0).isReminded()
                || revisions.stream().anyMatch(r -> r.status() == MonthlyReport.Status.PUBLISHED)) {
            return false;
        }
        notices.remindOfReport(office.managers(), month);
        revisions.get(0).reminded(clock);
        return true;
    }

    /** The published revisions not mailed yet. */
    @Transactional(TxType.REQUIRES_NEW)
    public List<Long> unmailed() {
        return em.createNamedQuery(MonthlyReport.UNMAILED, MonthlyReport.class)
                .setParameter("published", MonthlyReport.Status.PUBLISHED).getResultStream().map(MonthlyReport::id)
                .toList();
    }

    /**
     * Mails the published revision with its PDF ({@code pdf} writes it from the revision and its table) to the
     * supervisors and the manager, once: the mails are queued and the revision marked in one transaction.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void mail(long id, BiFunction<MonthlyReport, MonthlyTable, OutboundMail.Attachment> pdf) {
        MonthlyReport report = em.find(MonthlyReport.class, id);
        if (report == null || report.isMailed()) {
            return;
        }
        OutboundMail.Attachment file = pdf.apply(report, table(report));
        List<Member> recipients = new ArrayList<>(office.supervisors());
        recipients.addAll(office.managers());
        notices.mailReport(recipients, report.month(), report.revision(), file);
        report.mailed(clock);
    }

    /** {@code 2026-11}; 422 naming {@code field} otherwise. */
    public static YearMonth month(String text, String field) {
        try {
            return YearMonth.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw KefuException.invalid(field, "report.monthly.month.invalid", String.valueOf(text));
        }
    }

    /** The last month that is over on {@code day}: the month a table is due for. */
    public static YearMonth lastMonth(LocalDate day) {
        return YearMonth.from(day).minusMonths(1);
    }

    public Instant now() {
        return clock.instant();
    }

    private MonthlyReport current(YearMonth month, Long expectedVersion) {
        MonthlyReport report = get(month);
        if (expectedVersion != null && expectedVersion != report.version()) {
            throw KefuException.conflict("concurrent.change");
        }
        return report;
    }

    private MonthlyReport recorded(MonthlyReport report, String action) {
        Writes.flush(em);
        audit.record(action, report.month() + "#" + report.revision(), null, "status=" + report.status());
        return report;
    }

    /** The month as {@code 2026-11} in the stored table. */
    public static final class MonthAdapter implements JsonbAdapter<YearMonth, String> {

        @Override
        public String adaptToJson(YearMonth month) {
            return month.toString();
        }

        @Override
        public YearMonth adaptFromJson(String text) {
            return YearMonth.parse(text);
        }
    }
}
