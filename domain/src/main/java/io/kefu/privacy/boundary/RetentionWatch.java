package io.kefu.privacy.boundary;

import io.kefu.job.JobLeases;
import io.kefu.job.TenantRounds;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Once an hour, across the cluster once (the node holding the "retention" lease): the personal data of cases closed
 * longer ago than their tenant's retention policy allows is anonymised. Tenant by tenant, batch by batch, each case
 * in its own transaction; nothing a report counts changes.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RetentionWatch {

    static final String JOB = "retention";
    private static final Logger LOG = Logger.getLogger(RetentionWatch.class.getName());

    @Inject
    JobLeases leases;

    @Inject
    TenantRounds tenantRounds;

    @Inject
    RetentionRounds rounds;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "kefu.jobs.enabled", defaultValue = "true")
    boolean enabled;

    /**
     * Off only where old cases are test data that must keep their contacts (the integration tests' report seeds,
     * closed years ago); those tests run a round themselves when they mean to.
     */
    @Inject
    @ConfigProperty(name = "kefu.retention.enabled", defaultValue = "true")
    boolean retentionEnabled;

    @Schedule(second = "50", minute = "23", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void everyHour() {
        if (enabled && retentionEnabled && leases.take(JOB, Duration.ofMinutes(50))) {
            try {
                round(clock.instant());
            } finally {
                leases.release(JOB);
            }
        }
    }

    /** One round as of {@code now}: how many cases lost their personal data. */
    public int round(Instant now) {
        return tenantRounds.forEachActive(JOB, tenant -> tenantRound(now));
    }

    private int tenantRound(Instant now) {
        RetentionRounds.Due due = rounds.due(now);
        Set<Long> skipped = new HashSet<>();
        int done = 0;
        int seen = 0;
        while (seen < RetentionRounds.MAX_PER_ROUND) {
            List<Long> batch = rounds.batch(due.cutoff()).stream().filter(id -> !skipped.contains(id)).toList();
            if (batch.isEmpty()) {
                break;
            }
            for (Long id : batch) {
                seen++;
                try {
                    if (rounds.anonymise(id, due)) {
                        done++;
                    } else {
                        skipped.add(id);
                    }
                } catch (RuntimeException e) {
                    // Changed meanwhile (a concurrent step on the case): the next round tries it again.
                    LOG.log(Level.FINE, "Anonymising case " + id + " skipped", e);
                    skipped.add(id);
                }
            }
        }
        return done;
    }
}
