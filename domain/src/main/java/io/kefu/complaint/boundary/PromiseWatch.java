package io.kefu.complaint.boundary;

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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Watches promised reply times once a minute, across the cluster once: the node that takes the job's lease does the
 * round (as {@link OverdueWatch} does). Tenant by tenant, each case in its own transaction ({@link Promises}), so a
 * round that races another one anyway (a lease that ran out mid-round) still sends each notice once.
 */
@Singleton
@Startup
// No transaction around a round: each tenant, each case gets its own (a transaction never changes tenant).
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PromiseWatch {

    static final String JOB = "promises";
    private static final Logger LOG = Logger.getLogger(PromiseWatch.class.getName());

    @Inject
    JobLeases leases;

    @Inject
    JobClock jobClock;

    @Resource
    TimerService timers;

    @Inject
    TenantRounds rounds;

    @Inject
    Promises promises;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "kefu.jobs.enabled", defaultValue = "true")
    boolean enabled;

    @PostConstruct
    void schedule() {
        jobClock.start(timers, 20);
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void everyRound() {
        if (enabled && leases.take(JOB, jobClock.lease())) {
            round(clock.instant());
        }
    }

    /** One round as of {@code now}: how many reminders and missed-promise notices it sent. */
    public int round(Instant now) {
        return rounds.forEachActive(JOB, tenant -> tenantRound(now));
    }

    private int tenantRound(Instant now) {
        Duration lead = promises.reminderLead();
        int sent = each(promises.reminderCandidates(now, lead), id -> promises.remind(id, now, lead));
        return sent + each(promises.missedCandidates(now), id -> promises.recordMissed(id, now));
    }

    private static int each(List<Long> ids, java.util.function.LongPredicate send) {
        int sent = 0;
        for (Long id : ids) {
            try {
                if (send.test(id)) {
                    sent++;
                }
            } catch (RuntimeException e) {
                // Another node marked the case first (its version moved), or the case changed: next round decides.
                LOG.log(Level.FINE, "Promise notice for case " + id + " skipped", e);
            }
        }
        return sent;
    }
}
