package io.kefu.job;

import io.kefu.time.Clocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Takes a job's lease for a while, in a transaction of its own, so the lease is visible to the other nodes. */
@ApplicationScoped
public class JobLeases {

    /** This node, in the holder column: the process and a random part (two nodes on one host differ). */
    private static final String NODE = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** True when this node now holds the lease of {@code job} for {@code length}; false when another does. */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean take(String job, Duration length) {
        OffsetDateTime now = Clocks.utcNow(clock);
        return em.createNamedQuery(JobLease.TAKE)
                .setParameter("holder", NODE)
                .setParameter("until", now.plus(length))
                .setParameter("name", job)
                .setParameter("now", now)
                .executeUpdate() == 1;
    }

    /** Ends this node's lease of {@code job} now, for work done before its lease runs out; nothing if not held. */
    @Transactional(TxType.REQUIRES_NEW)
    public void release(String job) {
        em.createNamedQuery(JobLease.RELEASE)
                .setParameter("holder", NODE)
                .setParameter("name", job)
                .setParameter("now", Clocks.utcNow(clock))
                .executeUpdate();
    }
}
