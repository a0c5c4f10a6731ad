package io.kefu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A client of the live desk's stream ({@code GET /api/v1/tenants/{t}/live}) as an API client uses it: the events
 * (name and JSON data) are read on a thread of their own as they arrive; a test waits for one with a deadline and
 * can list all it got. Close it to end the stream.
 */
final class LiveStream implements AutoCloseable {

    /** One server-sent event. */
    record Event(String name, JsonObject data) {
    }

    private final HttpResponse<Stream<String>> response;
    private final LinkedBlockingQueue<Event> arrived = new LinkedBlockingQueue<>();
    private final List<Event> all = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Thread reader;

    private LiveStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(this::read, "live-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the tenant's stream for {@code client} and waits for its {@code ready} event. */
    static LiveStream open(PortalClient client, String tenant) {
        HttpResponse<Stream<String>> response = client.stream("/api/v1/tenants/" + tenant + "/live");
        assertEquals(200, response.statusCode(), "the live stream opens");
        assertEquals("text/event-stream", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        LiveStream stream = new LiveStream(response);
        stream.await(e -> e.name().equals("ready"), Duration.ofSeconds(10));
        return stream;
    }

    private void read() {
        String name = "message";
        StringBuilder data = new StringBuilder();
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        Event event = new Event(name,
                                Json.createReader(new StringReader(data.toString())).readObject());
                        all.add(event);
                        arrived.add(event);
                    }
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
        } catch (RuntimeException closed) {
            // The test closed the stream, or the server ended it: nothing more arrives.
        }
    }

    /** The first event arriving from now on (or already queued) that {@code wanted} accepts, within {@code limit}. */
    Event await(Predicate<Event> wanted, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Event event;
            try {
                event = left <= 0 ? null : arrived.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (event == null) {
                throw new AssertionError("no such event within " + limit + "; got " + events());
            }
            if (wanted.test(event)) {
                return event;
            }
        }
    }

    /** Every event this stream got so far. */
    List<Event> events() {
        synchronized (all) {
            return List.copyOf(all);
        }
    }

    @Override
    public void close() {
        response.body().close();
    }
}
