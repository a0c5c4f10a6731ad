package io.kefu.notice.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kefu.notice.entity.MailQueued;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailSoonTest {

    private final List<Runnable> submitted = new ArrayList<>();
    private final MailSoon soon = new MailSoon();
    private int rounds;
    private int queuedDuringRound;

    MailSoonTest() {
        soon.executor = (ManagedExecutorService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ManagedExecutorService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("execute")) {
                        submitted.add((Runnable) args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        soon.delivery = new MailDelivery() {
            @Override
            public void now() {
                rounds++;
                for (int i = 0; i < queuedDuringRound; i++) {
                    soon.queued(new MailQueued());
                }
                queuedDuringRound = 0;
            }
        };
    }

    @Test
    void aBurstOfCommitsBeforeTheDeliveryStartsMakesOneRoundOnOneThread() {
        for (int i = 0; i < 16; i++) {
            soon.queued(new MailQueued());
        }
        assertEquals(1, submitted.size(), "one delivery asked of the executor");
        submitted.get(0).run();
        assertEquals(1, rounds, "that round sends all sixteen");
    }

    @Test
    void commitsDuringARoundMakeExactlyOneMoreRoundAndAfterwardsANewCommitStartsAgain() {
        soon.queued(new MailQueued());
        queuedDuringRound = 5;
        submitted.get(0).run();
        assertEquals(2, rounds, "the five that came during the first round go in one more");
        assertEquals(1, submitted.size(), "on the same thread");

        soon.queued(new MailQueued());
        assertEquals(2, submitted.size(), "once drained, the next commit starts a delivery");
        submitted.get(1).run();
        assertEquals(3, rounds);
    }
}
