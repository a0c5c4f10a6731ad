package io.kefu.confidentiality.boundary;

import io.kefu.audit.boundary.AuditLog;
import io.kefu.audit.control.CurrentActor;
import io.kefu.confidentiality.entity.Clearance;
import io.kefu.identity.boundary.Accounts;
import io.kefu.identity.entity.Role;
import io.kefu.problem.KefuException;
import io.kefu.problem.Writes;
import io.kefu.resident.entity.Confidentiality;
import io.kefu.tenancy.control.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The clearances of the current tenant's staff, set by its admin (who checks the role is the caller's
 * boundary's business); every change is in the audit log.
 */
@ApplicationScoped
@Transactional
public class Clearances {

    @Inject
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    CurrentTenant tenant;

    @Inject
    CurrentActor actor;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** The level {@code username} is cleared for; ORDINARY when never cleared. */
    public Confidentiality of(String username) {
        return find(username).map(Clearance::level).orElse(Confidentiality.ORDINARY);
    }

    /** Every cleared person (above ORDINARY or once set), username → level. */
    public Map<String, Confidentiality> all() {
        return em.createNamedQuery(Clearance.ALL, Clearance.class).getResultStream()
                .collect(Collectors.toMap(Clearance::username, Clearance::level));
    }

    /** Clears a staff member or supervisor of this tenant for {@code level}; 422 for anybody else. */
    public Confidentiality set(String username, Confidentiality level) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (level == null) {
            throw KefuException.invalid("level", "field.required");
        }
        if (name.isEmpty() || accounts.rolesIn(name, tenant.get().id()).stream()
                .noneMatch(Role.STAFF_AREA::contains)) {
            throw KefuException.invalid("username", "clearance.not.staff", name);
        }
        Optional<Clearance> stored = find(name);
        Confidentiality before = stored.map(Clearance::level).orElse(Confidentiality.ORDINARY);
        if (stored.isPresent()) {
            stored.get().change(level, actor.get(), clock);
        } else {
            em.persist(new Clearance(name, level, actor.get(), clock));
        }
        Writes.flush(em);
        audit.record("user.clearance", name, "level=" + before, "level=" + level);
        return level;
    }

    private Optional<Clearance> find(String username) {
        return em.createNamedQuery(Clearance.OF, Clearance.class).setParameter("username", username)
                .getResultStream().findFirst();
    }
}
