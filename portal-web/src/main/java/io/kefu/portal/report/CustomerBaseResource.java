package io.kefu.portal.report;

import io.kefu.identity.entity.Role;
import io.kefu.portal.api.Allowed;
import io.kefu.report.boundary.CustomerBases;
import io.kefu.report.entity.CustomerBase;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The customers the tenant serves, which the valid-complaint rate is measured against: admins enter a number in
 * force from a month on; staff, supervisors and admins read it.
 */
@Path("v1/tenants/{tenant}/settings/customer-base")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "settings")
@SecurityRequirement(name = "basic")
public class CustomerBaseResource {

    /** {@code customers}: a whole number from 1 to 10,000,000. */
    public record EntryJson(String month, Integer customers) {
    }

    @Inject
    CustomerBases bases;

    @GET
    @Allowed({Role.TENANT_ADMIN, Role.STAFF, Role.SUPERVISOR})
    @Operation(summary = "The entered customer base, newest month first, and the units on the resident register "
            + "(counted when no entry is in force)")
    public Listing list() {
        return new Listing(bases.units(), bases.entries().stream().map(CustomerBaseResource::json).toList());
    }

    /** The units on the register and the entered customer base, newest month first. */
    public record Listing(long registerUnits, List<EntryJson> entries) {
    }

    @PUT
    @Path("{month}")
    @Allowed(Role.TENANT_ADMIN)
    @Operation(summary = "Enters the customers counted from the month yyyy-mm on (until a later entry)",
            description = "Body {customers}; 422 naming month or customers when they are not valid, nothing saved.")
    public EntryJson set(@PathParam("month") String month, EntryJson in) {
        return json(bases.set(month, in == null ? null : in.customers()));
    }

    @DELETE
    @Path("{month}")
    @Allowed(Role.TENANT_ADMIN)
    @Operation(summary = "Removes the entry of the month yyyy-mm; the one before it, or the register, counts again")
    public Response remove(@PathParam("month") String month) {
        bases.remove(month);
        return Response.noContent().build();
    }

    private static EntryJson json(CustomerBase entry) {
        return new EntryJson(entry.from().toString(), entry.customers());
    }
}
