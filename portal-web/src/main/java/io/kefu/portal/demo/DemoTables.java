package io.kefu.portal.demo;

import io.kefu.complaint.entity.Actor;
import io.kefu.complaint.entity.Complaint;
import io.kefu.report.boundary.MonthlyReports;
import io.kefu.report.entity.MonthlyReport;
import io.kefu.report.entity.MonthlyTable;
import io.kefu.workspace.boundary.Office;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.util.List;

/**
 * The demo's monthly statistics tables, once its history is written: the two months before last published, as an
 * office that keeps its deadline would have them (prepared by the desk, signed off by the manager, a few cases judged
 * external), and last month's left as the draft the job made, for a newcomer to judge, submit and sign off. Runs as
 * the current (demo) tenant; only for the demo.
 */
@ApplicationScoped
public class DemoTables {

    /** Every so many cases of a table, one is judged external / not attributable (a contractor's, a utility's). */
    private static final int EXTERNAL_EVERY = 9;

    @Inject
    MonthlyReports reports;

    @Inject
    Office office;

    /** Publishes the tables of {@code months} that are not published yet; the prefix names the demo's people. */
    void publish(List<YearMonth> months, String prefix) {
        String manager = office.settings().managerUsername();
        if (manager == null) {
            return;
        }
        Actor desk = Actor.supervisor(prefix + ".staff");
        Actor signer = Actor.supervisor(manager);
        for (YearMonth month : months) {
            MonthlyReport report = reports.generate(month);
            if (report.status() != MonthlyReport.Status.DRAFT) {
                continue;
            }
            List<MonthlyTable.Row> rows = reports.table(report).rows();
            for (int i = EXTERNAL_EVERY - 1; i < rows.size(); i += EXTERNAL_EVERY) {
                reports.attribute(month, rows.get(i).number(), Complaint.EXTERNAL, signer);
            }
            reports.submit(month, desk, null);
            reports.signOff(month, signer, null);
        }
    }
}
