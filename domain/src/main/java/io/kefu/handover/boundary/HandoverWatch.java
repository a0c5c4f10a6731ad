package io.kefu.handover.boundary;

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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Looks for hand-overs nobody of the next shift acknowledged 30 minutes into it, once a minute, across the cluster
 * once: every node's timer fires, the node that takes the job's lease does the round, tenant by tenant; each
 * hand-over alerts the supervisors once (see {@link Handovers#alertUnacknowledged(Instant)}).
 */
@Singleton
@Startup
// No transaction around a round: each tenant gets its own (a transaction never changes tenant).
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HandoverWatch {

    static final String JOB = "handover-unacknowledged";

    @Inject
    JobLeases leases;

    @Inject
    JobClock jobClock;

    @Resource
    TimerService timers;

    @Inject
    TenantRounds rounds;

    @Inject
    Handovers handovers;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "kefu.jobs.enabled", defaultValue = "true")
    boolean enabled;

    @PostConstruct
    void schedule() {
        jobClock.start(timers, 50);
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void everyRound() {
        if (enabled && leases.take(JOB, jobClock.lease())) {
            round(clock.instant());
        }
    }

    /** One round as of {@code now}: how many hand-overs it alerted the supervisors of. */
    public int round(Instant now) {
        return rounds.forEachActive(JOB, tenant -> handovers.alertUnacknowledged(now));
    }
}
