package io.kefu.portal.platform;

import io.kefu.audit.boundary.PlatformAudit;
import io.kefu.audit.entity.PlatformAuditEntry;
import io.kefu.portal.api.Allowed;
import io.kefu.portal.api.Params;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The platform's audit log for platform operators, newest first: tenants opened (and openings undone), suspended,
 * resumed, and every read of the usage figures. {@code at} in UTC (the platform has no zone of its own).
 */
@Path("v1/platform/audit")
@Produces(MediaType.APPLICATION_JSON)
@Allowed(platform = true)
@Tag(name = "platform")
@SecurityRequirement(name = "basic")
public class PlatformAuditResource {

    @Inject
    PlatformAudit audit;

    public record EntryJson(String at, String actor, String action, String tenant, String details) {
    }

    public record PageJson(List<EntryJson> items, int first, int size, long total) {
    }

    /** {@code action}: TENANT_OPENED, TENANT_OPENING_UNDONE, TENANT_SUSPENDED, TENANT_RESUMED or USAGE_READ. */
    @GET
    public PageJson list(@QueryParam("action") String action, @QueryParam("tenant") String tenant,
            @QueryParam("first") String first, @QueryParam("size") String size) {
        PlatformAuditEntry.Action chosen = Params.choice(PlatformAuditEntry.Action.class, action, "action");
        int from = Math.max(0, Params.whole(first, "first", 0));
        int count = Math.max(1, Math.min(200, Params.whole(size, "size", 25)));
        List<EntryJson> items = audit.page(chosen, tenant, from, count).stream()
                .map(e -> new EntryJson(e.at().toInstant().toString(), e.actor(), e.action().name(), e.tenantSlug(),
                        e.details()))
                .toList();
        return new PageJson(items, from, count, audit.count(chosen, tenant));
    }
}
