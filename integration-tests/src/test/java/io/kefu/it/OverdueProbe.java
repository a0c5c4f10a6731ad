package io.kefu.it;

import io.kefu.complaint.boundary.Cases;
import io.kefu.complaint.boundary.OverdueWatch;
import io.kefu.complaint.entity.Complaint;
import io.kefu.complaint.entity.Escalation;
import io.kefu.job.JobLeases;
import io.kefu.notice.entity.Notice;
import io.kefu.tenancy.boundary.Tenants;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.tenancy.entity.TenantRef;
import io.kefu.tenancy.entity.TenantSlug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** Test support deployed with {@link ComplaintFlowIT}: runs overdue rounds and reads what they recorded. */
@ApplicationScoped
public class OverdueProbe {

    @Inject
    OverdueWatch watch;

    @Inject
    JobLeases leases;

    @Inject
    Tenants tenants;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    Cases cases;

    @Inject
    Reasons reasons;

    @ActivateRequestContext
    public int round(Instant now) {
        return watch.round(now);
    }

    /** The reasons the case was escalated for, one entry per escalation row. */
    @ActivateRequestContext
    public List<String> escalations(String slug, String number) {
        TenantRef tenant = tenants.getBySlug(new TenantSlug(slug));
        return currentTenant.runAs(tenant, () -> reasons.of(number));
    }

    /** How many notices of this kind about this case the user has. */
    @ActivateRequestContext
    public long notices(String slug, String username, String number, String kind) {
        TenantRef tenant = tenants.getBySlug(new TenantSlug(slug));
        return currentTenant.runAs(tenant, () -> reasons.notices(username, number, kind));
    }

    /** Reads escalation rows in a transaction of the current tenant. */
    @ApplicationScoped
    @Transactional
    public static class Reasons {

        @Inject
        EntityManager em;

        @Inject
        Cases cases;

        public List<String> of(String number) {
            Complaint complaint = cases.get(number);
            return em.createNamedQuery(Escalation.OF_CASE, Escalation.class).setParameter("complaint", complaint)
                    .getResultStream().map(e -> e.reason().name()).sorted().toList();
        }

        public long notices(String username, String number, String kind) {
            return em.createQuery("SELECT COUNT(n) FROM Notice n WHERE n.recipient = :recipient AND n.caseNumber = "
                    + ":number AND n.kind = :kind", Long.class).setParameter("recipient", username)
                    .setParameter("number", number).setParameter("kind", Notice.Kind.valueOf(kind)).getSingleResult();
        }
    }
}
