package io.kefu.callback.boundary;

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
import java.time.LocalDate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Once a minute, across the cluster once (the node holding the "callback" lease): overdue callbacks are
 * reported up, and courtesy plans make their due rounds. Tenant by tenant, each step in its own transaction.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CallbackWatch {

    static final String JOB = "callback";
    private static final Logger LOG = Logger.getLogger(CallbackWatch.class.getName());

    @Inject
    JobLeases leases;

    @Inject
    JobClock jobClock;

    @Resource
    TimerService timers;

    @Inject
    TenantRounds tenantRounds;

    @Inject
    CallbackRounds rounds;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "kefu.jobs.enabled", defaultValue = "true")
    boolean enabled;

    @PostConstruct
    void schedule() {
        jobClock.start(timers, 35);
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void everyRound() {
        if (enabled && leases.take(JOB, jobClock.lease())) {
            round(clock.instant());
        }
    }

    /** One round as of {@code now}: how many escalations and courtesy callbacks it made. */
    public int round(Instant now) {
        return tenantRounds.forEachActive(JOB, tenant -> tenantRound(now, LocalDate.ofInstant(now, tenant.zone())));
    }

    private int tenantRound(Instant now, LocalDate today) {
        int done = 0;
        for (int level = 1; level <= 2; level++) {
            for (Long id : rounds.overdue(level, now)) {
                try {
                    done += rounds.escalate(id, level, now) ? 1 : 0;
                } catch (RuntimeException e) {
                    // The task changed meanwhile (recorded, cancelled): the next round decides again.
                    LOG.log(Level.FINE, "Escalating callback " + id + " skipped", e);
                }
            }
        }
        for (Long plan : rounds.duePlans(today)) {
            try {
                done += rounds.makeRound(plan, today);
            } catch (RuntimeException e) {
                // Another node made this round (unique per plan, round and target): nothing is doubled.
                LOG.log(Level.FINE, "Courtesy round of plan " + plan + " skipped", e);
            }
        }
        return done;
    }
}
