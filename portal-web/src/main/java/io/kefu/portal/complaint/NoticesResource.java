package io.kefu.portal.complaint;

import io.kefu.identity.entity.Role;
import io.kefu.notice.boundary.Notices;
import io.kefu.portal.api.Allowed;
import io.kefu.tenancy.control.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    @GET
    @Allowed({Role.STAFF, Role.SUPERVISOR})
    public Map<String, Object> list() {
        String me = caller.get().username();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unread", notices.unreadCount(me));
        List<Map<String, Object>> items = notices.recent(me).stream().map(n -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("kind", n.kind().name());
            item.put("caseNumber", n.caseNumber());
            item.put("reportMonth", n.reportMonth());
            item.put("createdAt", Times.iso(n.createdAt().toInstant(), tenant.get().zone()));
            item.put("read", n.isRead());
            return item;
        }).toList();
        body.put("items", items);
        return body;
    }

    @POST
    @Path("read")
    @Allowed({Role.STAFF, Role.SUPERVISOR})
    public Map<String, Object> markAllRead() {
        return Map.of("marked", notices.markAllRead(caller.get().username()));
    }
}
