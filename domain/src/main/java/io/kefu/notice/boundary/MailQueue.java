package io.kefu.notice.boundary;

import io.kefu.time.Clocks;
import io.kefu.notice.entity.OutboundMail;
import io.kefu.tenancy.control.Reach;
import io.kefu.tenancy.control.TenantPersistence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The mail queue's rows, each read and marked in a short transaction of its own (SMTP is slow; locks are not).
 * Delivery works through every tenant's mail at once: each transaction here reaches across tenants for the
 * outbox and nothing else ({@link Reach#MAIL}); mail is queued by the tenant's own transactions.
 */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class MailQueue {

    static final int BATCH = 2000;

    /**
     * How long a claimed mail is this node's to send and record. Sending one takes a moment; the rest is room to
     * record it through a database restart. A node that dies holding claims (it may, now that mail goes right
     * after each commit) delays those mails by this much.
     */
    static final Duration CLAIM = Duration.ofSeconds(30);

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    TenantPersistence persistence;

    /**
     * Up to {@value #BATCH} mails due now, oldest first. A round sends for at most 8 s of its 10 (MailDelivery), so
     * the batch must not be what limits it: at 100 a round the queue drained 10 mails a second, fewer than a busy
     * intake queues (ClusterIT's filing load after issue 16's speed-up left 2,200 behind).
     */
    public List<Long> pending() {
        return outbox().createNamedQuery(OutboundMail.PENDING, OutboundMail.class)
                .setParameter("maxAttempts", OutboundMail.MAX_ATTEMPTS).setParameter("now", now()).setMaxResults(BATCH)
                .getResultStream().map(OutboundMail::id).toList();
    }

    /**
     * Claims one mail for sending for {@link #CLAIM}: true for exactly one node, even when two run the job at once
     * (a lease that ran out while a slow SMTP server was busy, say). A crashed node's claim simply expires.
     */
    public boolean claim(long id) {
        return outbox().createNamedQuery(OutboundMail.CLAIM).setParameter("id", id)
                .setParameter("until", now().plus(CLAIM)).setParameter("now", now()).executeUpdate() == 1;
    }

    private java.time.OffsetDateTime now() {
        return Clocks.utcNow(clock);
    }

    public OutboundMail get(long id) {
        return outbox().find(OutboundMail.class, id);
    }

    public void sent(long id) {
        outbox().find(OutboundMail.class, id).sent(clock);
    }

    public void failed(long id, String error) {
        outbox().find(OutboundMail.class, id).failed(error, clock);
    }

    private EntityManager outbox() {
        persistence.reach(Reach.MAIL);
        return em;
    }
}
