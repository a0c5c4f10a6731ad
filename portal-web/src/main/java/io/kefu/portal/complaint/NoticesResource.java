package io.kefu.portal.complaint;

import io.kefu.identity.entity.Role;
import io.kefu.notice.boundary.Notices;
import io.kefu.portal.api.Allowed;
import io.kefu.tenancy.control.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in staff member's notices in the tenant of the path: newest first, unread marked. */
@Path("v1/tenants/{tenant}/notices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "notices")
public class NoticesResource {

    @Inject
    Notices notices;

    @Inject
    CallerActor caller;

    @Inject
    CurrentTenant tenant;

    /** The caller's notices: how many are unread, the recent ones newest first. */
    @JsonbNillable
    public record Listing(long unread, List<Item> items) {
    }

    /** One notice; {@code caseNumber} or {@code reportMonth} is null when it is not about one. */
    @JsonbNillable
    public record Item(String kind, String caseNumber, String reportMonth, String createdAt, boolean read) {
    }

    /** How many notices a "mark all read" marked. */
    public record Marked(int marked) {
    }

    @GET
    @Allowed({Role.STAFF, Role.SUPERVISOR})
    public Listing list() {
        String me = caller.get().username();
        return new Listing(notices.unreadCount(me), notices.recent(me).stream()
                .map(n -> new Item(n.kind().name(), n.caseNumber(), n.reportMonth(),
                        Times.iso(n.createdAt().toInstant(), tenant.get().zone()), n.isRead()))
                .toList());
    }

    @POST
    @Path("read")
    @Allowed({Role.STAFF, Role.SUPERVISOR})
    public Marked markAllRead() {
        return new Marked(notices.markAllRead(caller.get().username()));
    }
}
