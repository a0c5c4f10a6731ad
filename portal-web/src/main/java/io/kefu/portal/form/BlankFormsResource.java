package io.kefu.portal.form;

import io.kefu.export.PdfDocument;
import io.kefu.identity.entity.Role;
import io.kefu.portal.api.Allowed;
import io.kefu.tenancy.control.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Blank forms on the tenant's letterhead, printed for walk-ins and filled in by hand. */
@Path("v1/tenants/{tenant}/forms")
@Produces({PdfDocument.MEDIA_TYPE, MediaType.APPLICATION_JSON})
@Tag(name = "complaints")
@SecurityRequirement(name = "basic")
public class BlankFormsResource {

    @Inject
    CaseFiles files;

    @Inject
    CurrentTenant tenant;

    @GET
    @Path("registration.pdf")
    @Allowed({Role.STAFF, Role.SUPERVISOR})
    @Operation(summary = "The blank registration form (来人来电来访登记表) as PDF",
            description = "?lang=zh-CN|en chooses the language.")
    public Response registrationForm(@QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Locale locale = files.locale(lang, acceptLanguage);
        byte[] pdf = RegistrationForm.of(null, locale, tenant.get().zone()).pdf(files.tenantName(locale), files.logo());
        return CaseFormsResource.pdf(pdf, "registration-form.pdf");
    }
}
