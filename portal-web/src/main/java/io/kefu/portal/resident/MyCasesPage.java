package io.kefu.portal.resident;

import io.kefu.complaint.boundary.Inbox;
import io.kefu.complaint.entity.Complaint;
import io.kefu.portal.complaint.CallerActor;
import io.kefu.tenancy.control.CurrentTenant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.List;

/**
 * A signed-in resident's own cases (/t/{tenant}/my/cases), newest first, each linking to its page by number
 * (my/cases/{number}): the tracking tokens are stored as hashes and cannot be shown again.
 */
@Named
@RequestScoped
public class MyCasesPage {

    @Inject
    Inbox inbox;

    @Inject
    CallerActor caller;

    @Inject
    CurrentTenant tenant;

    @Inject
    Clock clock;

    private List<Complaint> cases;

    public List<Complaint> getCases() {
        if (cases == null) {
            String me = caller.resident();
            cases = me == null ? List.of() : inbox.ofReporter(me, tenant.get().zone(), clock.instant(), 0, 50).items();
        }
        return cases;
    }
}
