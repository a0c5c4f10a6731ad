package io.kefu.report.boundary;

import io.kefu.job.JobClock;
import io.kefu.job.JobLeases;
import io.kefu.job.TenantRounds;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the stored report days (docs/REPORTS.md, "How the figures are kept") once a minute, across the cluster once
 * (the node holding the "report-days" lease): tenant by tenant, the days changes made stale are dropped, then the
 * missing past days are counted and stored, newest first, each in its own transaction, within a time budget so the
 * round ends well inside its lease (a tenant's long history is stored over several rounds).
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReportDayRound {

    static final String JOB = "report-days";
    /** The lease is 50 s; a round stops starting new days after this. */
    static final Duration BUDGET = Duration.ofSeconds(35);
    /** A tenant's share of a round: a long history is stored over several rounds and never holds up the others. */
    static final Duration PER_TENANT = Duration.ofSeconds(10);

    @Inject
    JobLeases leases;

    @Inject
    JobClock jobClock;

    @Resource
    TimerService timers;

    @Inject
    TenantRounds tenantRounds;

    @Inject
    ReportDays days;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "kefu.jobs.enabled", defaultValue = "true")
    boolean enabled;

    @PostConstruct
    void schedule() {
        jobClock.start(timers, 25);
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void everyRound() {
        if (enabled && leases.take(JOB, jobClock.lease())) {
            round(clock.instant().plus(BUDGET));
        }
    }

    /** One round, starting no new day after {@code until}: how many days it stored. */
    public int round(Instant until) {
        return tenantRounds.forEachActive(JOB, tenant -> tenantRound(tenant, until));
    }

    private int tenantRound(TenantRef tenant, Instant until) {
        while (days.dropStale(tenant.zone()) == ReportDays.MARKS_PER_STEP && clock.instant().isBefore(until)) {
            // A backlog of marks: the next step takes the next ones.
        }
        int stored = 0;
        Instant tenantUntil = clock.instant().plus(PER_TENANT);
        for (LocalDate day : days.missing(tenant.zone(), clock.instant())) {
            if (!clock.instant().isBefore(until) || !clock.instant().isBefore(tenantUntil)) {
                break;
            }
            days.store(day, tenant.zone());
            stored++;
        }
        return stored;
    }
}
