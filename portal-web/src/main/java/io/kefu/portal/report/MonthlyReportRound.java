package io.kefu.portal.report;

import io.kefu.export.PdfDocument;
import io.kefu.job.JobClock;
import io.kefu.job.JobLeases;
import io.kefu.job.TenantRounds;
import io.kefu.notice.entity.OutboundMail;
import io.kefu.report.boundary.MonthlyReports;
import io.kefu.tenancy.entity.TenantRef;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The monthly table's round, once a minute across the cluster once (the node holding the "monthly-report" lease),
 * tenant by tenant in the tenant's zone: from the 1st on, last month's draft exists (generated the first minute of the
 * month, or as soon as a node runs again after missing it); from the 10th on, a manager whose table is not published
 * is told once; a published revision is mailed with its PDF, once, to the supervisors and the manager. Here and not
 * in the domain because the PDF is written in the tenant's language with the portal's texts.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MonthlyReportRound {

    static final String JOB = "monthly-report";
    private static final Logger LOG = Logger.getLogger(MonthlyReportRound.class.getName());

    @Inject
    JobLeases leases;

    @Inject
    JobClock jobClock;

    @Resource
    TimerService timers;

    @Inject
    TenantRounds tenantRounds;

    @Inject
    MonthlyReports reports;

    @Inject
    MonthlyReportFiles files;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "kefu.jobs.enabled", defaultValue = "true")
    boolean enabled;

    @PostConstruct
    void schedule() {
        jobClock.start(timers, 45);
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void everyRound() {
        if (enabled && leases.take(JOB, jobClock.lease())) {
            round();
        }
    }

    /** One round: drafts generated, reminders sent and tables mailed, summed over the tenants. */
    public int round() {
        return tenantRounds.forEachActive(JOB, this::tenantRound);
    }

    private int tenantRound(TenantRef tenant) {
        LocalDate today = LocalDate.now(clock.withZone(tenant.zone()));
        int done = (reports.draftLastMonth(today) ? 1 : 0) + (reports.remindIfLate(today) ? 1 : 0);
        for (Long published : reports.unmailed()) {
            try {
                reports.mail(published, (report, table) -> new OutboundMail.Attachment(
                        MonthlyReportFiles.fileName(report, "pdf"), PdfDocument.MEDIA_TYPE,
                        files.pdf(report, table, tenant.defaultLocale())));
                done++;
            } catch (RuntimeException e) {
                // The next round tries this table again; the others go out meanwhile.
                LOG.log(Level.WARNING, "Mailing monthly table " + published + " of " + tenant.slug().value()
                        + " failed", e);
            }
        }
        return done;
    }
}
