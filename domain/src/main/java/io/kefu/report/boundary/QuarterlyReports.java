package io.kefu.report.boundary;

import io.kefu.audit.boundary.AuditLog;
import io.kefu.complaint.entity.Actor;
import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import io.kefu.problem.Writes;
import io.kefu.report.entity.Cause;
import io.kefu.report.entity.CauseAnalysis;
import io.kefu.report.entity.CorrectiveAction;
import io.kefu.report.entity.Period;
import io.kefu.report.entity.Quarter;
import io.kefu.report.entity.QuarterlyReport;
import io.kefu.report.entity.QuarterlyView;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.workspace.boundary.Office;
import jakarta.enterprise.context.ApplicationScoped;
import io.kefu.confidentiality.boundary.Disclosure;
import io.kefu.confidentiality.control.Sight;
import io.kefu.confidentiality.entity.ReadChannel;
import io.kefu.resident.boundary.Customers;
import io.kefu.resident.entity.Customer;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The current tenant's quarterly complaint analysis reports (用户投诉分析报告): the report of a quarter as it
 * stands, the supervisors' analysis of its causes, submitting it, the general manager's approval that publishes
 * it, and corrections of a published report as new revisions. A quarter not yet begun has no report (404).
 *
 * <p>A quarter's report is its latest revision: that is the one written in, submitted and approved. The corrective
 * actions belong to the quarter, not to a revision: a correction's draft lists every action committed so far and may
 * commit more, and each published revision keeps them in its snapshot as they were when it was approved.
 */
@ApplicationScoped
@Transactional
public class QuarterlyReports {

    @Inject
    EntityManager em;

    @Inject
    ReportFigures figures;

    @Inject
    io.kefu.compensation.control.CompensationTotals compensations;

    @Inject
    MainCauses mainCauses;

    @Inject
    Disclosure disclosure;

    @Inject
    Customers customers;

    @Inject
    Office office;

    @Inject
    CurrentTenant tenant;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** The quarter's latest revision, if it has a report. */
    public Optional<QuarterlyReport> find(Quarter quarter) {
        return revisions(quarter).stream().findFirst();
    }

    /** The quarter's revisions, the latest first. */
    public List<QuarterlyReport> revisions(Quarter quarter) {
        return em.createNamedQuery(QuarterlyReport.OF_QUARTER, QuarterlyReport.class)
                .setParameter("quarter", quarter.toString()).getResultList();
    }

    /** One revision of the quarter's report; 404 for one it does not have. */
    public QuarterlyReport revision(Quarter quarter, int revision) {
        return revisions(begun(quarter)).stream().filter(r -> r.revision() == revision).findFirst().orElseThrow(
                () -> KefuException.notFound("report.quarterly.revision.notFound", quarter.toString(), revision));
    }

    /** Every revision of every report written so far, the latest quarter and revision first. */
    public List<QuarterlyReport> all() {
        return em.createNamedQuery(QuarterlyReport.ALL, QuarterlyReport.class).getResultList();
    }

    /** The quarter, when it has begun in the tenant's zone; a later one has no report yet. */
    public Quarter begun(Quarter quarter) {
        if (quarter.firstDay().isAfter(today())) {
            throw KefuException.notFound("report.quarter.not.begun", quarter.toString());
        }
        return quarter;
    }

    /**
     * The causes as the reader may see them: a recurring resident (named by phone) whose customer record is above
     * the reader's clearance shows a masked phone; one shown unmasked is a read of the record (REPORT).
     */
    private List<Cause> disclosed(List<Cause> causes) {
        List<Sight> sights = disclosure.readAll(causes, c -> c.kind() == Cause.Kind.RESIDENT
                ? customers.forPhone(c.place()).map(Customer::id).orElse(null) : null, c -> null, ReadChannel.REPORT);
        List<Cause> shown = new ArrayList<>(causes.size());
        for (int i = 0; i < causes.size(); i++) {
            shown.add(sights.get(i).isClear() ? causes.get(i) : causes.get(i).placeMasked());
        }
        return shown;
    }

    /** The report as it stands now, counted live (for a published one, its snapshot is what is shown). */
    public QuarterlyView live(Quarter quarter) {
        begun(quarter);
        ZoneId zone = tenant.get().zone();
        java.time.Instant now = clock.instant();
        Period period = quarter.period(zone);
        Optional<QuarterlyReport> report = find(quarter);
        Map<String, String> analysis = new LinkedHashMap<>();
        report.ifPresent(r -> em.createNamedQuery(CauseAnalysis.OF_REPORT, CauseAnalysis.class)
                .setParameter("report", r.id()).getResultList()
                .forEach(a -> analysis.put(a.causeKey(), a.analysis())));
        List<Cause> causes = disclosed(mainCauses.of(period).stream().map(c -> c.analysed(analysis.get(c.key())))
                .toList());
        List<QuarterlyView.ActionCheck> checks = new ArrayList<>();
        Quarter before = quarter.previous();
        LocalDate today = today();
        for (CorrectiveAction action : actionsOf(before)) {
            Map<String, List<String>> recurrences = new LinkedHashMap<>();
            boolean recurred = false;
            for (String key : action.causeKeys()) {
                MainCauses.Recurrence r = mainCauses.recurrence(key, before.period(zone), period);
                recurred |= r.recurred();
                if (r.recurred()) {
                    recurrences.put(key, r.caseNumbers());
                }
            }
            checks.add(new QuarterlyView.ActionCheck(action, action.doneOnTime(zone, today), recurred, recurrences));
        }
        return new QuarterlyView(quarter, report.map(QuarterlyReport::revision).orElse(1),
                report.map(QuarterlyReport::reason).orElse(null),
                report.map(QuarterlyReport::status).orElse(QuarterlyReport.Status.DRAFT),
                figures.figures(period, now), figures.figures(before.period(zone), now),
                figures.figures(quarter.yearBefore().period(zone), now), causes, actionsOf(quarter), checks,
                report.map(QuarterlyReport::preparedBy).orElse(null),
                report.map(QuarterlyReport::submittedAt).orElse(null),
                report.map(QuarterlyReport::approvedBy).orElse(null),
                report.map(QuarterlyReport::approvedAt).orElse(null), compensationsOf(quarter, zone));
    }

    /** The compensation approved in each month of the quarter, as each month's table has it. */
    private Map<java.time.YearMonth, List<io.kefu.compensation.entity.ApprovedTotal>> compensationsOf(Quarter quarter,
            ZoneId zone) {
        Map<java.time.YearMonth, List<io.kefu.compensation.entity.ApprovedTotal>> months = new LinkedHashMap<>();
        java.time.YearMonth first = java.time.YearMonth.from(quarter.firstDay());
        for (int i = 0; i < 3; i++) {
            java.time.YearMonth month = first.plusMonths(i);
            months.put(month, compensations.approvedIn(Period.month(month, zone)));
        }
        return months;
    }

    /** A supervisor's analysis of one of the quarter's main causes, while the report is a draft. */
    public void analyse(Quarter quarter, String causeKey, String text, Actor actor) {
        requireSupervisor(actor);
        find(begun(quarter)).ifPresent(QuarterlyReport::requireDraft);
        KefuException.checkAll(
                () -> {
                    if (causeKey == null || mainCauses.of(quarter.period(tenant.get().zone())).stream()
                            .noneMatch(c -> c.key().equals(causeKey))) {
                        throw KefuException.invalid("cause", "report.cause.unknown",
                                causeKey == null ? "—" : causeKey);
                    }
                },
                () -> CauseAnalysis.check(text));
        QuarterlyReport report = draft(quarter);
        Optional<CauseAnalysis> written = em.createNamedQuery(CauseAnalysis.OF_REPORT, CauseAnalysis.class)
                .setParameter("report", report.id()).getResultStream().filter(a -> a.causeKey().equals(causeKey))
                .findFirst();
        if (written.isPresent()) {
            written.get().write(text);
        } else {
            em.persist(new CauseAnalysis(report, causeKey, text));
        }
        Writes.flush(em);
    }

    /** A supervisor submits the draft for the general manager's approval. */
    public QuarterlyReport submit(Quarter quarter, Actor actor) {
        QuarterlyReport report = draft(quarter);
        report.submit(actor, clock);
        Writes.flush(em);
        return report;
    }

    /** The general manager sends the submitted report back to the supervisors. */
    public QuarterlyReport sendBack(Quarter quarter, Actor actor) {
        requireGeneralManager(actor);
        QuarterlyReport report = get(quarter);
        report.returnToDraft();
        Writes.flush(em);
        return report;
    }

    /**
     * The general manager (or, with none named, the manager) approves the submitted report: it is published with
     * the report as it stands now, rendered by {@code document}, and does not change again.
     */
    public QuarterlyReport approve(Quarter quarter, Actor actor, Function<QuarterlyView, String> document) {
        requireGeneralManager(actor);
        QuarterlyReport report = get(quarter);
        report.requireApprovableBy(actor);
        QuarterlyView view = live(quarter);
        QuarterlyView approved = new QuarterlyView(view.quarter(), view.revision(), view.reason(),
                QuarterlyReport.Status.PUBLISHED, view.figures(),
                view.previous(), view.yearBefore(), view.causes(), view.actions(), view.lastQuarter(),
                view.preparedBy(), view.submittedAt(), actor.username(),
                java.time.OffsetDateTime.now(clock).withOffsetSameInstant(java.time.ZoneOffset.UTC),
                view.compensations());
        report.approve(actor, document.apply(approved), clock);
        Writes.flush(em);
        return report;
    }

    /**
     * A correction of the quarter's published report: the next revision, a draft with its reason, in which the
     * analysis of every cause is carried over to be corrected; the published revision is kept as it was approved.
     */
    public QuarterlyReport revise(Quarter quarter, Actor actor, String reason) {
        QuarterlyReport published = get(quarter);
        QuarterlyReport next = published.revise(actor, reason, clock);
        em.persist(next);
        Writes.flush(em);
        for (CauseAnalysis analysis : em.createNamedQuery(CauseAnalysis.OF_REPORT, CauseAnalysis.class)
                .setParameter("report", published.id()).getResultList()) {
            em.persist(new CauseAnalysis(next, analysis.causeKey(), analysis.analysis()));
        }
        Writes.flush(em);
        audit.record("report.quarterly.revise", quarter + "#" + next.revision(), null, "status=" + next.status());
        return next;
    }

    /** The report of a quarter that has one (its latest revision); 404 otherwise. */
    public QuarterlyReport get(Quarter quarter) {
        return find(begun(quarter)).orElseThrow(() -> KefuException.notFound("report.quarterly.not.found",
                quarter.toString()));
    }

    /** The quarter's report, begun as a draft when nobody wrote in it yet; a conflict once submitted. */
    QuarterlyReport draft(Quarter quarter) {
        QuarterlyReport report = find(begun(quarter)).orElseGet(() -> {
            QuarterlyReport fresh = QuarterlyReport.firstDraft(quarter, clock);
            em.persist(fresh);
            return fresh;
        });
        report.requireDraft();
        Writes.flush(em);
        return report;
    }

    List<CorrectiveAction> actionsOf(Quarter quarter) {
        return em.createNamedQuery(CorrectiveAction.OF_QUARTER, CorrectiveAction.class)
                .setParameter("quarter", quarter.toString()).getResultList();
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), tenant.get().zone());
    }

    private void requireGeneralManager(Actor actor) {
        if (office.generalManagers().stream().noneMatch(m -> m.username().equals(actor.username()))) {
            throw new KefuException(Failure.FORBIDDEN, "report.general.manager.only");
        }
    }

    private static void requireSupervisor(Actor actor) {
        if (!actor.supervisor()) {
            throw new KefuException(Failure.FORBIDDEN, "report.supervisor.only");
        }
    }
}
