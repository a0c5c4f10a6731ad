package io.kefu.portal.people;

import io.kefu.audit.boundary.AuditLog;
import io.kefu.identity.entity.Role;
import io.kefu.portal.api.Allowed;
import io.kefu.portal.api.Params;
import io.kefu.tenancy.control.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's audit log, newest first, for its admins; {@code at} in the tenant's zone. */
@Path("v1/tenants/{tenant}/audit")
@Produces(MediaType.APPLICATION_JSON)
@Allowed(Role.TENANT_ADMIN)
@Tag(name = "people")
@SecurityRequirement(name = "basic")
public class AuditResource {

    @Inject
    AuditLog log;

    @Inject
    CurrentTenant tenant;

    public record EntryJson(String at, String actor, String action, String target, String before, String after) {
    }

    public record PageJson(List<EntryJson> items, int first, int size, long total) {
    }

    @GET
    public PageJson list(@QueryParam("action") String action, @QueryParam("actor") String actor,
            @QueryParam("first") String first, @QueryParam("size") String size) {
        int from = Math.max(0, Params.whole(first, "first", 0));
        int count = Math.max(1, Math.min(200, Params.whole(size, "size", 25)));
        ZoneId zone = tenant.get().zone();
        List<EntryJson> items = log.page(action, actor, from, count).stream()
                .map(e -> new EntryJson(e.at().atZoneSameInstant(zone).toOffsetDateTime().toString(), e.actor(),
                        e.action(), e.target(), e.before(), e.after()))
                .toList();
        return new PageJson(items, from, count, log.count(action, actor));
    }
}
