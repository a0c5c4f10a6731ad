package io.kefu.portal.complaint;

import io.kefu.complaint.boundary.Inbox;
import io.kefu.identity.entity.Role;
import io.kefu.portal.api.Allowed;
import io.kefu.tenancy.control.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A signed-in resident's own cases in the tenant of the path ("my cases"), newest first, with tracking links. */
@Path("v1/tenants/{tenant}/my/complaints")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "complaints")
public class MyCasesResource {

    @Inject
    Inbox inbox;

    @Inject
    CallerActor caller;

    @Inject
    CurrentTenant tenant;

    @Inject
    Clock clock;

    @GET
    @Allowed(Role.RESIDENT)
    public Map<String, Object> mine(@QueryParam("page") String page) {
        String me = caller.resident();
        if (me == null) {
            throw new io.kefu.problem.KefuException(io.kefu.problem.Failure.FORBIDDEN, "access.endpoint.denied");
        }
        ZoneId zone = tenant.get().zone();
        int pageNumber = page == null || !page.matches("\\d{1,6}") ? 0 : Integer.parseInt(page);
        Inbox.Page result = inbox.ofReporter(me, zone, clock.instant(), pageNumber, 20);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", result.items().stream().map(c -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("number", c.number().toString());
            item.put("kind", c.kind().name());
            item.put("status", c.status().name());
            item.put("registeredAt", Times.iso(c.registeredAt(), zone));
            item.put("trackingUrl", "/t/" + tenant.get().slug().value() + "/track/" + c.trackingToken());
            return item;
        }).toList());
        body.put("total", result.total());
        return body;
    }
}
