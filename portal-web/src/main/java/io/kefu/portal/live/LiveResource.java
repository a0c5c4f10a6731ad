package io.kefu.portal.live;

import io.kefu.identity.entity.Role;
import io.kefu.portal.api.Allowed;
import io.kefu.portal.complaint.CallerActor;
import io.kefu.tenancy.control.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The live desk's stream: server-sent events of the tenant of the path for a staff member or supervisor of it,
 * authenticated like every call (the login session's cookie from the page's {@code EventSource}, Basic or Bearer
 * from a client). Events: {@code ready} once, then {@code case}, {@code callback} and {@code notice} (a notice only
 * to its recipient), each {@code {"subject","caseNumber","status","kind","alert"}}; comments as heartbeat.
 *
 * <p>The method returns at once and the stream stays open asynchronously: nothing of the session is read after the
 * authentication, and the container saves the session when this request's dispatch ends, not when the stream does
 * (a change made meanwhile by another request is not overwritten by an old copy; {@code LiveDeskIT} checks it).
 */
@Path("v1/tenants/{tenant}/live")
@Tag(name = "live desk")
public class LiveResource {

    @Inject
    LiveClients clients;

    @Inject
    CallerActor caller;

    @Inject
    CurrentTenant tenant;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Allowed({Role.STAFF, Role.SUPERVISOR})
    @Operation(summary = "The tenant's desk changes as server-sent events (case, callback, notice), until closed")
    public void stream(@Context SseEventSink sink, @Context Sse sse) {
        clients.open(tenant.get().id(), caller.get().username(), sink, sse);
    }
}
