package io.kefu.portal.callback;

import io.kefu.callback.boundary.CallbackSettings;
import io.kefu.callback.entity.CallbackPolicy;
import io.kefu.identity.entity.Role;
import io.kefu.portal.api.Allowed;
import io.kefu.portal.api.Params;
import io.kefu.problem.KefuException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's callback policy: admins change it, staff read it. */
@Path("v1/tenants/{tenant}/settings/callback-policy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "settings")
@SecurityRequirement(name = "basic")
public class CallbackPolicyResource {

    /**
     * {@code callerRoles} STAFF and/or SUPERVISOR; {@code validTargetPermille} 10 = 1%; {@code retryMinutes}
     * between unanswered attempts; {@code resolverMayCallBack} false: whoever resolved a case may not make its
     * callback; {@code reopenPendingSupervisorOnly} true: only supervisors reopen a case waiting for its callback
     * (these three left out: unchanged).
     */
    public record PolicyJson(Integer dueHours, Integer maxAttempts, Integer retryMinutes, List<String> callerRoles,
            Boolean onlineConfirmationCounts, Integer validTargetPermille, Boolean resolverMayCallBack,
            Boolean reopenPendingSupervisorOnly, Long version) {
    }

    @Inject
    CallbackSettings settings;

    @GET
    @Allowed({Role.TENANT_ADMIN, Role.STAFF, Role.SUPERVISOR})
    public PolicyJson get() {
        CallbackPolicy p = settings.policy();
        return new PolicyJson(p.dueHours(), p.maxAttempts(), p.retryMinutes(),
                p.callerRoles().stream().map(Enum::name).toList(),
                p.onlineConfirmationCounts(), p.validTargetPermille(), p.resolverMayCallBack(),
                p.reopenPendingSupervisorOnly(), p.version());
    }

    @PUT
    @Allowed(Role.TENANT_ADMIN)
    public PolicyJson change(PolicyJson in) {
        if (in == null || in.version() == null) {
            throw KefuException.invalid("version", "field.required");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : in.callerRoles() == null ? List.<String>of() : in.callerRoles()) {
            Role chosen = Params.choice(Role.class, role, "callerRoles");
            if (chosen != null) {
                roles.add(chosen);
            }
        }
        settings.updatePolicy(in.dueHours(), in.maxAttempts(),
                in.retryMinutes() == null ? settings.policy().retryMinutes() : in.retryMinutes(), roles,
                in.onlineConfirmationCounts(), in.validTargetPermille(), in.resolverMayCallBack(),
                in.reopenPendingSupervisorOnly(), in.version());
        return get();
    }
}
