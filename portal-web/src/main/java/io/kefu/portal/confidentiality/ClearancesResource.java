package io.kefu.portal.confidentiality;

import io.kefu.confidentiality.boundary.Clearances;
import io.kefu.identity.entity.Role;
import io.kefu.portal.api.Allowed;
import io.kefu.portal.api.Params;
import io.kefu.resident.entity.Confidentiality;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The clearance of each staff member (安全许可): {@code ORDINARY} (the default), {@code SECRET}, {@code CONFIDENTIAL}
 * or {@code TOP_SECRET}; set by the tenant admin, each change in the audit log.
 */
@Path("v1/tenants/{tenant}/clearances")
@Produces(MediaType.APPLICATION_JSON)
@Allowed(Role.TENANT_ADMIN)
@Tag(name = "confidentiality")
@SecurityRequirement(name = "basic")
public class ClearancesResource {

    public record LevelJson(String level) {
    }

    public record ClearanceJson(String username, String level) {
    }

    @Inject
    Clearances clearances;

    /** Everybody whose clearance was ever set: username → level. */
    @GET
    public Map<String, Confidentiality> list() {
        return clearances.all();
    }

    @GET
    @Path("{username}")
    public ClearanceJson get(@PathParam("username") String username) {
        return new ClearanceJson(username, clearances.of(username).name());
    }

    @PUT
    @Path("{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ClearanceJson set(@PathParam("username") String username, LevelJson in) {
        Confidentiality level = Params.choice(Confidentiality.class, in == null ? null : in.level(), "level");
        return new ClearanceJson(username, clearances.set(username, level).name());
    }
}
