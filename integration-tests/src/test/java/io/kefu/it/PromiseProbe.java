package io.kefu.it;

import io.kefu.admin.provisioning.boundary.NewTenant;
import io.kefu.admin.provisioning.boundary.TenantProvisioning;
import io.kefu.complaint.boundary.PromiseWatch;
import io.kefu.complaint.entity.Actor;
import io.kefu.complaint.entity.Complaint;
import io.kefu.identity.boundary.Accounts;
import io.kefu.identity.entity.Role;
import io.kefu.notice.entity.Notice;
import io.kefu.tenancy.boundary.Tenants;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.tenancy.entity.TenantKind;
import io.kefu.tenancy.entity.TenantRef;
import io.kefu.tenancy.entity.TenantSlug;
import io.kefu.workload.boundary.Workloads;
import io.kefu.workload.entity.Workload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Test support deployed with {@link PromiseIT}: opens its tenant with a password for each person (the API cannot set
 * one without a mail round trip), runs promise rounds as of a chosen moment, reads workloads and notices.
 */
@ApplicationScoped
public class PromiseProbe {

    static final String PASSWORD = "promise-IT-2026";
    private static final Map<String, Role> PEOPLE = Map.of("admin", Role.TENANT_ADMIN, "supervisor",
            Role.SUPERVISOR, "staff", Role.STAFF, "staff2", Role.STAFF);

    @Inject
    Tenants tenants;

    @Inject
    TenantProvisioning provisioning;

    @Inject
    Accounts accounts;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    PromiseWatch watch;

    @Inject
    Workloads workloads;

    @Inject
    Reads reads;

    /** The tenant, opened now unless it exists, with {@code slug.admin}, {@code slug.supervisor}, … in it. */
    @ActivateRequestContext
    public void open(String slug) {
        TenantRef tenant = tenants.findBySlug(new TenantSlug(slug)).orElseGet(() -> provisioning.open(
                new NewTenant(slug, "承诺测试", "Promise test", TenantKind.PROPERTY, "Asia/Shanghai", "zh-CN")));
        PEOPLE.forEach((role, granted) -> {
            String username = slug + "." + role;
            if (!accounts.exists(username)) {
                accounts.create(username, "承诺 " + role, username + "@promise.kefu.invalid", PASSWORD.toCharArray());
            }
            currentTenant.runAs(tenant, () -> {
                accounts.grant(username, tenant.id(), granted);
                return null;
            });
        });
    }

    @ActivateRequestContext
    public int round(Instant now) {
        return watch.round(now);
    }

    @ActivateRequestContext
    public List<Workload> workload(String slug, Instant now) {
        return currentTenant.runAs(tenants.getBySlug(new TenantSlug(slug)), () -> workloads.now(now));
    }

    /** How many notices of {@code kind} about case {@code number} the user has. */
    @ActivateRequestContext
    public long notices(String slug, String username, String number, String kind) {
        return currentTenant.runAs(tenants.getBySlug(new TenantSlug(slug)),
                () -> reads.notices(username, number, Notice.Kind.valueOf(kind)));
    }

    /**
     * Makes {@code owner}'s promise on case {@code number} as if it had been made at {@code madeAt} for {@code by}:
     * the API only takes promises for the future, and a month's table only exists once the month is over.
     */
    @ActivateRequestContext
    public void promiseMadeAt(String slug, String number, String owner, Instant madeAt, Instant by) {
        currentTenant.runAs(tenants.getBySlug(new TenantSlug(slug)), () -> {
            reads.promise(number, owner, madeAt, by);
            return null;
        });
    }

    /** Reads (and the one write above) in a transaction of the current tenant. */
    @ApplicationScoped
    @Transactional
    public static class Reads {

        @Inject
        EntityManager em;

        public void promise(String number, String owner, Instant madeAt, Instant by) {
            em.createNamedQuery(Complaint.BY_NUMBER, Complaint.class).setParameter("number", number).getSingleResult()
                    .promise(Actor.staff(owner), by, "上月的承诺", Clock.fixed(madeAt, ZoneOffset.UTC));
        }

        public long notices(String username, String number, Notice.Kind kind) {
            return em.createQuery("SELECT COUNT(n) FROM Notice n WHERE n.recipient = :recipient AND n.caseNumber = "
                    + ":number AND n.kind = :kind", Long.class).setParameter("recipient", username)
                    .setParameter("number", number).setParameter("kind", kind).getSingleResult();
        }
    }
}
