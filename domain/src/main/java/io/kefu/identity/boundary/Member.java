package io.kefu.identity.boundary;

/** Someone who works in a tenant, as lists of staff and notifications need them: who, and where to write. */
public record Member(String username, String displayName, String email) {
}
