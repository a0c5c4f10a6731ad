package io.kefu.portal.handover;

import io.kefu.handover.boundary.Shifts;
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
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's shifts and who works in which: admins write, staff and supervisors read. */
@Path("v1/tenants/{tenant}/settings/shifts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "settings")
@SecurityRequirement(name = "basic")
public class ShiftsResource {

    @Inject
    Shifts shifts;

    @GET
    @Allowed({Role.TENANT_ADMIN, Role.STAFF, Role.SUPERVISOR})
    public HandoverJson.ShiftsInput get() {
        Map<String, List<String>> people = shifts.membersByShift();
        return new HandoverJson.ShiftsInput(shifts.all().stream().map(s -> new HandoverJson.ShiftInput(s.code(),
                s.name(), s.starts().toString(), s.ends().toString(), people.getOrDefault(s.code(), List.of())))
                .toList());
    }

    @PUT
    @Allowed(Role.TENANT_ADMIN)
    @Operation(summary = "Replace the shifts: {shifts: [{code, name, start: \"HH:mm\", end: \"HH:mm\", members: "
            + "[username]}]}", description = "The complete list. An end not after the start runs past midnight "
                    + "(20:00–08:00; 24:00 is 00:00). Each code once; each person (staff or supervisor) in one shift.")
    public HandoverJson.ShiftsInput put(HandoverJson.ShiftsInput input) {
        if (input == null || input.shifts() == null) {
            // Leaving the list out is not "no shifts": an empty list says that.
            throw KefuException.invalid("shifts", "field.required");
        }
        List<Shifts.Input> given = input.shifts().stream()
                .map(s -> s == null ? null : new Shifts.Input(s.code(), s.name(), s.start(), s.end(), s.members()))
                .toList();
        shifts.replace(given);
        return get();
    }
}
