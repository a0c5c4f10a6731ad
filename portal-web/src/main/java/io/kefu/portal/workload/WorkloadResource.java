package io.kefu.portal.workload;

import io.kefu.identity.entity.Role;
import io.kefu.portal.api.Allowed;
import io.kefu.portal.report.DashboardJson.Count;
import io.kefu.workload.boundary.Workloads;
import io.kefu.workload.entity.Workload;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Each staff member's workload now, for the supervisors. */
@Path("v1/tenants/{tenant}/workload")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reports")
@SecurityRequirement(name = "basic")
public class WorkloadResource {

    @Inject
    Workloads workloads;

    @Inject
    Clock clock;

    @GET
    @Allowed({Role.SUPERVISOR})
    @Operation(summary = "Per-person workload now (supervisors)", description = "For every staff member and "
            + "supervisor of the tenant: openCases (owned, not finished), dueToday (running, not overdue, next "
            + "deadline before the end of today's working day in the tenant's zone and calendar), overdue (as the "
            + "inbox's overdue), callbacksDue (open callbacks assigned to them, due by the end of today); each case "
            + "count with the inbox query that lists those cases (null where the inbox has no such filter).")
    public Listing workload() {
        return new Listing(workloads.now(clock.instant()).stream().map(Person::of).toList());
    }

    /** Everybody's workload. */
    public record Listing(List<Person> people) {
    }

    /** One person's counts, each with the inbox query that lists its cases where the inbox has such a filter. */
    @JsonbNillable
    public record Person(String username, String displayName, Count openCases, Count dueToday, Count overdue,
            Count callbacksDue) {

        static Person of(Workload w) {
            return new Person(w.username(), w.displayName(),
                    new Count(w.openCases(), WorkloadLinks.open(w.username())), new Count(w.dueToday(), null),
                    new Count(w.overdue(), WorkloadLinks.overdue(w.username())), new Count(w.callbacksDue(), null));
        }
    }
}
