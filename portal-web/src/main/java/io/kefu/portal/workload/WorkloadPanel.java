package io.kefu.portal.workload;

import io.kefu.portal.identity.Access;
import io.kefu.workload.boundary.Workloads;
import io.kefu.workload.entity.Workload;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.List;

/** The staff desk's workload panel: each person's figures, for supervisors only (read once per request). */
@Named
@RequestScoped
public class WorkloadPanel {

    @Inject
    Workloads workloads;

    @Inject
    Access access;

    @Inject
    Clock clock;

    private List<Workload> people;

    public boolean isShown() {
        return access.isSupervisor();
    }

    public List<Workload> getPeople() {
        if (people == null) {
            people = isShown() ? workloads.now(clock.instant()) : List.of();
        }
        return people;
    }

    public String open(Workload w) {
        return WorkloadLinks.open(w.username());
    }

    public String overdue(Workload w) {
        return WorkloadLinks.overdue(w.username());
    }
}
