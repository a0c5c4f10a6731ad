package io.kefu.portal.operations;

import com.hazelcast.core.HazelcastInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * How many nodes share this node's data grid (Payara's Hazelcast, where the sessions are kept), shown in
 * {@code /health/ready} as {@code dataGridMembers} so an operator sees at a glance whether the cluster is whole.
 * Always UP: a node left alone after the other died must go on serving, and the load balancer asks this address.
 * A node started without the grid ({@code --nohazelcast}) says {@code none}; its sessions die with it.
 */
@Readiness
@ApplicationScoped
public class DataGridReadiness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(DataGridReadiness.class.getName());
    /** Where Payara Micro binds its Hazelcast instance (Payara's "Using the Data Grid" guide). */
    static final String GRID = "payara/Hazelcast";

    private volatile boolean absenceLogged;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("dataGrid").up();
        Optional<HazelcastInstance> grid = grid();
        try {
            return grid.filter(g -> g.getLifecycleService().isRunning())
                    .map(g -> response.withData("dataGridMembers", g.getCluster().getMembers().size()))
                    .orElseGet(() -> response.withData("dataGridMembers", "none"))
                    .build();
        } catch (RuntimeException e) {
            // A grid shutting down with its node answers with an exception; the database check decides readiness.
            return response.withData("dataGridMembers", "unknown").build();
        }
    }

    private Optional<HazelcastInstance> grid() {
        try {
            return Optional.of((HazelcastInstance) new InitialContext().lookup(GRID));
        } catch (NamingException | ClassCastException e) {
            if (!absenceLogged) {
                absenceLogged = true;
                LOG.info(() -> "No data grid at " + GRID + " (" + e + "): sessions stay on this node.");
            }
            return Optional.empty();
        }
    }
}
