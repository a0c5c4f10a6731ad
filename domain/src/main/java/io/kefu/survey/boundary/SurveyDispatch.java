package io.kefu.survey.boundary;

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
 * Sends the post-case survey invitations that are due, once a minute, on the one node holding the survey
 * job's lease. Tenant by tenant, each invitation in its own transaction; an invitation another node sent
 * meanwhile is skipped (the send is a conditional update).
 */
@Singleton
@Startup
// No transaction around a round: each tenant, each invitation gets its own (a transaction never changes tenant).
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SurveyDispatch {

    static final String JOB = "survey";
    private static final Logger LOG = Logger.getLogger(SurveyDispatch.class.getName());

    @Inject
    JobLeases leases;

    @Inject
    JobClock jobClock;

    @Resource
    TimerService timers;

    @Inject
    TenantRounds rounds;

    @Inject
    Invitations invitations;

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

    /** One round as of {@code now}: how many invitations it sent. */
    public int round(Instant now) {
        return rounds.forEachActive(JOB, tenant -> tenantRound(now));
    }

    private int tenantRound(Instant now) {
        int sent = 0;
        for (Long id : invitations.due(now)) {
            try {
                if (invitations.send(id, now)) {
                    sent++;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Survey invitation " + id + " not sent this round", e);
            }
        }
        return sent;
    }
}
