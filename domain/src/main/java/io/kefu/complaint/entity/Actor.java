package io.kefu.complaint.entity;

import java.util.Objects;

/**
 * Who acts on a case, as the case needs to know it: their username (recorded in the history) and whether
 * they act as a supervisor (may act on any case and decide rejections). The boundary derives it from the
 * caller's roles in the tenant; residents act as themselves through their tracking link.
 */
public record Actor(String username, boolean supervisor) {

    /** Recorded as the actor of what the system does by itself (escalations). */
    public static final String SYSTEM = "system";

    public Actor {
        Objects.requireNonNull(username);
    }

    public static Actor staff(String username) {
        return new Actor(username, false);
    }

    public static Actor supervisor(String username) {
        return new Actor(username, true);
    }

    /** The resident of a case, acting through its private tracking link. */
    public static Actor resident() {
        return new Actor("resident", false);
    }
}
