package io.kefu.portal.complaint;

import io.kefu.complaint.boundary.Tracking;
import io.kefu.portal.api.Public;
import io.kefu.portal.api.PublicLimits;
import io.kefu.tenancy.control.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The resident's side of a case, through its private tracking token: no account needed, the token is the key.
 * Rate-limited per address like filing, so tokens cannot be probed in bulk.
 */
@Path("v1/tenants/{tenant}/tracking/{token}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "tracking")
@Public
public class TrackingResource {

    @Inject
    Tracking tracking;

    @Inject
    PublicLimits limits;

    @Inject
    CurrentTenant tenant;

    @Context
    HttpServletRequest request;

    @GET
    public TrackingJson get(@PathParam("token") String token) {
        limits.check(PublicLimits.Use.TRACKING, request);
        return TrackingJson.of(tracking.get(token), tenant.get().zone());
    }

    /** {@code {text}}: more information from the resident. */
    @POST
    @Path("messages")
    public TrackingJson addInformation(@PathParam("token") String token, Map<String, String> body) {
        limits.check(PublicLimits.Use.TRACKING, request);
        return TrackingJson.of(tracking.addInformation(token, value(body, "text")), tenant.get().zone());
    }

    /** {@code {reason}} (optional): the resident no longer needs the case handled. */
    @POST
    @Path("withdraw")
    public TrackingJson withdraw(@PathParam("token") String token, Map<String, String> body) {
        limits.check(PublicLimits.Use.TRACKING, request);
        return TrackingJson.of(tracking.withdraw(token, value(body, "reason")), tenant.get().zone());
    }

    /** {@code {satisfied, comment}}: after resolution; not satisfied reopens the case. */
    @POST
    @Path("confirmation")
    public TrackingJson confirm(@PathParam("token") String token, Confirmation body) {
        limits.check(PublicLimits.Use.TRACKING, request);
        Confirmation in = body == null ? new Confirmation(null, null) : body;
        return TrackingJson.of(tracking.confirm(token, in.satisfied(), in.comment()), tenant.get().zone());
    }

    /** The resident's verdict on the solution. */
    public record Confirmation(Boolean satisfied, String comment) {
    }

    private static String value(Map<String, String> body, String key) {
        return body == null ? null : body.get(key);
    }
}
