package io.kefu.portal.identity;

import io.kefu.identity.boundary.Accounts;
import io.kefu.identity.boundary.Caller;
import io.kefu.portal.api.Allowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who am I, and where may I work: the caller and their memberships (tenant slug and role). */
@Path("v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "identity")
@SecurityRequirement(name = "basic")
public class MeResource {

    @Inject
    Access access;

    @Inject
    Accounts accounts;

    /** One role in one tenant. */
    public record MembershipJson(String tenant, String role) {
    }

    /** The caller. */
    public record MeJson(String username, String displayName, boolean platformAdmin, List<MembershipJson> memberships) {
    }

    @GET
    @Allowed(anyAuthenticated = true)
    public MeJson me() {
        Caller caller = access.caller().orElseThrow();
        List<MembershipJson> memberships = accounts.workplaces(caller.username()).stream()
                .map(w -> new MembershipJson(w.tenant().slug().value(), w.role().name()))
                .toList();
        return new MeJson(caller.username(), caller.displayName(), caller.platformAdmin(), memberships);
    }
}
