package io.kefu.portal.register;

import io.kefu.export.Csv;
import io.kefu.identity.entity.Role;
import io.kefu.portal.api.Allowed;
import io.kefu.portal.api.Params;
import io.kefu.portal.i18n.Languages;
import io.kefu.portal.i18n.Messages;
import io.kefu.problem.KefuException;
import io.kefu.resident.boundary.Residents;
import io.kefu.resident.control.ResidentList;
import io.kefu.resident.entity.Resident;
import io.kefu.resident.entity.ResidentImport;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.confidentiality.boundary.Disclosure;
import io.kefu.confidentiality.control.Contact;
import io.kefu.confidentiality.control.Sight;
import io.kefu.confidentiality.entity.ReadChannel;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's resident register: admins import, the office reads (see the package description). */
@Path("v1/tenants/{tenant}/residents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "residents")
@SecurityRequirement(name = "basic")
public class ResidentsResource {

    public record ResidentJson(long id, String name, String phone, String email, String grade, String building,
            String unit, BigDecimal area) {

        /** The entry with its personal fields as the reader may see them (masked above their clearance). */
        static ResidentJson of(Resident r, Sight sight) {
            Contact c = sight.apply(new Contact(r.name(), r.phone(), r.email(), null));
            return new ResidentJson(r.id(), c.name(), c.phone(), c.email(), r.grade() == null ? null
                    : r.grade().name(), r.unit().building(), r.unit().number(), r.unit().area());
        }
    }

    public record PageJson(long total, int first, int size, List<ResidentJson> items) {
    }

    /** A refused row: its number as the spreadsheet shows it (header = 1), the column and the reason. */
    public record RejectionJson(int row, String field, String code, String reason) {
    }

    public record ImportJson(long id, String status, int percent, int rows, int imported, int rejectedCount,
            List<RejectionJson> rejected, String reportUrl, String failure) {
    }

    @Inject
    Disclosure disclosure;

    @Inject
    Residents residents;

    @Inject
    CurrentTenant tenant;

    @Context
    HttpServletRequest request;

    @Context
    HttpHeaders headers;

    @GET
    @Allowed({Role.TENANT_ADMIN, Role.SUPERVISOR, Role.STAFF})
    public PageJson list(@QueryParam("q") String q, @QueryParam("first") String first,
            @QueryParam("size") String size) {
        int from = Math.max(0, Params.whole(first, "first", 0));
        int count = Math.max(1, Math.min(200, Params.whole(size, "size", 50)));
        List<Resident> page = residents.page(q, from, count);
        Map<Long, Long> records = disclosure.recordsOfEntries(page.stream().map(Resident::id).toList());
        List<Sight> sights = disclosure.readAll(page, r -> records.get(r.id()), r -> null, ReadChannel.API);
        List<ResidentJson> items = new java.util.ArrayList<>(page.size());
        for (int i = 0; i < page.size(); i++) {
            items.add(ResidentJson.of(page.get(i), sights.get(i)));
        }
        return new PageJson(residents.count(q), from, count, items);
    }

    /** The file as the body (text/csv, the xlsx type or octet-stream): 200 with the outcome, 422 when malformed. */
    @POST
    @Path("import")
    @Consumes(MediaType.WILDCARD)
    @Allowed(Role.TENANT_ADMIN)
    public ImportJson importBody(byte[] content, @QueryParam("name") String name) {
        return json(residents.importFile(name == null ? "upload" : name, content));
    }

    /** The file as the {@code file} part of a form, as a browser sends it. */
    @POST
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Allowed(Role.TENANT_ADMIN)
    public ImportJson importForm() {
        try {
            Part part = request.getPart("file");
            if (part == null) {
                throw KefuException.invalid("file", "field.required");
            }
            try (InputStream in = part.getInputStream()) {
                return json(residents.importFile(part.getSubmittedFileName(), in.readAllBytes()));
            }
        } catch (IllegalStateException tooLarge) {
            throw KefuException.invalid("file", "import.file.too.large", Residents.MAX_FILE_BYTES / (1024 * 1024));
        } catch (IOException | ServletException e) {
            throw KefuException.invalid("file", "import.file.malformed");
        }
    }

    @GET
    @Path("imports/{id}")
    @Allowed(Role.TENANT_ADMIN)
    public ImportJson progress(@PathParam("id") long id) {
        return json(residents.getImport(id));
    }

    /** The refused rows as CSV (UTF-8 with BOM), reasons in the caller's language. */
    @GET
    @Path("imports/{id}/report")
    @Produces(Csv.MEDIA_TYPE)
    @Allowed(Role.TENANT_ADMIN)
    public Response report(@PathParam("id") long id) {
        ResidentImport run = residents.getImport(id);
        return Response.ok(report(run, locale()), Csv.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"residents-import-" + id + "-errors.csv\"")
                .build();
    }

    private static byte[] report(ResidentImport run, Locale locale) {
        return run.reportCsv(List.of(Messages.get(locale, "residents.report.row"),
                Messages.get(locale, "residents.report.field"), Messages.get(locale, "residents.report.reason")),
                r -> reason(r, locale));
    }

    static String reason(ResidentList.Rejection r, Locale locale) {
        return Messages.get(locale, r.messageKey(), r.arguments().toArray());
    }

    private ImportJson json(ResidentImport run) {
        Locale locale = locale();
        List<RejectionJson> rejected = run.rejections().stream()
                .map(r -> new RejectionJson(r.row(), r.field(), r.messageKey(), reason(r, locale))).toList();
        return new ImportJson(run.id(), run.status().name(), run.percent(), run.totalRows(), run.imported(),
                run.rejected(), rejected, "/api/v1/tenants/" + tenant.get().slug().value() + "/residents/imports/"
                + run.id() + "/report", run.failure().map(key -> Messages.get(locale, key)).orElse(null));
    }

    private Locale locale() {
        return Languages.fromAcceptLanguage(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE))
                .orElse(tenant.get().defaultLocale());
    }
}
