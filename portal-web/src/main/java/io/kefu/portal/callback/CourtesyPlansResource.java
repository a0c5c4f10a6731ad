package io.kefu.portal.callback;

import io.kefu.callback.boundary.CallbackSettings;
import io.kefu.callback.entity.CourtesyPlan;
import io.kefu.identity.entity.Role;
import io.kefu.portal.api.Allowed;
import io.kefu.portal.api.Params;
import io.kefu.problem.KefuException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The tenant's courtesy visit plans (回访计划): admins keep them, staff read them. {@code targets} is one
 * "name, phone, unit" a line; a bad line is reported by its number.
 */
@Path("v1/tenants/{tenant}/settings/courtesy-plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "settings")
@SecurityRequirement(name = "basic")
public class CourtesyPlansResource {

    public record PlanJson(Long id, String name, Integer everyMonths, String nextDue, String assignee,
            String targets, Boolean active, Long version) {

        static PlanJson of(CourtesyPlan p) {
            return new PlanJson(p.id(), p.name(), p.everyMonths(), p.nextDue().toString(), p.assignee(),
                    p.targetLines(), p.active(), p.version());
        }
    }

    @Inject
    CallbackSettings settings;

    @GET
    @Allowed({Role.TENANT_ADMIN, Role.STAFF, Role.SUPERVISOR})
    public List<PlanJson> list() {
        return settings.plans().stream().map(PlanJson::of).toList();
    }

    @POST
    @Allowed(Role.TENANT_ADMIN)
    public Response add(PlanJson in) {
        PlanJson body = in == null ? new PlanJson(null, null, null, null, null, null, null, null) : in;
        CourtesyPlan plan = settings.addPlan(body.name(), body.everyMonths(),
                Params.day(body.nextDue(), "nextDue"), body.assignee(), body.targets());
        return Response.status(201).entity(PlanJson.of(plan)).build();
    }

    @PUT
    @Path("{id}")
    @Allowed(Role.TENANT_ADMIN)
    public PlanJson change(@PathParam("id") String id, PlanJson in) {
        if (in == null || in.version() == null) {
            throw KefuException.invalid("version", "field.required");
        }
        long planId;
        try {
            planId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw KefuException.notFound("callback.plan.not.found", id);
        }
        return PlanJson.of(settings.changePlan(planId, in.version(), in.name(), in.everyMonths(),
                Params.day(in.nextDue(), "nextDue"), in.assignee(), in.targets(),
                in.active() == null || in.active()));
    }
}
