package io.kefu.notice.boundary;

import io.kefu.notice.entity.OutboundMail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.List;

/** The mail queue's rows, each read and marked in a short transaction of its own (SMTP is slow; locks are not). */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class MailQueue {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    public List<Long> pending() {
        return em.createNamedQuery(OutboundMail.PENDING, OutboundMail.class)
                .setParameter("maxAttempts", OutboundMail.MAX_ATTEMPTS).setMaxResults(100)
                .getResultStream().map(OutboundMail::id).toList();
    }

    public OutboundMail get(long id) {
        return em.find(OutboundMail.class, id);
    }

    public void sent(long id) {
        em.find(OutboundMail.class, id).sent(clock);
    }

    public void failed(long id, String error) {
        em.find(OutboundMail.class, id).failed(error);
    }
}
