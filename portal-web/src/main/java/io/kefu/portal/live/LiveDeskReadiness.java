package io.kefu.portal.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * How many live desks are connected to this node ({@code liveStreams} in {@code /health/ready}), so an operator sees
 * where the desks are and a test sees a stream end. Always UP: a node without desks is as ready as one with.
 */
@Readiness
@ApplicationScoped
public class LiveDeskReadiness implements HealthCheck {

    @Inject
    LiveClients clients;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("liveDesk").up().withData("liveStreams", clients.openStreams()).build();
    }
}
