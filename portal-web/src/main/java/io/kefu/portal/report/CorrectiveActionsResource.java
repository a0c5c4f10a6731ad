package io.kefu.portal.report;

import io.kefu.identity.entity.Role;
import io.kefu.portal.api.Allowed;
import io.kefu.portal.api.Params;
import io.kefu.portal.complaint.CallerActor;
import io.kefu.problem.KefuException;
import io.kefu.report.boundary.CorrectiveActions;
import io.kefu.report.entity.CorrectiveAction;
import io.kefu.report.entity.Quarter;
import io.kefu.tenancy.control.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The corrective and preventive actions (纠正和预防措施) committed in the quarterly reports, addressed as
 * {@code 2026-Q3-2}: supervisors commit them while the quarter's report is a draft and move them on open → done →
 * verified.
 */
@Path("v1/tenants/{tenant}/reports/actions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reports")
@SecurityRequirement(name = "basic")
public class CorrectiveActionsResource {

    /** A new action: the quarter it is committed in, who does what by when, and the causes and cases it answers. */
    public record ActionInput(String quarter, String departmentCode, String description, String owner,
            String dueDate, List<String> causes, List<String> cases) {
    }

    /** The next status ({@code DONE}, then {@code VERIFIED}) and the version seen. */
    public record StatusInput(String status, Long version) {
    }

    @Inject
    CorrectiveActions actions;

    @Inject
    CallerActor caller;

    @Inject
    CurrentTenant tenant;

    @Inject
    Clock clock;

    @GET
    @Allowed(Role.SUPERVISOR)
    @Operation(summary = "The actions committed in a quarter (?quarter=2026-Q3)")
    public List<Map<String, Object>> list(@QueryParam("quarter") String quarter) {
        return QuarterlyJson.actions(actions.of(Quarter.parse(quarter)), tenant.get().zone(), today());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Role.SUPERVISOR)
    @Operation(summary = "Commit an action in a quarter's draft report", description = "{quarter, departmentCode, "
            + "description, owner, dueDate (yyyy-mm-dd, not in the past), causes (keys from the report), cases "
            + "(numbers)}: at least one cause or case. Wrong fields are 422 with errors; a report already submitted "
            + "or published is 409.")
    public Response commit(ActionInput input, @Context UriInfo uri) {
        if (input == null) {
            throw KefuException.invalid("quarter", "field.required");
        }
        Quarter quarter = Quarter.parse(input.quarter());
        CorrectiveAction action = actions.commit(quarter, new CorrectiveAction.Commitment(input.departmentCode(),
                input.description(), input.owner(), Params.day(input.dueDate(), "dueDate"),
                list(input.causes(), "causes"), list(input.cases(), "cases")), caller.get());
        return Response.created(uri.getBaseUriBuilder().path("v1/tenants/{tenant}/reports/actions/{ref}")
                .build(tenant.get().slug().value(), action.ref()))
                .entity(QuarterlyJson.action(action, tenant.get().zone(), today())).build();
    }

    @GET
    @Path("{ref}")
    @Allowed(Role.SUPERVISOR)
    @Operation(summary = "One action by its reference (2026-Q3-2)")
    public Map<String, Object> get(@PathParam("ref") String ref) {
        return QuarterlyJson.action(actions.get(ref), tenant.get().zone(), today());
    }

    @POST
    @Path("{ref}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Role.SUPERVISOR)
    @Operation(summary = "Move the action on: {status: DONE | VERIFIED, version}", description = "One step at a "
            + "time (open → done → verified); skipping or going back is 409 with the step allowed.")
    public Map<String, Object> advance(@PathParam("ref") String ref, @HeaderParam("If-Match") String ifMatch,
            StatusInput input) {
        StatusInput in = input == null ? new StatusInput(null, null) : input;
        CorrectiveAction.Status to = Params.choice(CorrectiveAction.Status.class, in.status(), "status");
        if (to == null) {
            throw KefuException.invalid("status", "field.required");
        }
        Long version = in.version() != null ? in.version() : Params.version(ifMatch);
        return QuarterlyJson.action(actions.advance(ref, to, version, caller.get()), tenant.get().zone(), today());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(tenant.get().zone()));
    }

    /** The items as given, stripped and once each; an empty or missing item is an input error on the list. */
    private static List<String> list(List<String> values, String field) {
        if (values == null) {
            return List.of();
        }
        if (values.stream().anyMatch(v -> v == null || v.isBlank())) {
            throw KefuException.invalid(field, "field.required");
        }
        return values.stream().map(String::strip).distinct().toList();
    }
}
