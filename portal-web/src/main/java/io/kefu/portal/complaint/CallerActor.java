package io.kefu.portal.complaint;

import io.kefu.complaint.entity.Actor;
import io.kefu.identity.boundary.Caller;
import io.kefu.identity.entity.Role;
import io.kefu.portal.identity.Access;
import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** The signed-in staff member as the workflow sees them: username, and whether they act as a supervisor. */
@RequestScoped
public class CallerActor {

    @Inject
    Access access;

    public Actor get() {
        Caller caller = access.caller().orElseThrow(() -> new KefuException(Failure.FORBIDDEN, "auth.required"));
        if (!access.hasAny(Role.STAFF_AREA)) {
            throw new KefuException(Failure.FORBIDDEN, "access.endpoint.denied");
        }
        return new Actor(caller.username(), access.roles().contains(Role.SUPERVISOR));
    }

    /** Whether the caller works in this tenant (staff or supervisor), e.g. to register an offline case. */
    public boolean isStaff() {
        return access.isLoggedIn() && access.hasAny(Role.STAFF_AREA);
    }

    /** The signed-in resident of this tenant, or {@code null}. */
    public String resident() {
        return access.isLoggedIn() && access.roles().contains(Role.RESIDENT)
                ? access.caller().map(Caller::username).orElse(null) : null;
    }
}
