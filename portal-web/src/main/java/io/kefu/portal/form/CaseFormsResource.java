package io.kefu.portal.form;

import io.kefu.export.PdfDocument;
import io.kefu.identity.entity.Role;
import io.kefu.portal.api.Allowed;
import io.kefu.portal.api.Downloads;
import io.kefu.tenancy.control.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A case printed: its registration form and its case sheet as PDF, on the tenant's letterhead, in the reader's
 * language ({@code lang}, else {@code Accept-Language}, else the tenant's) with times in the tenant's zone.
 * Beside the case's other addresses (same path as the complaints resource, which Jersey merges).
 */
@Path("v1/tenants/{tenant}/complaints")
@Produces({PdfDocument.MEDIA_TYPE, MediaType.APPLICATION_JSON})
@Tag(name = "complaints")
@SecurityRequirement(name = "basic")
public class CaseFormsResource {

    @Inject
    CaseFiles files;

    @Inject
    CurrentTenant tenant;

    @GET
    @Path("{number}/form.pdf")
    @Allowed({Role.STAFF, Role.SUPERVISOR})
    @Operation(summary = "The case's registration form (来人来电来访登记表) as PDF, with boxes to sign by hand",
            description = "404 for a number the tenant does not have. ?lang=zh-CN|en chooses the language.")
    public Response registrationForm(@PathParam("number") String number, @QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Locale locale = files.locale(lang, acceptLanguage);
        CaseFile file = files.get(number, locale);
        byte[] pdf = RegistrationForm.of(file, locale, tenant.get().zone()).pdf(files.tenantName(locale), files.logo());
        return pdf(pdf, "registration-" + file.complaint().number() + ".pdf");
    }

    @GET
    @Path("{number}/sheet.pdf")
    @Allowed({Role.STAFF, Role.SUPERVISOR})
    @Operation(summary = "The case sheet as PDF: facts, whole history, attachments, callbacks, signature boxes",
            description = "404 for a number the tenant does not have. ?lang=zh-CN|en chooses the language.")
    public Response caseSheet(@PathParam("number") String number, @QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Locale locale = files.locale(lang, acceptLanguage);
        CaseFile file = files.get(number, locale);
        byte[] pdf = CaseSheet.of(file, locale, tenant.get().zone()).pdf(files.tenantName(locale), files.logo());
        return pdf(pdf, "case-" + file.complaint().number() + ".pdf");
    }

    /** Opened in the browser's viewer, to be printed from there. */
    static Response pdf(byte[] content, String fileName) {
        return Response.ok(content, PdfDocument.MEDIA_TYPE)
                .header("Content-Disposition", Downloads.disposition("inline", fileName))
                .header("X-Content-Type-Options", "nosniff").build();
    }
}
