package io.kefu.portal.identity.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A Keycloak login begun on one node finishes on another: the pending logins travel with the session, which the
 * data grid stores serialized, and only as it was last put into the session (Payara's {@code modified-session}
 * store saves nothing else).
 */
class PendingLoginsTest {

    private static final PendingLogins.Pending LOGIN = new PendingLogins.Pending("verifier-1", "nonce-1", "huijing",
            "/t/huijing/staff/");

    @Test
    void aLoginBegunOnOneNodeIsFinishedOnAnotherOnce() throws Exception {
        Session first = new Session();
        PendingLogins.add(first.proxy(), "state-1", LOGIN);

        Session second = first.replicated();
        assertEquals(Optional.of(LOGIN), PendingLogins.take(second.proxy(), "state-1"),
                "the callback on the other node finds the login");

        Session third = second.replicated();
        assertEquals(Optional.empty(), PendingLogins.take(third.proxy(), "state-1"),
                "a state is used once, also when the next request lands on a third node");
    }

    @Test
    void theNewestLoginsAreKeptAndEachChangeIsPutIntoTheSessionAgain() throws Exception {
        Session session = new Session();
        for (int i = 0; i <= PendingLogins.MAX; i++) {
            PendingLogins.add(session.proxy(), "state-" + i, LOGIN);
        }
        assertEquals(PendingLogins.MAX + 1, session.sets, "every start sets the attribute again");
        Session other = session.replicated();
        assertEquals(Optional.empty(), PendingLogins.take(other.proxy(), "state-0"), "the oldest is forgotten");
        assertEquals(Optional.of(LOGIN), PendingLogins.take(other.proxy(), "state-" + PendingLogins.MAX));
        assertEquals(2, other.sets, "every take sets the attribute again");
    }

    @Test
    void noPendingLoginsNoSession() {
        Session session = new Session();
        assertEquals(Optional.empty(), PendingLogins.take(session.proxy(), "state-x"));
        assertTrue(session.attributes.isEmpty());
    }

    /** A session as a node holds it; {@link #replicated()} is what another node reads from the grid. */
    private static final class Session {
        final Map<String, Object> attributes;
        int sets;

        Session() {
            this(new HashMap<>());
        }

        private Session(Map<String, Object> attributes) {
            this.attributes = attributes;
        }

        HttpSession proxy() {
            return (HttpSession) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpSession.class},
                    (self, method, args) -> switch (method.getName()) {
                        case "getAttribute" -> attributes.get((String) args[0]);
                        case "setAttribute" -> {
                            sets++;
                            attributes.put((String) args[0], args[1]);
                            yield null;
                        }
                        case "hashCode" -> System.identityHashCode(self);
                        case "equals" -> self == args[0];
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        @SuppressWarnings("unchecked")
        Session replicated() throws IOException, ClassNotFoundException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(new HashMap<>(attributes));
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return new Session((Map<String, Object>) in.readObject());
            }
        }
    }
}
