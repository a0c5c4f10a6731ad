package io.kefu.portal.cache;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import io.kefu.cache.Snapshots;
import io.kefu.cache.Stale;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Tells the other nodes what a committed change made stale: {@link Snapshots} drops this node's copies itself
 * after the commit; this publishes the scope on the data grid's topic {@value #TOPIC}, and each node's listener
 * drops its copies of it. Delivery takes milliseconds (ClusterIT measures it). A node that loses or regains a
 * member drops all its copies, since drops may have been missed meanwhile; anything missed otherwise expires
 * after {@code Snapshots.MAX_AGE}. Without a grid ({@code --nohazelcast}) there is no other node to tell.
 */
@ApplicationScoped
public class SnapshotGrid {

    static final String TOPIC = "kefu-snapshots";
    private static final String GRID = "payara/Hazelcast";
    private static final Logger LOG = Logger.getLogger(SnapshotGrid.class.getName());

    @Inject
    Snapshots snapshots;

    private HazelcastInstance grid;
    private ITopic<String> topic;
    private UUID listener;
    private UUID members;

    void subscribe(@Observes @Initialized(ApplicationScoped.class) Object started) {
        try {
            grid = (HazelcastInstance) new InitialContext().lookup(GRID);
            ITopic<String> t = grid.getTopic(TOPIC);
            listener = t.addMessageListener(message -> snapshots.drop(message.getMessageObject()));
            members = grid.getCluster().addMembershipListener(new MembershipListener() {
                @Override
                public void memberAdded(MembershipEvent event) {
                    snapshots.dropAll();
                }

                @Override
                public void memberRemoved(MembershipEvent event) {
                    snapshots.dropAll();
                }
            });
            topic = t;
        } catch (NamingException | ClassCastException e) {
            LOG.info(() -> "Cached configuration without a data grid (" + e + "): this node is the only one.");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "No cache topic on the data grid: other nodes keep copies up to their age limit",
                    e);
        }
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Stale stale) {
        ITopic<String> t = topic;
        if (t == null) {
            return;
        }
        try {
            t.publish(stale.toWire());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not tell the other nodes that " + stale.scope() + " changed", e);
        }
    }

    @PreDestroy
    void unsubscribe() {
        try {
            if (topic != null && listener != null) {
                topic.removeMessageListener(listener);
            }
            if (grid != null && members != null) {
                grid.getCluster().removeMembershipListener(members);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "The grid went down before this node's listeners", e);
        }
    }
}
