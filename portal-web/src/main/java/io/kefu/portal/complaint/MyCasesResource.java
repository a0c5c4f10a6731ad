package io.kefu.portal.complaint;

import io.kefu.complaint.boundary.Inbox;
import io.kefu.complaint.boundary.Tracking;
import io.kefu.identity.entity.Role;
import io.kefu.portal.api.Allowed;
import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import io.kefu.tenancy.control.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A signed-in resident's own cases in the tenant of the path ("my cases"), newest first, each with the address of
 * its page by number; and the tracking link's reading and actions for each of them by number, since the tokens
 * are kept as hashes and cannot be handed out again.
 */
@Path("v1/tenants/{tenant}/my/complaints")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "complaints")
public class MyCasesResource {

    @Inject
    Inbox inbox;

    @Inject
    Tracking tracking;

    @Inject
    CallerActor caller;

    @Inject
    CurrentTenant tenant;

    @Inject
    Clock clock;

    @GET
    @Allowed(Role.RESIDENT)
    public Mine mine(@QueryParam("page") String page) {
        String me = me();
        ZoneId zone = tenant.get().zone();
        int pageNumber = page == null || !page.matches("\\d{1,6}") ? 0 : Integer.parseInt(page);
        Inbox.Page result = inbox.ofReporter(me, zone, clock.instant(), pageNumber, 20);
        return new Mine(result.items().stream().map(c -> new MyCase(c.number().toString(), c.kind().name(),
                c.status().name(), Times.iso(c.registeredAt(), zone),
                "/t/" + tenant.get().slug().value() + "/my/cases/" + c.number())).toList(), result.total());
    }

    /** A page of the caller's own cases, newest first, and how many there are. */
    public record Mine(List<MyCase> items, long total) {
    }

    /** One of them, with the address of its page. */
    public record MyCase(String number, String kind, String status, String registeredAt, String trackingUrl) {
    }

    /** One of the caller's own cases, as its tracking link shows it; another's number is not found. */
    @GET
    @Path("{number}")
    @Allowed(Role.RESIDENT)
    public TrackingJson get(@PathParam("number") String number) {
        return TrackingJson.of(tracking.get(own(number)), tenant.get().zone());
    }

    /** {@code {text}}: more information, as through the tracking link. */
    @POST
    @Path("{number}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Role.RESIDENT)
    public TrackingJson addInformation(@PathParam("number") String number, Map<String, String> body) {
        return TrackingJson.of(tracking.addInformation(own(number), body == null ? null : body.get("text")),
                tenant.get().zone());
    }

    /** {@code {reason}} (optional): withdraws the case. */
    @POST
    @Path("{number}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Role.RESIDENT)
    public TrackingJson withdraw(@PathParam("number") String number, Map<String, String> body) {
        return TrackingJson.of(tracking.withdraw(own(number), body == null ? null : body.get("reason")),
                tenant.get().zone());
    }

    /** {@code {satisfied, comment}}: the verdict on the solution; not satisfied reopens the case. */
    @POST
    @Path("{number}/confirmation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Role.RESIDENT)
    public TrackingJson confirm(@PathParam("number") String number, TrackingResource.Confirmation body) {
        TrackingResource.Confirmation in = body == null ? new TrackingResource.Confirmation(null, null) : body;
        return TrackingJson.of(tracking.confirm(own(number), in.satisfied(), in.comment()), tenant.get().zone());
    }

    private Tracking.Own own(String number) {
        return new Tracking.Own(number, me());
    }

    private String me() {
        String me = caller.resident();
        if (me == null) {
            throw new KefuException(Failure.FORBIDDEN, "access.endpoint.denied");
        }
        return me;
    }
}
