package io.kefu.portal.live;

import jakarta.json.spi.JsonProvider;
import io.kefu.live.DeskChange;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The open live streams of this node, by tenant. Node-local by nature (a connection lives on the node that accepted
 * it); nothing else is kept here. A change goes to the streams of its own tenant only, a notice to its recipient's
 * only. A comment every {@link #HEARTBEAT} keeps an idle stream open through HAProxy (its timeouts are 60 s); a
 * stream is closed after {@code kefu.live.stream-minutes} so the browser reconnects and is authenticated again
 * (a signed-out or disabled person's stream does not outlive the session).
 */
@ApplicationScoped
public class LiveClients {

    /** Looked up once: {@code Json.createXxx} asks the ServiceLoader every time (see JsonBody). */
    private static final JsonProvider JSON = JsonProvider.provider();

    static final Duration HEARTBEAT = Duration.ofSeconds(20);
    private static final Logger LOG = Logger.getLogger(LiveClients.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @ConfigProperty(name = "kefu.live.stream-minutes", defaultValue = "10")
    @jakarta.inject.Inject
    long streamMinutes;

    private final Map<Long, Set<Client>> byTenant = new ConcurrentHashMap<>();
    private volatile ScheduledFuture<?> heartbeat;

    /** One open stream: whose, in which tenant, until when. */
    record Client(long tenantId, String username, SseEventSink sink, Sse sse, long closesAt) {

        synchronized boolean send(OutboundSseEvent event) {
            if (sink.isClosed()) {
                return false;
            }
            try {
                sink.send(event);
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        }
    }

    /** Keeps {@code sink} open for {@code username} of the tenant; it says {@code ready} at once. */
    public void open(long tenantId, String username, SseEventSink sink, Sse sse) {
        Client client = new Client(tenantId, username, sink, sse,
                System.currentTimeMillis() + TimeUnit.MINUTES.toMillis(streamMinutes));
        byTenant.computeIfAbsent(tenantId, t -> ConcurrentHashMap.newKeySet()).add(client);
        startHeartbeat();
        if (!client.send(sse.newEventBuilder().name("ready").data("{}").reconnectDelay(2000).build())) {
            close(client);
        }
    }

    /** Hands {@code change} to this node's streams of its tenant that may hear of it. */
    public void deliver(DeskChange change) {
        Set<Client> clients = byTenant.get(change.tenantId());
        if (clients == null) {
            return;
        }
        for (Client client : clients) {
            if (change.tenantId() == client.tenantId() && change.isFor(client.username())
                    && !client.send(client.sse().newEventBuilder().name(change.subject().eventName())
                            .data(json(change)).build())) {
                close(client);
            }
        }
    }

    /** How many streams are open on this node, of every tenant. */
    public int openStreams() {
        return byTenant.values().stream().mapToInt(Set::size).sum();
    }

    /** Only what a desk needs to decide to re-read: never a name or a text. */
    static String json(DeskChange change) {
        return JSON.createObjectBuilder()
                .add("subject", change.subject().eventName())
                .add("caseNumber", change.caseNumber() == null ? "" : change.caseNumber())
                .add("status", change.status() == null ? "" : change.status())
                .add("kind", change.kind() == null ? "" : change.kind())
                .add("alert", change.alert())
                .build().toString();
    }

    private synchronized void startHeartbeat() {
        if (heartbeat == null) {
            heartbeat = scheduler.scheduleWithFixedDelay(this::beat, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(),
                    TimeUnit.SECONDS);
        }
    }

    private void beat() {
        long now = System.currentTimeMillis();
        try {
            byTenant.values().forEach(clients -> clients.forEach(client -> {
                boolean alive = now < client.closesAt()
                        && client.send(client.sse().newEventBuilder().comment("keep-alive").build());
                if (!alive) {
                    close(client);
                }
            }));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Live desk heartbeat failed; the next one tries again", e);
        }
    }

    private void close(Client client) {
        Set<Client> clients = byTenant.get(client.tenantId());
        if (clients != null) {
            clients.remove(client);
        }
        try {
            client.sink().close();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Closing a live stream that is gone already", e);
        }
    }

    @PreDestroy
    void closeAll() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        byTenant.values().forEach(clients -> clients.forEach(this::close));
    }
}
