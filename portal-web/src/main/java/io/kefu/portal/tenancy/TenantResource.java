package io.kefu.portal.tenancy;

import io.kefu.portal.api.Public;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.tenancy.entity.TenantRef;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What anybody may know of a tenant: the public face its landing page shows. */
@Path("v1/tenants/{tenant}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "tenant")
public class TenantResource {

    @Inject
    CurrentTenant currentTenant;

    /** The public description of a tenant. */
    public record PublicTenant(String slug, String nameZh, String nameEn, String kind, String defaultLocale,
            String timeZone) {
    }

    @GET
    @Public
    public PublicTenant describe() {
        TenantRef tenant = currentTenant.get();
        return new PublicTenant(tenant.slug().value(), tenant.nameZh(), tenant.nameEn(), tenant.kind().name(),
                tenant.defaultLocale().toLanguageTag(), tenant.zone().getId());
    }
}
