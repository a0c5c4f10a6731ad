package io.kefu.notice.boundary;

import io.kefu.notice.entity.MailQueued;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends queued mail right after the transaction that queued it commits: a resident's confirmation or an
 * invitation should not wait up to ten seconds for the delivery job's next round. Only a nudge: the round stays
 * what guarantees delivery, and a nudge that finds the job's lease taken (another node is sending) does nothing.
 *
 * <p>One delivery at a time on this node: nudges that come while it runs make one more round after it, whatever
 * their number, and under a burst the rounds come at most once a second. A lone mail goes at once; a burst of
 * filings costs a round a second, never a thread each.
 */
@ApplicationScoped
public class MailSoon {

    private static final Logger LOG = Logger.getLogger(MailSoon.class.getName());
    private static final Duration GAP = Duration.ofSeconds(1);

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Inject
    MailDelivery delivery;

    /** Nudges not yet answered by a round; the one that finds none starts the delivery. */
    private final AtomicInteger nudges = new AtomicInteger();

    void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailQueued event) {
        if (nudges.getAndIncrement() > 0) {
            return;
        }
        try {
            executor.execute(this::deliver);
        } catch (RejectedExecutionException e) {
            // Shutting down, or no thread to spare: the next round sends it.
            nudges.set(0);
            LOG.log(Level.FINE, "Mail nudge not run", e);
        }
    }

    private void deliver() {
        int answered;
        try {
            do {
                long began = System.nanoTime();
                answered = nudges.get();
                delivery.now();
                // Under a burst, rounds at most once a second: each round's lease, query and SMTP connection cost.
                long rest = GAP.toNanos() - (System.nanoTime() - began);
                if (rest > 0 && nudges.get() > answered) {
                    LockSupport.parkNanos(rest);
                }
            } while (nudges.addAndGet(-answered) > 0);
        } catch (RuntimeException e) {
            nudges.set(0);
            LOG.log(Level.WARNING, "Mail delivery after commit failed; the next round sends", e);
        }
    }
}
