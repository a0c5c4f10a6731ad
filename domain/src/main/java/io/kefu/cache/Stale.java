package io.kefu.cache;

/**
 * What a committed change made stale: every copy under {@code scope} ({@link Snapshots#tenant(long)},
 * {@link Snapshots#account(String)} or {@link Snapshots#TENANTS}). Fired inside the changing transaction; the
 * node drops its copies after a successful commit and the portal tells the other nodes.
 */
public record Stale(String scope) {

    /** On the wire between nodes the scope is the whole message. */
    public String toWire() {
        return scope;
    }
}
