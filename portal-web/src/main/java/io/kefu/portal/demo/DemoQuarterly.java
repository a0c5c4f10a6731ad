package io.kefu.portal.demo;

import io.kefu.complaint.entity.Actor;
import io.kefu.identity.boundary.Member;
import io.kefu.portal.i18n.Messages;
import io.kefu.portal.report.QuarterlyDocuments;
import io.kefu.report.boundary.CorrectiveActions;
import io.kefu.report.boundary.QuarterlyReports;
import io.kefu.report.entity.Cause;
import io.kefu.report.entity.CorrectiveAction;
import io.kefu.report.entity.Quarter;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.workspace.boundary.Office;
import io.kefu.workspace.boundary.Workspace;
import io.kefu.workspace.entity.Category;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The demo tenant's last complete quarter as a published complaint analysis: the supervisor's analysis of every main
 * cause, corrective actions for the first cause of each kind (one of them already done), submitted by the engineer
 * and approved by the manager, as an office would have done it in the first days of this quarter. So the quarterly
 * page, its PDF and the current quarter's effectiveness check show a living loop. Only for the demo, after its
 * history is written.
 */
@ApplicationScoped
public class DemoQuarterly {

    /** How many days the demo's actions are given from today. */
    private static final int DAYS_GIVEN = 30;

    @Inject
    QuarterlyReports reports;

    @Inject
    CorrectiveActions actions;

    @Inject
    QuarterlyDocuments documents;

    @Inject
    Workspace workspace;

    @Inject
    Office office;

    @Inject
    CurrentTenant tenant;

    @Inject
    Clock clock;

    /** Publishes last quarter's report for the current (demo) tenant, unless it has one. */
    public void publish(String supervisor, String worker) {
        LocalDate today = LocalDate.now(clock.withZone(tenant.get().zone()));
        Quarter quarter = Quarter.of(today).previous();
        if (reports.find(quarter).isPresent()) {
            return;
        }
        Locale locale = tenant.get().defaultLocale();
        Actor boss = Actor.supervisor(supervisor);
        List<Cause> causes = reports.live(quarter).causes();
        Set<Cause.Kind> answered = EnumSet.noneOf(Cause.Kind.class);
        List<CorrectiveAction> committed = new ArrayList<>();
        for (Cause cause : causes) {
            String category = categoryName(cause.categoryCode(), locale);
            reports.analyse(quarter, cause.key(), Messages.get(locale, "quarterly.demo.analysis." + cause.kind(),
                    category, cause.place() == null ? "" : cause.place(), cause.count()), boss);
            if (answered.add(cause.kind())) {
                committed.add(actions.commit(quarter, new CorrectiveAction.Commitment(department(cause),
                        Messages.get(locale, "quarterly.demo.action." + cause.kind(), category,
                                cause.place() == null ? "" : cause.place()), owner(worker, supervisor),
                        today.plusDays(DAYS_GIVEN), List.of(cause.key()),
                        cause.caseNumbers().subList(0, Math.min(3, cause.caseNumbers().size()))), boss));
            }
        }
        if (!committed.isEmpty()) {
            CorrectiveAction first = committed.get(0);
            actions.advance(first.ref(), CorrectiveAction.Status.DONE, first.version(), boss);
        }
        // The engineer's department prepared the report (as a supervisor would hand it in); the manager approves it,
        // for nobody approves their own submission.
        reports.submit(quarter, Actor.supervisor(worker));
        documents.approve(quarter, boss);
    }

    private String categoryName(String code, Locale locale) {
        return workspace.categories().stream().filter(c -> c.code().value().equals(code)).findFirst()
                .map(c -> c.name().in(locale)).orElse(code);
    }

    /** The department the cause's category routes to, or else the first department. */
    private String department(Cause cause) {
        return workspace.categories().stream().filter(c -> c.code().value().equals(cause.categoryCode()))
                .map(Category::defaultDepartment).filter(d -> d != null).findFirst()
                .orElse(workspace.departments().get(0).code().value());
    }

    private String owner(String worker, String supervisor) {
        return office.assignable().stream().map(Member::username).filter(worker::equals).findFirst()
                .orElse(supervisor);
    }
}
