package io.kefu.portal.live;

import io.kefu.identity.entity.Role;
import io.kefu.notice.boundary.Notices;
import io.kefu.notice.entity.Notice;
import io.kefu.portal.api.Allowed;
import io.kefu.portal.complaint.CallerActor;
import io.kefu.portal.complaint.Times;
import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import io.kefu.tenancy.control.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's major-complaint alerts (a {@code MAJOR} notice each supervisor and the manager gets): those not yet
 * acknowledged, and acknowledging one (recorded when; the recipient is who). Another person's or tenant's alert is
 * a 404 like one that does not exist.
 */
@Path("v1/tenants/{tenant}/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "live desk")
public class AlertsResource {

    @Inject
    Notices notices;

    @Inject
    CallerActor caller;

    @Inject
    CurrentTenant tenant;

    @GET
    @Allowed({Role.STAFF, Role.SUPERVISOR})
    public Map<String, Object> open() {
        return Map.of("items", notices.openAlerts(caller.get().username()).stream().map(this::json).toList());
    }

    @POST
    @Path("{id}/acknowledge")
    @Allowed({Role.STAFF, Role.SUPERVISOR})
    public Map<String, Object> acknowledge(@PathParam("id") String id) {
        long noticeId;
        try {
            noticeId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new KefuException(Failure.NOT_FOUND, "alert.not.found");
        }
        return notices.acknowledge(caller.get().username(), noticeId).map(this::json)
                .orElseThrow(() -> new KefuException(Failure.NOT_FOUND, "alert.not.found"));
    }

    private Map<String, Object> json(Notice n) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", n.id());
        item.put("kind", n.kind().name());
        item.put("caseNumber", n.caseNumber());
        item.put("createdAt", Times.iso(n.createdAt().toInstant(), tenant.get().zone()));
        item.put("acknowledgedAt", n.acknowledgedAt() == null ? null
                : Times.iso(n.acknowledgedAt().toInstant(), tenant.get().zone()));
        return item;
    }
}
