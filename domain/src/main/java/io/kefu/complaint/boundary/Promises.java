package io.kefu.complaint.boundary;

import io.kefu.complaint.entity.CaseStatus;
import io.kefu.complaint.entity.Complaint;
import io.kefu.identity.boundary.Member;
import io.kefu.notice.boundary.Notices;
import io.kefu.notice.entity.Notice;
import io.kefu.workspace.boundary.Office;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * Promised reply times (告知答复时间) of the current tenant: the owner is reminded a while before (the office's
 * setting), the supervisors are told when one is missed. Each case in a transaction of its own, in which the case's
 * mark and the notices are written together: the mark changes the case's version, so when two nodes handle the same
 * case at once the second one's update finds another version, fails, and its notices are rolled back with it.
 */
@ApplicationScoped
@Transactional
public class Promises {

    /** At most this many cases per tenant, kind of notice and round; the next round goes on. */
    static final int ROUND_LIMIT = 200;

    private static final List<CaseStatus> RUNNING = Arrays.stream(CaseStatus.values()).filter(CaseStatus::isRunning)
            .toList();

    @Inject
    EntityManager em;

    @Inject
    Office office;

    @Inject
    Notices notices;

    /**
     * How long before its time a promise is reminded of, as the tenant set it. In a transaction of its own, as every
     * step of a round: the scheduled round's thread may carry a transaction bound to no tenant.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public Duration reminderLead() {
        return office.settings().promiseReminder();
    }

    /** The ids of running cases whose promise is within {@code lead} of its time at {@code now}, not reminded. */
    @Transactional(TxType.REQUIRES_NEW)
    public List<Long> reminderCandidates(Instant now, Duration lead) {
        return em.createQuery("SELECT c.id FROM Complaint c WHERE c.promisedReplyBy IS NOT NULL "
                + "AND c.promiseMissedAt IS NULL AND c.promiseRemindedAt IS NULL AND c.promiseKeptAt IS NULL "
                + "AND c.status IN :running AND c.promisedReplyBy > :now AND c.promisedReplyBy <= :until "
                + "ORDER BY c.id", Long.class).setParameter("running", RUNNING)
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .setParameter("until", now.plus(lead).atOffset(ZoneOffset.UTC))
                .setMaxResults(ROUND_LIMIT).getResultList();
    }

    /** The ids of cases whose promise's time has passed and that are not recorded yet (the entity decides). */
    @Transactional(TxType.REQUIRES_NEW)
    public List<Long> missedCandidates(Instant now) {
        return em.createQuery("SELECT c.id FROM Complaint c WHERE c.promisedReplyBy IS NOT NULL "
                + "AND c.promiseMissedAt IS NULL AND c.promisedReplyBy < :now AND (c.promiseKeptAt IS NULL "
                + "OR c.promiseKeptAt > c.promisedReplyBy) AND (c.closedAt IS NULL OR c.closedAt > c.promisedReplyBy) "
                + "ORDER BY c.id", Long.class).setParameter("now", now.atOffset(ZoneOffset.UTC))
                .setMaxResults(ROUND_LIMIT).getResultList();
    }

    /** Reminds the owner (the supervisors when nobody owns it) once; false when not due or done already. */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean remind(long complaintId, Instant now, Duration lead) {
        Complaint complaint = em.find(Complaint.class, complaintId);
        if (complaint == null || !complaint.remindOfPromise(now, lead)) {
            return false;
        }
        List<Member> owner = complaint.owner() == null ? office.supervisors()
                : office.staff().stream().filter(m -> m.username().equals(complaint.owner())).toList();
        notices.tell(owner.isEmpty() ? office.supervisors() : owner, Notice.Kind.PROMISE_DUE, complaint);
        em.flush();
        return true;
    }

    /** Records the miss and tells the supervisors, once; false when not missed or recorded already. */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean recordMissed(long complaintId, Instant now) {
        Complaint complaint = em.find(Complaint.class, complaintId);
        if (complaint == null || !complaint.recordPromiseMissed(now)) {
            return false;
        }
        notices.tell(office.supervisors(), Notice.Kind.PROMISE_MISSED, complaint);
        em.flush();
        return true;
    }
}
