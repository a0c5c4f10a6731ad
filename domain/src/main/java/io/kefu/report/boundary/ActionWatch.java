package io.kefu.report.boundary;

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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Looks for corrective actions open past their due date once a minute, across the cluster once: every node's timer
 * fires, the node that takes the job's lease does the round, tenant by tenant; each action tells its owner and the
 * manager once (see {@link CorrectiveActions#noticeOverdue()}).
 */
@Singleton
@Startup
// No transaction around a round: each tenant gets its own (a transaction never changes tenant).
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ActionWatch {

    static final String JOB = "actions-overdue";

    @Inject
    JobLeases leases;

    @Inject
    JobClock jobClock;

    @Resource
    TimerService timers;

    @Inject
    TenantRounds rounds;

    @Inject
    CorrectiveActions actions;

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
            rounds.forEachActive(JOB, tenant -> actions.noticeOverdue());
        }
    }
}
