package io.kefu.it;

import io.kefu.complaint.boundary.CaseNumbering;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.tenancy.entity.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Test support deployed with {@link CaseNumberingIT}: one filing's transaction, as a worker thread runs it. */
@ApplicationScoped
public class NumberingProbe {

    /** Thrown to roll a filing back after its number was taken. */
    public static class FilingFailed extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final String number;

        FilingFailed(String number) {
            super("filing failed after taking " + number);
            this.number = number;
        }

        public String number() {
            return number;
        }
    }

    @Inject
    CurrentTenant currentTenant;

    @Inject
    CaseNumbering numbering;

    @ActivateRequestContext
    @Transactional
    public String allocate(TenantRef tenant, Instant registeredAt, boolean failAfterwards) {
        currentTenant.set(tenant);
        String number = numbering.next(registeredAt).toString();
        if (failAfterwards) {
            throw new FilingFailed(number);
        }
        return number;
    }
}
