package io.kefu.portal.workload;

import io.kefu.identity.entity.Role;
import io.kefu.portal.api.Allowed;
import io.kefu.workload.boundary.Workloads;
import io.kefu.workload.entity.Workload;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    public Map<String, Object> workload() {
        List<Map<String, Object>> people = workloads.now(clock.instant()).stream().map(WorkloadResource::person)
                .toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("people", people);
        return body;
    }

    private static Map<String, Object> person(Workload w) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", w.username());
        body.put("displayName", w.displayName());
        body.put("openCases", count(w.openCases(), WorkloadLinks.open(w.username())));
        body.put("dueToday", count(w.dueToday(), null));
        body.put("overdue", count(w.overdue(), WorkloadLinks.overdue(w.username())));
        body.put("callbacksDue", count(w.callbacksDue(), null));
        return body;
    }

    private static Map<String, Object> count(long count, String inbox) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("count", count);
        body.put("inbox", inbox);
        return body;
    }
}
