package io.kefu.portal.confidentiality;

import io.kefu.complaint.boundary.Cases;
import io.kefu.complaint.entity.Complaint;
import io.kefu.confidentiality.boundary.AccessGrants;
import io.kefu.confidentiality.entity.AccessGrant;
import io.kefu.identity.entity.Role;
import io.kefu.portal.api.Allowed;
import io.kefu.problem.KefuException;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Access to protected customer records: staff ask for it or break the glass (naming the record by its key, or
 * the case they are working on); supervisors and the manager list, grant, refuse and revoke.
 */
@Path("v1/tenants/{tenant}/grants")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "confidentiality")
@SecurityRequirement(name = "basic")
public class GrantsResource {

    /** What staff send to ask or break the glass: the record's key or a case of it, and the reason. */
    public record AskJson(String customer, String caseNumber, String reason) {
    }

    /** What a supervisor sends to give access without a request. */
    public record GiveJson(String customer, String caseNumber, String username, String reason, Integer hours) {
    }

    /** A decision on a request: the hours granted (1–72) and an optional note, or the reason of a refusal. */
    public record DecisionJson(Integer hours, String note) {
    }

    public record ListJson(List<GrantJson> pending, List<GrantJson> active) {
    }

    @Inject
    AccessGrants grants;

    @Inject
    Cases cases;

    @Inject
    CurrentTenant tenant;

    @GET
    @Allowed(Role.SUPERVISOR)
    public ListJson list() {
        return new ListJson(json(grants.pending()), json(grants.active()));
    }

    @POST
    @Path("requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed({Role.STAFF, Role.SUPERVISOR})
    public Response request(AskJson in) {
        AskJson body = in == null ? new AskJson(null, null, null) : in;
        return created(grants.request(customerKey(body.customer(), body.caseNumber()), body.caseNumber(),
                body.reason()));
    }

    @POST
    @Path("break-glass")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed({Role.STAFF, Role.SUPERVISOR})
    public Response breakGlass(AskJson in) {
        AskJson body = in == null ? new AskJson(null, null, null) : in;
        return created(grants.breakGlass(customerKey(body.customer(), body.caseNumber()), body.caseNumber(),
                body.reason()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Role.SUPERVISOR)
    public Response give(GiveJson in) {
        GiveJson body = in == null ? new GiveJson(null, null, null, null, null) : in;
        return created(grants.give(customerKey(body.customer(), body.caseNumber()), body.username(),
                body.caseNumber(), body.reason(), hours(body.hours())));
    }

    @POST
    @Path("{key}/grant")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Role.SUPERVISOR)
    public GrantJson grant(@PathParam("key") String key, DecisionJson in) {
        DecisionJson body = in == null ? new DecisionJson(null, null) : in;
        return json(grants.grant(key, hours(body.hours()), body.note()));
    }

    @POST
    @Path("{key}/refuse")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Role.SUPERVISOR)
    public GrantJson refuse(@PathParam("key") String key, DecisionJson in) {
        return json(grants.refuse(key, in == null ? null : in.note()));
    }

    @POST
    @Path("{key}/revoke")
    @Allowed(Role.SUPERVISOR)
    public GrantJson revoke(@PathParam("key") String key) {
        return json(grants.revoke(key));
    }

    /**
     * The record named by its key, or by a case that belongs to it; both given, the case must belong to the record
     * (422 on {@code caseNumber}), so that a request never names a case it is not about. 422 when neither is given.
     */
    private String customerKey(String customer, String caseNumber) {
        String ofCase = null;
        if (caseNumber != null && !caseNumber.isBlank()) {
            Complaint complaint = cases.get(caseNumber.strip());
            if (complaint.customerId() == null) {
                throw KefuException.conflict("grant.record.ordinary");
            }
            ofCase = grants.keyOf(complaint.customerId());
        }
        if (customer != null && !customer.isBlank()) {
            if (ofCase != null && !ofCase.equals(customer.strip())) {
                throw KefuException.invalid("caseNumber", "grant.case.other.record", caseNumber.strip());
            }
            return customer.strip();
        }
        if (ofCase == null) {
            throw KefuException.invalid("customer", "field.required");
        }
        return ofCase;
    }

    private static int hours(Integer hours) {
        if (hours == null) {
            throw KefuException.invalid("hours", "field.required");
        }
        return hours;
    }

    private Response created(AccessGrant grant) {
        return Response.status(201).entity(json(grant)).build();
    }

    private GrantJson json(AccessGrant grant) {
        return GrantJson.of(grant, grants.keyOf(grant.customerId()), tenant.get().zone());
    }

    private List<GrantJson> json(List<AccessGrant> list) {
        Map<Long, String> keys = new HashMap<>();
        return list.stream().map(g -> GrantJson.of(g, keys.computeIfAbsent(g.customerId(), grants::keyOf),
                tenant.get().zone())).toList();
    }
}
