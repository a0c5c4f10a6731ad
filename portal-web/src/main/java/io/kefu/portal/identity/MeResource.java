package io.kefu.portal.identity;

import io.kefu.identity.boundary.Accounts;
import io.kefu.identity.boundary.Caller;
import io.kefu.portal.api.Allowed;
import io.kefu.tenancy.boundary.Tenants;
import io.kefu.tenancy.entity.TenantRef;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
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

    @Inject
    Tenants tenants;

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
        Map<Long, String> slugs = tenants.all().stream()
                .collect(Collectors.toMap(TenantRef::id, t -> t.slug().value(), (a, b) -> a));
        List<MembershipJson> memberships = accounts.memberships(caller.username()).stream()
                .map(m -> new MembershipJson(slugs.get(m.tenantId()), m.role().name()))
                .toList();
        return new MeJson(caller.username(), caller.displayName(), caller.platformAdmin(), memberships);
    }
}
