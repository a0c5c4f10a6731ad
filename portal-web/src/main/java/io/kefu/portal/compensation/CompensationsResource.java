package io.kefu.portal.compensation;

import io.kefu.compensation.boundary.Compensations;
import io.kefu.compensation.entity.Amount;
import io.kefu.compensation.entity.Compensation;
import io.kefu.compensation.entity.CompensationType;
import io.kefu.complaint.entity.Actor;
import io.kefu.complaint.entity.Complaint;
import io.kefu.complaint.boundary.Cases;
import io.kefu.identity.entity.Role;
import io.kefu.portal.api.Allowed;
import io.kefu.portal.api.Params;
import io.kefu.portal.complaint.CallerActor;
import io.kefu.tenancy.control.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Compensation proposals of a case (折让、赔款、退货), by the case's number and the proposal's number within it.
 * Another tenant's case, or one that does not exist, is a 404 like every case address.
 */
@Path("v1/tenants/{tenant}/complaints/{number}/compensations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "complaints")
@SecurityRequirement(name = "basic")
public class CompensationsResource {

    @Inject
    Compensations compensations;

    @Inject
    Cases cases;

    @Inject
    CallerActor caller;

    @Inject
    CurrentTenant tenant;

    /** The case's proposals, oldest first, with what the caller may approve ({@code limit}; {@code null}: any). */
    @GET
    @Allowed({Role.STAFF, Role.SUPERVISOR})
    public Map<String, Object> list(@PathParam("number") String number) {
        Actor actor = caller.get();
        Complaint complaint = cases.get(number);
        Long limit = compensations.limitOf(actor);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", compensations.ofCase(complaint).stream().map(p -> json(p, actor, limit)).toList());
        body.put("authority", compensations.authorityOf(actor).name());
        body.put("limit", limit == null ? null : Amount.format(limit));
        return body;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed({Role.STAFF, Role.SUPERVISOR})
    @Operation(summary = "Propose compensation: {type: DISCOUNT|COMPENSATION|REFUND|RETURN, amount (yuan), reason}",
            description = "By the case's owner or a supervisor, on an open case; 201 with the proposal, numbered "
                    + "within the case. Amount in yuan as text (\"150.50\"), up to two decimals, more than 0, at "
                    + "most 1,000,000.")
    public Response propose(@PathParam("number") String number, CompensationJson.ProposalInput input) {
        CompensationJson.ProposalInput body = input == null ? new CompensationJson.ProposalInput(null, null, null)
                : input;
        Actor actor = caller.get();
        Compensation proposal = compensations.propose(number, actor,
                Params.choice(CompensationType.class, body.type(), "type"), body.amount(), body.reason());
        return Response.status(201).entity(json(proposal, actor, compensations.limitOf(actor))).build();
    }

    @POST
    @Path("{seq}/approval")
    @Allowed({Role.STAFF, Role.SUPERVISOR})
    @Operation(summary = "Approve a proposal",
            description = "By somebody other than the proposer whose limit covers the amount: otherwise 403 "
                    + "(compensation.self.approval, compensation.over.limit); 409 once decided.")
    public CompensationJson approve(@PathParam("number") String number, @PathParam("seq") String seq) {
        Actor actor = caller.get();
        return json(compensations.approve(number, seq(seq), actor), actor, compensations.limitOf(actor));
    }

    @POST
    @Path("{seq}/refusal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed({Role.STAFF, Role.SUPERVISOR})
    @Operation(summary = "Refuse a proposal: {reason}", description = "By the same people who could approve it; "
            + "the reason is required (422 on reason).")
    public CompensationJson refuse(@PathParam("number") String number, @PathParam("seq") String seq,
            CompensationJson.DecisionInput input) {
        Actor actor = caller.get();
        String why = input == null ? null : input.why();
        return json(compensations.refuse(number, seq(seq), actor, why), actor, compensations.limitOf(actor));
    }

    private CompensationJson json(Compensation p, Actor actor, Long limit) {
        return CompensationJson.of(p, p.decidableBy(actor, limit), tenant.get().zone());
    }

    /** A proposal's number; anything else addresses no proposal (404, as an unknown number does). */
    private static int seq(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw io.kefu.problem.KefuException.notFound("compensation.not.found", value);
        }
    }
}
