package io.kefu.portal.identity.oidc;

import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * The Keycloak logins begun in one browser session that may still come back, by their {@code state}: the newest
 * {@value #MAX} are kept (logins begun in other tabs), older ones are forgotten.
 *
 * <p>Kept in the session, which Payara's data grid shares between the nodes, so Keycloak's callback may arrive on
 * another node than the one that sent the browser away. After every change the whole object is put into the
 * session again: a session store that saves only sessions whose attributes were set (Payara Micro's default
 * {@code modified-session} scope) would otherwise keep the old map, and a consumed state could be used twice on
 * another node. Everything in it is Serializable ({@link Pending} holds strings only).
 */
final class PendingLogins implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    /** Session attribute. */
    static final String ATTRIBUTE = "kefu.oidc.pending";
    /** Logins begun in other tabs that may still come back; older ones are forgotten. */
    static final int MAX = 5;

    /** A login on its way through Keycloak: what the callback checks (PKCE verifier, nonce) and where it goes. */
    record Pending(String verifier, String nonce, String tenantSlug, String next) implements Serializable {
    }

    private final LinkedHashMap<String, Pending> byState = new LinkedHashMap<>();

    private PendingLogins() {
    }

    /** Remembers a login begun now. */
    static void add(HttpSession session, String state, Pending pending) {
        synchronized (session) {
            PendingLogins logins = of(session).orElseGet(PendingLogins::new);
            logins.byState.put(state, pending);
            while (logins.byState.size() > MAX) {
                logins.byState.remove(logins.byState.keySet().iterator().next());
            }
            session.setAttribute(ATTRIBUTE, logins);
        }
    }

    /** The login {@code state} belongs to, at most once. */
    static Optional<Pending> take(HttpSession session, String state) {
        synchronized (session) {
            Optional<PendingLogins> logins = of(session);
            Optional<Pending> taken = logins.map(l -> l.byState.remove(state));
            logins.ifPresent(l -> session.setAttribute(ATTRIBUTE, l));
            return taken;
        }
    }

    private static Optional<PendingLogins> of(HttpSession session) {
        return session.getAttribute(ATTRIBUTE) instanceof PendingLogins logins ? Optional.of(logins) : Optional.empty();
    }
}
