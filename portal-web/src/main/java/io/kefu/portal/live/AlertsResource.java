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
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
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
    public Open open() {
        return new Open(notices.openAlerts(caller.get().username()).stream().map(this::json).toList());
    }

    @POST
    @Path("{id}/acknowledge")
    @Allowed({Role.STAFF, Role.SUPERVISOR})
    public Alert acknowledge(@PathParam("id") String id) {
        long noticeId;
        try {
            noticeId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new KefuException(Failure.NOT_FOUND, "alert.not.found");
        }
        return notices.acknowledge(caller.get().username(), noticeId).map(this::json)
                .orElseThrow(() -> new KefuException(Failure.NOT_FOUND, "alert.not.found"));
    }

    private Alert json(Notice n) {
        return new Alert(n.id(), n.kind().name(), n.caseNumber(),
                Times.iso(n.createdAt().toInstant(), tenant.get().zone()), n.acknowledgedAt() == null ? null
                        : Times.iso(n.acknowledgedAt().toInstant(), tenant.get().zone()));
    }

    /** The caller's alerts not acknowledged yet. */
    public record Open(List<Alert> items) {
    }

    /** One alert; {@code acknowledgedAt} is null until the person acknowledges it. */
    @JsonbNillable
    public record Alert(Long id, String kind, String caseNumber, String createdAt, String acknowledgedAt) {
    }
}
