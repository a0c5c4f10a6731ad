package io.kefu.portal.compensation;

import io.kefu.compensation.boundary.Compensations;
import io.kefu.compensation.entity.Amount;
import io.kefu.compensation.entity.Authority;
import io.kefu.compensation.entity.CompensationPolicy;
import io.kefu.identity.entity.Role;
import io.kefu.portal.api.Allowed;
import io.kefu.problem.KefuException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's authority for compensation (核决权限): admins write, staff and supervisors read. */
@Path("v1/tenants/{tenant}/settings/compensation-policy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "settings")
@SecurityRequirement(name = "basic")
public class CompensationPolicyResource {

    /** Limits in yuan as text ("2000.00"); {@code managerLimit} {@code null}: the manager approves any amount. */
    public record PolicyJson(String staffLimit, String supervisorLimit, String managerLimit, List<String> promiseWords,
            Long version) {
    }

    @Inject
    Compensations compensations;

    @GET
    @Allowed({Role.TENANT_ADMIN, Role.STAFF, Role.SUPERVISOR})
    public PolicyJson policy() {
        CompensationPolicy p = compensations.policy();
        return new PolicyJson(yuan(p.limitOf(Authority.STAFF)), yuan(p.limitOf(Authority.SUPERVISOR)),
                yuan(p.limitOf(Authority.MANAGER)), p.promiseWords(), p.version());
    }

    @PUT
    @Allowed(Role.TENANT_ADMIN)
    @Operation(summary = "Change the limits and promise words",
            description = "{staffLimit, supervisorLimit, managerLimit (null or empty: unlimited), promiseWords (left "
                    + "out: kept), version}; each level at least the one below it.")
    public PolicyJson change(PolicyJson in) {
        if (in == null || in.version() == null) {
            throw KefuException.invalid("version", "field.required");
        }
        compensations.updatePolicy(in.staffLimit(), in.supervisorLimit(), in.managerLimit(),
                in.promiseWords() == null ? compensations.policy().promiseWords() : in.promiseWords(), in.version());
        return policy();
    }

    private static String yuan(Long fen) {
        return fen == null ? null : Amount.format(fen);
    }
}
