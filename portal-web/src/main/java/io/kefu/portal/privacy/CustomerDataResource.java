package io.kefu.portal.privacy;

import io.kefu.export.Xlsx;
import io.kefu.identity.entity.Role;
import io.kefu.portal.api.Allowed;
import io.kefu.portal.api.Downloads;
import io.kefu.portal.i18n.Languages;
import io.kefu.portal.i18n.Messages;
import io.kefu.privacy.boundary.CustomerData;
import io.kefu.privacy.control.CustomerDataFiles;
import io.kefu.tenancy.control.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.ResourceBundle;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A customer's data on their request, tenant admins only: everything about the customer of a record key as JSON or
 * an Excel workbook, and its erasure. Both are audited. An unknown key, or another tenant's, is 404. Under
 * {@code privacy/} so that the customer record's own resource keeps {@code customers/} to itself.
 */
@Path("v1/tenants/{tenant}/privacy/customers/{key}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "privacy")
@SecurityRequirement(name = "basic")
public class CustomerDataResource {

    @Inject
    CustomerData data;

    @Inject
    CurrentTenant tenant;

    @Context
    HttpHeaders headers;

    @GET
    @Path("export.json")
    @Allowed(Role.TENANT_ADMIN)
    @Operation(summary = "Everything about the customer as JSON: record, register entries, cases with their "
            + "history, callbacks, survey answers (audited as customer.export)")
    public Response json(@PathParam("key") String key) {
        byte[] file = CustomerDataFiles.json(data.export(key, "json"));
        return download(file, CustomerDataFiles.JSON_MEDIA_TYPE, CustomerDataFiles.fileName(key, "json"));
    }

    @GET
    @Path("export.xlsx")
    @Produces(Xlsx.MEDIA_TYPE)
    @Allowed(Role.TENANT_ADMIN)
    @Operation(summary = "The same as an Excel workbook, a sheet per part, headed in the request's language")
    public Response xlsx(@PathParam("key") String key) {
        Locale locale = Languages.fromAcceptLanguage(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE))
                .orElse(tenant.get().defaultLocale());
        ResourceBundle texts = ResourceBundle.getBundle(Messages.BUNDLE, locale, Messages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        byte[] file = CustomerDataFiles.xlsx(data.export(key, "xlsx"), texts, tenant.get().zone());
        return download(file, Xlsx.MEDIA_TYPE, CustomerDataFiles.fileName(key, "xlsx"));
    }

    @POST
    @Path("erasure")
    @Allowed(Role.TENANT_ADMIN)
    @Operation(summary = "Erases the customer everywhere (audited as customer.erasure)",
            description = "The record's name and notes, their register entries (units stay), the contact data of "
                    + "their cases (by record and by their phones), the copies in callbacks, tracking links and "
                    + "mails, and the cases' attachments. Figures and case texts stay. Answers what was erased: "
                    + "{registerEntries, cases, callbacks}. Repeating it erases nothing more.")
    public CustomerData.Erased erase(@PathParam("key") String key) {
        return data.erase(key);
    }

    private static Response download(byte[] content, String type, String name) {
        return Response.ok(content, type).header("Content-Disposition", Downloads.disposition("attachment", name))
                .build();
    }
}
