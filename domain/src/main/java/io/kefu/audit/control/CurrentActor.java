package io.kefu.audit.control;

import jakarta.enterprise.context.RequestScoped;

/**
 * Who the current request acts as, for the audit log: set by the portal's authentication once it knows the
 * caller; scheduled jobs and anonymous requests leave it unset and are logged as {@code system}.
 */
@RequestScoped
public class CurrentActor {

    public static final String SYSTEM = "system";
    /** Whoever sent a request that proved no identity, e.g. a failed login. */
    public static final String ANONYMOUS = "anonymous";

    private String username;

    public void set(String username) {
        this.username = username;
    }

    public String get() {
        return username == null ? SYSTEM : username;
    }
}
