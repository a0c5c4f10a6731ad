package io.kefu.portal.report;

import io.kefu.export.PdfDocument;
import io.kefu.export.Xlsx;
import io.kefu.identity.entity.Role;
import io.kefu.portal.api.Allowed;
import io.kefu.portal.api.Downloads;
import io.kefu.portal.complaint.CallerActor;
import io.kefu.portal.i18n.Languages;
import io.kefu.problem.KefuException;
import io.kefu.report.boundary.MonthlyReports;
import io.kefu.report.entity.MonthlyReport;
import io.kefu.tenancy.control.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The monthly statistics tables (客诉案件统计表), supervisors only: the list, a month (its latest revision) and each
 * revision as JSON, PDF and Excel; generating a month's draft, judging responsibility per case in it, submitting,
 * the manager's sign-off, returning it to draft, and a correction as a new revision. A month is {@code yyyy-mm};
 * a month without a table, or not of this form, is 404. Definitions: docs/REPORTS.md "The monthly table".
 */
@Path("v1/tenants/{tenant}/reports/monthly")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "reports")
@SecurityRequirement(name = "basic")
public class MonthlyReportsResource {

    /** The body of the workflow steps: the version as read (optional), a reason, a department. */
    public record StepJson(Long version, String reason, String department) {
    }

    /** A case's responsible department as set; written with its nulls, as the map it was before. */
    @JsonbNillable
    public record AttributionJson(String number, String responsibleDepartment) {
    }

    @Inject
    MonthlyReports reports;

    @Inject
    MonthlyReportFiles files;

    @Inject
    CallerActor actor;

    @Inject
    CurrentTenant tenant;

    @Context
    HttpHeaders headers;

    @GET
    @Allowed(Role.SUPERVISOR)
    @Operation(summary = "Every monthly table and revision, the latest month and revision first")
    public List<MonthlyReportJson.Revision> list() {
        return reports.all().stream().map(r -> MonthlyReportJson.revision(r, tenant.get().zone())).toList();
    }

    @POST
    @Path("{month}")
    @Allowed(Role.SUPERVISOR)
    @Operation(summary = "Generates the month's draft when it has none (the job does so on the 1st)",
            description = "201 with the new draft, 200 with the month's latest revision when it has one; 422 for a "
                    + "month that is not over in the tenant's zone.")
    public Response generate(@PathParam("month") String month) {
        YearMonth asked = inPath(month);
        boolean existed = reports.find(asked).isPresent();
        MonthlyReport report = reports.generate(asked);
        return Response.status(existed ? 200 : 201).entity(withTable(report)).build();
    }

    @GET
    @Path("{month}")
    @Allowed(Role.SUPERVISOR)
    @Operation(summary = "The month's latest revision with its table",
            description = "A draft shows the cases as they are now; a submitted or published revision what was "
                    + "submitted. Rows, the summary by RESPONSIBLE, CATEGORY, SEVERITY, CHANNEL, and the totals.")
    public MonthlyReportJson.WithTable month(@PathParam("month") String month) {
        return withTable(reports.get(inPath(month)));
    }

    @GET
    @Path("{month}/revisions/{revision}")
    @Allowed(Role.SUPERVISOR)
    @Operation(summary = "One revision of the month with its table; earlier revisions stay readable")
    public MonthlyReportJson.WithTable revision(@PathParam("month") String month,
            @PathParam("revision") String revision) {
        return withTable(revisionOf(month, revision));
    }

    @GET
    @Path("{month}/table.pdf")
    @Produces(PdfDocument.MEDIA_TYPE)
    @Allowed(Role.SUPERVISOR)
    @Operation(summary = "The month's table as an A4 PDF (the latest revision, or ?revision=n)")
    public Response pdf(@PathParam("month") String month, @QueryParam("revision") String revision) {
        MonthlyReport report = revision == null ? reports.get(inPath(month)) : revisionOf(month, revision);
        return download(files.pdf(report, reports.table(report), locale()), PdfDocument.MEDIA_TYPE,
                MonthlyReportFiles.fileName(report, "pdf"));
    }

    @GET
    @Path("{month}/table.xlsx")
    @Produces(Xlsx.MEDIA_TYPE)
    @Allowed(Role.SUPERVISOR)
    @Operation(summary = "The month's table as an Excel workbook, a sheet per section (the latest revision, or "
            + "?revision=n)")
    public Response xlsx(@PathParam("month") String month, @QueryParam("revision") String revision) {
        MonthlyReport report = revision == null ? reports.get(inPath(month)) : revisionOf(month, revision);
        return download(files.xlsx(report, reports.table(report), locale()), Xlsx.MEDIA_TYPE,
                MonthlyReportFiles.fileName(report, "xlsx"));
    }

    @PUT
    @Path("{month}/attributions/{number}")
    @Allowed(Role.SUPERVISOR)
    @Operation(summary = "Sets the responsible department (职责归属) of a case of the month's draft",
            description = "Body {department}: a department code or _external (external / not attributable). 404 "
                    + "for a case not closed in the month, 409 when the table is not a draft, 422 for an unknown "
                    + "department.")
    public AttributionJson attribute(@PathParam("month") String month, @PathParam("number") String number,
            StepJson in) {
        reports.attribute(inPath(month), number, in == null ? null : in.department(), actor.get());
        return new AttributionJson(number, in == null ? null : in.department().strip());
    }

    @POST
    @Path("{month}/submit")
    @Allowed(Role.SUPERVISOR)
    @Operation(summary = "制表: submits the month's draft; its table is stored and fixed from now on",
            description = "Body {version} (optional, 409 when another change came first).")
    public MonthlyReportJson.WithTable submit(@PathParam("month") String month, StepJson in) {
        return withTable(reports.submit(inPath(month), actor.get(), in == null ? null : in.version()));
    }

    @POST
    @Path("{month}/sign-off")
    @Allowed(Role.SUPERVISOR)
    @Operation(summary = "阅签: the manager signs the submitted table off and it is published",
            description = "The office's named manager; without one any supervisor but the one who submitted. 409 "
                    + "for the one who submitted, 403 for another supervisor when a manager is named.")
    public MonthlyReportJson.WithTable signOff(@PathParam("month") String month, StepJson in) {
        return withTable(reports.signOff(inPath(month), actor.get(), in == null ? null : in.version()));
    }

    @POST
    @Path("{month}/return")
    @Allowed(Role.SUPERVISOR)
    @Operation(summary = "Returns the submitted table to draft (the manager, or the one who submitted)")
    public MonthlyReportJson.WithTable returnToDraft(@PathParam("month") String month, StepJson in) {
        return withTable(reports.returnToDraft(inPath(month), actor.get(), in == null ? null : in.version()));
    }

    @POST
    @Path("{month}/revisions")
    @Allowed(Role.SUPERVISOR)
    @Operation(summary = "Corrects the published table: a new revision (a draft) with the reason; the old is kept",
            description = "Body {reason} (required). 409 when the latest revision is not published.")
    public Response revise(@PathParam("month") String month, StepJson in) {
        MonthlyReport next = reports.revise(inPath(month), actor.get(), in == null ? null : in.reason());
        return Response.status(201).entity(withTable(next)).build();
    }

    private MonthlyReportJson.WithTable withTable(MonthlyReport report) {
        return MonthlyReportJson.withTable(report, reports.table(report), reports.revisions(report.month()),
                tenant.get().zone());
    }

    private MonthlyReport revisionOf(String month, String revision) {
        YearMonth asked = inPath(month);
        if (revision == null || !revision.strip().matches("\\d{1,4}")) {
            throw KefuException.notFound("report.monthly.revision.notFound", String.valueOf(month),
                    String.valueOf(revision));
        }
        return reports.revision(asked, Integer.parseInt(revision.strip()));
    }

    /** A month in the path: {@code yyyy-mm}; anything else names no table (404). */
    private static YearMonth inPath(String month) {
        try {
            return MonthlyReports.month(month, "month");
        } catch (KefuException malformed) {
            throw KefuException.notFound("report.monthly.notFound", String.valueOf(month));
        }
    }

    private Locale locale() {
        return Languages.fromAcceptLanguage(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE))
                .orElse(tenant.get().defaultLocale());
    }

    private static Response download(byte[] content, String type, String name) {
        return Response.ok(content, type).header("Content-Disposition", Downloads.disposition("attachment", name))
                .build();
    }
}
