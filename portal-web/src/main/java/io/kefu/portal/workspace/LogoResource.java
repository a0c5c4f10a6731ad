package io.kefu.portal.workspace;

import io.kefu.portal.api.Public;
import io.kefu.workspace.boundary.WorkspaceSetup;
import io.kefu.workspace.entity.TenantLogo;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * The tenant's logo for everyone (its pages show it before anybody logs in). Cacheable: pages link it with
 * its tag in the query ({@code ?v=}), so a new logo is a new address; an old copy is revalidated by ETag.
 */
@Path("v1/tenants/{tenant}/logo")
public class LogoResource {

    @Inject
    WorkspaceSetup setup;

    @GET
    @Public
    public Response logo(@Context Request request) {
        Optional<TenantLogo> logo = setup.logo();
        if (logo.isEmpty()) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        EntityTag tag = new EntityTag(logo.get().etag());
        CacheControl cache = new CacheControl();
        cache.setPrivate(false);
        cache.setMaxAge(3600);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.cacheControl(cache).build();
        }
        return Response.ok(logo.get().content(), logo.get().mediaType()).tag(tag).cacheControl(cache)
                .header("X-Content-Type-Options", "nosniff").build();
    }
}
