package io.kefu.job;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * Who runs a scheduled job this round. Every node's timer fires; only the one whose conditional update takes
 * an expired lease runs the job, so a cluster does each round once, and a crashed holder's lease simply runs
 * out. The rows are created by the schema migration, one per job.
 */
@Entity
@Table(name = "job_lease")
@NamedQuery(name = JobLease.TAKE, query = "UPDATE JobLease l SET l.holder = :holder, l.leaseUntil = :until, "
        + "l.takenAt = :now, l.rounds = l.rounds + 1 WHERE l.name = :name AND l.leaseUntil < :now")
@NamedQuery(name = JobLease.RELEASE, query = "UPDATE JobLease l SET l.leaseUntil = :now "
        + "WHERE l.name = :name AND l.holder = :holder AND l.leaseUntil > :now")
public class JobLease {

    public static final String TAKE = "JobLease.take";
    public static final String RELEASE = "JobLease.release";

    @Id
    @Column(name = "name", length = 40)
    private String name;

    @Column(name = "holder", length = 100)
    private String holder;

    @Column(name = "lease_until", nullable = false)
    private OffsetDateTime leaseUntil;

    /** When the lease was last taken: the start of the job's last round. */
    @Column(name = "taken_at")
    private OffsetDateTime takenAt;

    /** How many rounds were run in all, by whichever node. */
    @Column(name = "rounds", nullable = false)
    private long rounds;

    protected JobLease() {
        // for JPA
    }
}
