package io.kefu.portal.people;

import io.kefu.admin.people.boundary.People;
import io.kefu.admin.people.boundary.People.Person;
import io.kefu.identity.entity.Role;
import io.kefu.portal.api.Allowed;
import io.kefu.portal.api.Params;
import io.kefu.problem.KefuException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The staff of the tenant in the path, for its admins: list, invite, change roles, disable and enable here,
 * departments. A username that has no staff membership in this tenant is 404, whether it exists elsewhere
 * or not.
 */
@Path("v1/tenants/{tenant}/people")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Allowed(Role.TENANT_ADMIN)
@Tag(name = "people")
@SecurityRequirement(name = "basic")
public class PeopleResource {

    @Inject
    People people;

    /** One person: roles STAFF, SUPERVISOR, TENANT_ADMIN; {@code active} false when stopped in this tenant. */
    public record PersonJson(String username, String displayName, String email, List<String> roles, boolean active,
            boolean passwordSet, boolean invitationPending, List<String> departments, String invitationLink) {

        static PersonJson of(Person p) {
            return new PersonJson(p.username(), p.displayName(), p.email(), p.roles().stream().map(Enum::name)
                    .toList(), p.active(), p.passwordSet(), p.invitationPending(), p.departments(), null);
        }

        /** With the invitation link when nothing could mail it (no SMTP server): in this answer only. */
        static PersonJson of(People.Invited invited) {
            PersonJson p = of(invited.person());
            return new PersonJson(p.username(), p.displayName(), p.email(), p.roles(), p.active(), p.passwordSet(),
                    p.invitationPending(), p.departments(), invited.link().orElse(null));
        }
    }

    public record PageJson(List<PersonJson> items, int first, int size, long total) {
    }

    /** {@code {username, email, displayName, roles: [..], department}} */
    public record InviteJson(String username, String email, String displayName, List<String> roles,
            String department) {
    }

    public record RolesJson(List<String> roles) {
    }

    /** {@code {successor}}: who takes the person's open cases and callbacks. */
    public record RemovalInput(String successor) {
    }

    public record RemovalJson(String username, String successor, int casesHandedOver, int callbacksHandedOver) {
    }

    @GET
    public PageJson list(@QueryParam("first") String first, @QueryParam("size") String size) {
        int from = Math.max(0, Params.whole(first, "first", 0));
        int count = Math.max(1, Math.min(200, Params.whole(size, "size", 25)));
        return new PageJson(people.page(from, count).stream().map(PersonJson::of).toList(), from, count,
                people.count());
    }

    @GET
    @Path("{username}")
    public PersonJson get(@PathParam("username") String username) {
        return PersonJson.of(people.get(username));
    }

    @POST
    public Response invite(InviteJson in, @Context UriInfo uri) {
        if (in == null) {
            throw KefuException.invalid("username", "field.required");
        }
        PersonJson invited = PersonJson.of(people.invite(new People.NewPerson(in.username(), in.email(),
                in.displayName(), roles(in.roles()), in.department())));
        return Response.created(uri.getAbsolutePathBuilder().path(invited.username()).build()).entity(invited).build();
    }

    /**
     * Takes the person out of this tenant for good; their open cases and callbacks go to {@code successor} in the
     * same step. Afterwards the person is 404 here; their past work keeps their name.
     */
    @POST
    @Path("{username}/removal")
    public RemovalJson remove(@PathParam("username") String username, RemovalInput in) {
        People.Removal removal = people.remove(username, in == null ? null : in.successor());
        return new RemovalJson(removal.username(), removal.successor(), removal.cases(), removal.callbacks());
    }

    /** Sends the invitation of somebody who has not answered it yet again; the earlier link stops working. */
    @POST
    @Path("{username}/invitation")
    public PersonJson resendInvitation(@PathParam("username") String username) {
        return PersonJson.of(people.resendInvitation(username));
    }

    @PUT
    @Path("{username}/roles")
    public PersonJson changeRoles(@PathParam("username") String username, RolesJson in) {
        return PersonJson.of(people.changeRoles(username, roles(in == null ? null : in.roles())));
    }

    @POST
    @Path("{username}/disable")
    public PersonJson disable(@PathParam("username") String username) {
        return PersonJson.of(people.disable(username));
    }

    @POST
    @Path("{username}/enable")
    public PersonJson enable(@PathParam("username") String username) {
        return PersonJson.of(people.enable(username));
    }

    @PUT
    @Path("{username}/departments/{department}")
    public PersonJson join(@PathParam("username") String username, @PathParam("department") String department) {
        return PersonJson.of(people.joinDepartment(username, department));
    }

    @DELETE
    @Path("{username}/departments/{department}")
    public PersonJson leave(@PathParam("username") String username, @PathParam("department") String department) {
        return PersonJson.of(people.leaveDepartment(username, department));
    }

    private static List<Role> roles(List<String> names) {
        List<Role> roles = new ArrayList<>();
        for (String name : names == null ? List.<String>of() : names) {
            Role role = Params.choice(Role.class, name, "roles");
            if (role != null) {
                roles.add(role);
            }
        }
        return roles;
    }
}
