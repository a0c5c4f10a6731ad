package io.kefu.identity.boundary;

/** An authenticated person as the rest of the portal sees them: no password hash, no managed entity. */
public record Caller(String username, String displayName, boolean platformAdmin) {
}
