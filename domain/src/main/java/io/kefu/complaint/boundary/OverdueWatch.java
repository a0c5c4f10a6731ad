package io.kefu.complaint.boundary;

import io.kefu.complaint.entity.Escalation;
import io.kefu.job.JobClock;
import io.kefu.job.JobLeases;
import io.kefu.job.TenantRounds;
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
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Looks for overdue cases once a minute, across the cluster once: every node's timer fires, the node that
 * takes the job's lease in the database does the round. Tenant by tenant, each case in its own transaction.
 */
@Singleton
@Startup
// No transaction around a round: each tenant, each case gets its own (a transaction never changes tenant).
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OverdueWatch {

    static final String JOB = "overdue";
    private static final Logger LOG = Logger.getLogger(OverdueWatch.class.getName());

    @Inject
    JobLeases leases;

    @Inject
    JobClock jobClock;

    @Resource
    TimerService timers;

    @Inject
    TenantRounds rounds;

    @Inject
    Escalations escalations;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "kefu.jobs.enabled", defaultValue = "true")
    boolean enabled;

    @PostConstruct
    void schedule() {
        jobClock.start(timers, 5);
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void everyRound() {
        if (enabled && leases.take(JOB, jobClock.lease())) {
            round(clock.instant());
        }
    }

    /** One round as of {@code now}: how many escalations it made. */
    public int round(Instant now) {
        return rounds.forEachActive(JOB, tenant -> tenantRound(now));
    }

    private int tenantRound(Instant now) {
        int escalated = 0;
        for (Escalation.Reason reason : new Escalation.Reason[] {Escalation.Reason.OVERDUE,
                Escalation.Reason.OVERDUE_MANAGER}) {
            for (Long id : escalations.candidates(reason, now)) {
                try {
                    if (escalations.escalateOverdue(id, reason, now)) {
                        escalated++;
                    }
                } catch (RuntimeException e) {
                    // Another node got there first (unique escalation), or the case changed: next round decides.
                    LOG.log(Level.FINE, "Escalating case " + id + " skipped", e);
                }
            }
        }
        return escalated;
    }
}
