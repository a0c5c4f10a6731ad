package io.kefu.portal.live;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import io.kefu.live.DeskChange;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Carries the domain's {@link DeskChange}s to every node: after a successful commit (a rolled-back change reaches
 * nobody) a change is published on the data grid's topic {@value #TOPIC}; each node's listener hands what arrives
 * to its own streams ({@link LiveClients}), the publishing node's included. Without a grid ({@code --nohazelcast})
 * changes go to this node's streams directly.
 *
 * <p>A topic rather than the database: a change is worth something for seconds only, every node wants every change
 * of every tenant it has streams for, and the grid is already there for the sessions. Delivery is at most once
 * (a node that is down or joining misses what was published meanwhile); the page re-reads from the database, so a
 * lost change only delays what a desk shows until the next one or a reload.
 */
@ApplicationScoped
public class LiveDesk {

    static final String TOPIC = "kefu-live-desk";
    /** Where Payara Micro binds its Hazelcast instance, as {@code DataGridReadiness} reads it. */
    static final String GRID = "payara/Hazelcast";
    private static final Logger LOG = Logger.getLogger(LiveDesk.class.getName());

    @Inject
    LiveClients clients;

    private ITopic<String> topic;
    private UUID listener;

    /** Subscribes this node at startup, so it hears of changes made on the others from the first minute. */
    void subscribe(@Observes @Initialized(ApplicationScoped.class) Object started) {
        grid().ifPresent(grid -> {
            try {
                ITopic<String> t = grid.getTopic(TOPIC);
                listener = t.addMessageListener(message -> DeskChange.fromWire(message.getMessageObject())
                        .ifPresent(clients::deliver));
                topic = t;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Live desk: no topic on the data grid; changes stay on this node", e);
            }
        });
    }

    /** After the commit that made the change: on the grid, or to this node's streams without one. */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeskChange change) {
        ITopic<String> t = topic;
        if (t == null) {
            clients.deliver(change);
            return;
        }
        try {
            t.publish(change.toWire());
        } catch (RuntimeException e) {
            // The grid is going down with its node, or lost its members: this node's desks still hear of it.
            LOG.log(Level.FINE, "Live desk: publishing on the grid failed, delivered on this node only", e);
            clients.deliver(change);
        }
    }

    @PreDestroy
    void unsubscribe() {
        try {
            if (topic != null && listener != null) {
                topic.removeMessageListener(listener);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Live desk: the grid went down before this node's listener", e);
        }
    }

    private static Optional<HazelcastInstance> grid() {
        try {
            return Optional.of((HazelcastInstance) new InitialContext().lookup(GRID));
        } catch (NamingException | ClassCastException e) {
            LOG.info(() -> "Live desk without a data grid (" + e + "): changes reach this node's desks only.");
            return Optional.empty();
        }
    }
}
