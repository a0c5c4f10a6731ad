package io.kefu.portal.platform;

import io.kefu.admin.provisioning.boundary.FirstAdmin;
import io.kefu.admin.provisioning.boundary.NewTenant;
import io.kefu.admin.provisioning.boundary.TenantProvisioning;
import io.kefu.admin.provisioning.boundary.TenantUsage;
import io.kefu.tenancy.entity.TenantRef;
import java.util.Map;
import io.kefu.portal.api.Allowed;
import io.kefu.problem.KefuException;
import io.kefu.tenancy.boundary.Tenants;
import io.kefu.tenancy.entity.TenantKind;
import io.kefu.tenancy.entity.TenantSlug;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Tenants for the platform operator. Suspension takes effect on the next request of any of the tenant's users. */
@Path("v1/platform/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Allowed(platform = true)
@Tag(name = "platform")
@SecurityRequirement(name = "basic")
public class PlatformTenantsResource {

    @Inject
    Tenants tenants;

    @Inject
    TenantProvisioning provisioning;

    /** The body to open a tenant; kind PROPERTY or RETAIL, locale {@code zh-CN} (default) or {@code en}. */
    public record TenantInput(String slug, String nameZh, String nameEn, String kind, String timeZone,
            String defaultLocale, String adminEmail, String adminUsername, String adminDisplayName) {
    }

    @Inject
    TenantUsage usage;

    /** Every tenant with its usage: cases filed this month, active users, attachment bytes. */
    @GET
    public List<TenantJson> list() {
        List<TenantRef> all = tenants.all();
        Map<Long, TenantUsage.Usage> figures = usage.of(all);
        return all.stream().map(t -> TenantJson.of(t, figures.get(t.id()))).toList();
    }

    @GET
    @Path("{slug}")
    public TenantJson get(@PathParam("slug") String slug) {
        TenantRef tenant = tenants.getBySlug(slugFromPath(slug));
        return TenantJson.of(tenant, usage.of(tenant));
    }

    @POST
    public Response open(TenantInput input, @Context UriInfo uri) {
        if (input == null) {
            throw KefuException.invalid("slug", "field.required");
        }
        NewTenant request = new NewTenant(input.slug(), input.nameZh(), input.nameEn(), kind(input.kind()),
                input.timeZone(), input.defaultLocale());
        boolean withAdmin = input.adminEmail() != null && !input.adminEmail().isBlank();
        TenantJson tenant = TenantJson.of(withAdmin ? provisioning.open(request, new FirstAdmin(input.adminUsername(),
                input.adminEmail(), input.adminDisplayName())) : provisioning.open(request));
        return Response.created(uri.getAbsolutePathBuilder().path(tenant.slug()).build()).entity(tenant).build();
    }

    @POST
    @Path("{slug}/suspend")
    public TenantJson suspend(@PathParam("slug") String slug) {
        return TenantJson.of(provisioning.suspend(slugFromPath(slug)));
    }

    @POST
    @Path("{slug}/resume")
    public TenantJson resume(@PathParam("slug") String slug) {
        return TenantJson.of(provisioning.resume(slugFromPath(slug)));
    }

    private static TenantKind kind(String kind) {
        try {
            return TenantKind.valueOf(kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw KefuException.invalid("kind", "tenant.kind.invalid");
        }
    }

    private static TenantSlug slugFromPath(String slug) {
        return TenantSlug.parse(slug).orElseThrow(() -> KefuException.notFound("tenant.not.found", slug));
    }
}
