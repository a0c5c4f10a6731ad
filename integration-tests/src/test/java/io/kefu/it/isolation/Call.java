package io.kefu.it.isolation;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;

/** One HTTP request of the matrix: method, path (with query), and a body with its content type, if any. */
record Call(String method, String path, String contentType, byte[] body) {

    static Call get(String path) {
        return new Call("GET", path, null, null);
    }

    /** A request without a body (POST, PUT, DELETE of an action). */
    static Call empty(String method, String path) {
        return new Call(method, path, null, null);
    }

    static Call json(String method, String path, JsonObject body) {
        return new Call(method, path, "application/json", body.toString().getBytes(StandardCharsets.UTF_8));
    }

    static Call bytes(String method, String path, String contentType, byte[] body) {
        return new Call(method, path, contentType, body);
    }

    /** A GET of a stream of server-sent events (the live desk): the matrix reads its first event and closes it. */
    static Call stream(String path) {
        return new Call("GET", path, EVENT_STREAM, null);
    }

    /** Marks {@link #stream(String)} calls; a GET sends no body, so no real content type is ever taken for it. */
    static final String EVENT_STREAM = "text/event-stream";

    boolean isStream() {
        return EVENT_STREAM.equals(contentType) && body == null && method.equals("GET");
    }

    /** What the caller sent, as text: whatever of it comes back is an echo, not a leak. */
    String sent() {
        return path + (body == null ? "" : " " + new String(body, StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
