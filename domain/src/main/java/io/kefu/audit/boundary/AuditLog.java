package io.kefu.audit.boundary;

import io.kefu.audit.control.CurrentActor;
import io.kefu.audit.entity.AuditEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes and reads the current tenant's audit log. {@link #record} joins the caller's transaction
 * ({@code MANDATORY}): an entry exists exactly when the change it describes was committed.
 */
@ApplicationScoped
public class AuditLog {

    /** The action code of {@link #recordFailedLogin}. */
    public static final String FAILED_LOGIN = "login.failed";

    @Inject
    EntityManager em;

    @Inject
    CurrentActor actor;

    @Inject
    Clock clock;

    /**
     * Records a change by the current caller. {@code action} is a stable code such as
     * {@code settings.callback-policy} or {@code user.role}, translated when shown; {@code before} and
     * {@code after} are short readable descriptions (see {@link #describe}); null when there was nothing.
     */
    @Transactional(TxType.MANDATORY)
    public void record(String action, String target, String before, String after) {
        em.persist(new AuditEntry(actor.get(), action, target, before, after, clock));
    }

    /**
     * A failed login at this tenant ({@link #FAILED_LOGIN}): not a change, but what the tenant's admin must be
     * able to see when somebody guesses passwords. Its own transaction, since the failure is all that happens;
     * the actor is {@link CurrentActor#ANONYMOUS} (nobody proved who they are), the target the username tried.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void recordFailedLogin(String username, String address, String channel) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("address", address);
        details.put("channel", channel);
        em.persist(new AuditEntry(CurrentActor.ANONYMOUS, FAILED_LOGIN, username, null, describe(details), clock));
    }

    /** The newest entries first, optionally only one action or one actor. */
    @Transactional
    public List<AuditEntry> page(String action, String actorName, int first, int size) {
        return em.createNamedQuery(AuditEntry.PAGE, AuditEntry.class)
                .setParameter("action", blankToNull(action))
                .setParameter("actor", blankToNull(actorName))
                .setFirstResult(Math.max(0, first))
                .setMaxResults(Math.max(1, Math.min(size, 200)))
                .getResultList();
    }

    @Transactional
    public long count(String action, String actorName) {
        return em.createNamedQuery(AuditEntry.COUNT, Long.class)
                .setParameter("action", blankToNull(action))
                .setParameter("actor", blankToNull(actorName))
                .getSingleResult();
    }

    /** {@code key=value} pairs in the given order, one per line: what the before and after columns hold. */
    public static String describe(Map<String, ?> values) {
        return values.entrySet().stream()
                .map(e -> e.getKey() + "=" + (e.getValue() == null ? "" : e.getValue()))
                .collect(Collectors.joining("\n"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
