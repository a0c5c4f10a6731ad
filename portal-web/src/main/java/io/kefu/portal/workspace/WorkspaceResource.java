package io.kefu.portal.workspace;

import io.kefu.identity.entity.Role;
import io.kefu.portal.api.Allowed;
import io.kefu.portal.api.NotFound;
import io.kefu.portal.i18n.Languages;
import io.kefu.problem.KefuException;
import io.kefu.workspace.boundary.Workspace;
import io.kefu.workspace.entity.Code;
import io.kefu.workspace.entity.Department;
import io.kefu.i18n.LocalizedName;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Departments and categories of the tenant in the path. The tenant was resolved (and checked to be active)
 * before this runs; the queries below cannot see another tenant's rows.
 */
@Path("v1/tenants/{tenant}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "workspace")
@SecurityRequirement(name = "basic")
public class WorkspaceResource {

    @Inject
    Workspace workspace;

    @Context
    HttpHeaders headers;

    @GET
    @Path("departments")
    @Allowed({Role.STAFF, Role.SUPERVISOR, Role.TENANT_ADMIN})
    public List<DepartmentJson> departments() {
        Locale locale = locale();
        return workspace.departments().stream().map(d -> DepartmentJson.of(d, locale)).toList();
    }

    @GET
    @Path("departments/{code}")
    @Allowed({Role.STAFF, Role.SUPERVISOR, Role.TENANT_ADMIN})
    public DepartmentJson department(@PathParam("code") @NotFound("department.not.found") Code code) {
        return DepartmentJson.of(workspace.getDepartment(code), locale());
    }

    @POST
    @Path("departments")
    @Allowed(Role.TENANT_ADMIN)
    public Response addDepartment(DepartmentInput input, @Context UriInfo uri) {
        if (input == null) {
            throw KefuException.invalid("code", "field.required");
        }
        Department department = workspace.addDepartment(Code.typed(input.code()),
                new LocalizedName(input.nameZh(), input.nameEn()));
        return Response.created(uri.getAbsolutePathBuilder().path(department.code().value()).build())
                .entity(DepartmentJson.of(department, locale())).build();
    }

    @PUT
    @Path("departments/{code}")
    @Allowed(Role.TENANT_ADMIN)
    public DepartmentJson renameDepartment(
            @PathParam("code") @NotFound("department.not.found") Code code, DepartmentInput input) {
        if (input == null || input.version() == null) {
            throw KefuException.invalid("version", "field.required");
        }
        return DepartmentJson.of(workspace.renameDepartment(code,
                new LocalizedName(input.nameZh(), input.nameEn()), input.version()), locale());
    }

    @GET
    @Path("categories")
    @Allowed({Role.STAFF, Role.SUPERVISOR, Role.TENANT_ADMIN})
    public List<CategoryJson> categories() {
        Locale locale = locale();
        return workspace.categories().stream().map(c -> CategoryJson.of(c, locale)).toList();
    }


    private Locale locale() {
        return Languages.fromAcceptLanguage(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE))
                .orElse(Languages.DEFAULT);
    }
}
