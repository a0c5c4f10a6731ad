package io.kefu.privacy.boundary;

import io.kefu.complaint.entity.Complaint;
import io.kefu.privacy.control.CaseAnonymisation;
import io.kefu.privacy.entity.RetentionPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.List;

/**
 * The steps of a retention round for the current tenant, each in a transaction of its own: finding a batch of cases
 * due, then anonymising one case at a time (a case that fails is left for the next round, the others go on).
 */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class RetentionRounds {

    /** Cases looked at per batch; a round takes batches until none are left or {@link #MAX_PER_ROUND} is reached. */
    static final int BATCH = 200;
    /** A tenant's first round after years of cases must not hold the lease for hours: the next round goes on. */
    static final int MAX_PER_ROUND = 5_000;

    @Inject
    EntityManager em;

    @Inject
    RetentionPolicies policies;

    @Inject
    CaseAnonymisation anonymisation;

    /** What the tenant's policy makes due as of {@code now}: the cut-off and whether attachments go. */
    public record Due(Instant cutoff, boolean deleteAttachments) {
    }

    public Due due(Instant now) {
        RetentionPolicy policy = policies.policy();
        return new Due(policy.cutoff(now), policy.deletesAttachments());
    }

    /** The next batch of finished cases closed before the cut-off and not yet anonymised, oldest first. */
    public List<Long> batch(Instant cutoff) {
        return em.createQuery("SELECT c.id FROM Complaint c WHERE c.anonymisedAt IS NULL AND c.closedAt IS NOT NULL "
                + "AND c.closedAt < :cutoff ORDER BY c.closedAt, c.id", Long.class)
                .setParameter("cutoff", cutoff.atOffset(java.time.ZoneOffset.UTC))
                .setMaxResults(BATCH).getResultList();
    }

    /** Anonymises one case if it is still due (it may have been reopened meanwhile); true when it was. */
    public boolean anonymise(long id, Due due) {
        Complaint complaint = em.find(Complaint.class, id);
        if (complaint == null || !complaint.isDueForAnonymisation(due.cutoff())) {
            return false;
        }
        anonymisation.anonymise(complaint, due.deleteAttachments());
        return true;
    }
}
