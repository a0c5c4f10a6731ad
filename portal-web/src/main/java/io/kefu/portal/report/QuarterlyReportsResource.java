package io.kefu.portal.report;

import jakarta.json.spi.JsonProvider;
import io.kefu.export.PdfDocument;
import io.kefu.export.Xlsx;
import io.kefu.identity.entity.Role;
import io.kefu.portal.api.Allowed;
import io.kefu.portal.api.Downloads;
import io.kefu.portal.complaint.CallerActor;
import io.kefu.portal.complaint.Times;
import io.kefu.problem.KefuException;
import io.kefu.report.boundary.QuarterlyReports;
import io.kefu.report.entity.Quarter;
import io.kefu.report.entity.QuarterlyReport;
import io.kefu.tenancy.control.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The quarterly complaint analysis reports (用户投诉分析报告), by quarter ({@code 2026-Q3}): supervisors read them,
 * write the analysis of each main cause and submit; the general manager (or, with none named, the manager; never the
 * one who submitted) approves, which publishes the report as it stands. A correction of a published report is a new
 * revision with its reason, as the monthly table's; every revision stays readable as JSON, PDF and Excel, by its
 * number. A revision number that is not one of the quarter's is 404. Definitions: docs/REPORTS.md.
 */
@Path("v1/tenants/{tenant}/reports/quarterly")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reports")
@SecurityRequirement(name = "basic")
public class QuarterlyReportsResource {

    /** Looked up once: {@code Json.createXxx} asks the ServiceLoader every time (see JsonBody). */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** The supervisor's analysis of one cause: the cause's key as the report lists it, and the text. */
    public record AnalysisInput(String cause, String text) {
    }

    /** The body of a correction: why the published report is corrected. */
    public record RevisionInput(String reason) {
    }

    @Inject
    QuarterlyReports reports;

    @Inject
    QuarterlyDocuments documents;

    @Inject
    CallerActor caller;

    @Inject
    CurrentTenant tenant;

    @Context
    HttpHeaders headers;

    @GET
    @Allowed(Role.SUPERVISOR)
    @Operation(summary = "The quarterly reports written so far (draft, submitted or published), latest first")
    public List<Map<String, Object>> list() {
        return reports.all().stream().map(this::summary).toList();
    }

    @GET
    @Path("{quarter}")
    @Allowed(Role.SUPERVISOR)
    @Operation(summary = "A quarter's complaint analysis (quarter as 2026-Q3)", description = "Figures of the quarter, "
            + "the previous quarter and the same quarter last year (as /reports/figures has them, breakdowns also by "
            + "RESPONSIBLE_DEPARTMENT and BUILDING); main causes (top categories, recurring in a unit or for a "
            + "resident, buildings where a category keeps coming back) with case numbers and analysis; this "
            + "quarter's corrective actions; last quarter's actions with doneOnTime and causeRecurred. A published "
            + "report answers its snapshot as approved. A malformed quarter is 422 (like a malformed month), one not "
            + "begun 404.")
    public JsonObject get(@PathParam("quarter") String quarter) {
        Quarter q = Quarter.parse(quarter);
        return withRevisions(q, documents.of(q));
    }

    @GET
    @Path("{quarter}/revisions")
    @Allowed(Role.SUPERVISOR)
    @Operation(summary = "The quarter's revisions (status, reason, who prepared and approved them), the latest first")
    public List<Map<String, Object>> revisions(@PathParam("quarter") String quarter) {
        Quarter q = reports.begun(Quarter.parse(quarter));
        return reports.revisions(q).stream().map(this::summary).toList();
    }

    @GET
    @Path("{quarter}/revisions/{revision}")
    @Allowed(Role.SUPERVISOR)
    @Operation(summary = "One revision of the quarter's report; an earlier revision answers its snapshot as approved",
            description = "The document as GET /reports/quarterly/{quarter} has it, of this revision. A revision the "
                    + "quarter does not have is 404.")
    public JsonObject revision(@PathParam("quarter") String quarter, @PathParam("revision") String revision) {
        QuarterlyReport report = revisionOf(quarter, revision);
        return withRevisions(report.quarter(), documents.of(report));
    }

    @POST
    @Path("{quarter}/revisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Role.SUPERVISOR)
    @Operation(summary = "Corrects the published report: a new revision (a draft) with the reason; the old is kept",
            description = "Body {reason} (required, at most 1000 characters: 422 naming reason). The analysis of "
                    + "each cause is carried over into the new draft; the quarter's actions are the quarter's and "
                    + "stay. 409 when the latest revision is not published. 201 with the new revision's document.")
    public Response revise(@PathParam("quarter") String quarter, RevisionInput input) {
        Quarter q = Quarter.parse(quarter);
        QuarterlyReport next = reports.revise(q, caller.get(), input == null ? null : input.reason());
        return Response.status(201).entity(withRevisions(q, documents.of(next))).build();
    }

    @PUT
    @Path("{quarter}/analysis")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Role.SUPERVISOR)
    @Operation(summary = "Write the analysis of one main cause ({cause, text}) while the report is a draft",
            description = "An unknown cause is 422; a report submitted or published is 409.")
    public JsonObject analyse(@PathParam("quarter") String quarter, AnalysisInput input) {
        Quarter q = Quarter.parse(quarter);
        AnalysisInput in = input == null ? new AnalysisInput(null, null) : input;
        reports.analyse(q, in.cause(), in.text(), caller.get());
        return documents.of(q);
    }

    @POST
    @Path("{quarter}/submit")
    @Allowed(Role.SUPERVISOR)
    @Operation(summary = "Submit the draft for the general manager's approval")
    public Map<String, Object> submit(@PathParam("quarter") String quarter) {
        return summary(reports.submit(Quarter.parse(quarter), caller.get()));
    }

    @POST
    @Path("{quarter}/send-back")
    @Allowed(Role.SUPERVISOR)
    @Operation(summary = "The general manager sends a submitted report back to draft")
    public Map<String, Object> sendBack(@PathParam("quarter") String quarter) {
        return summary(reports.sendBack(Quarter.parse(quarter), caller.get()));
    }

    @POST
    @Path("{quarter}/approve")
    @Allowed(Role.SUPERVISOR)
    @Operation(summary = "The general manager approves the submitted report: it is published and no longer changes",
            description = "Only the general manager named in the office settings (none named: the manager) may; "
                    + "others get 403. A report not submitted is 409, and so is the approval of one's own "
                    + "submission.")
    public Map<String, Object> approve(@PathParam("quarter") String quarter) {
        return summary(documents.approve(Quarter.parse(quarter), caller.get()));
    }

    @GET
    @Path("{quarter}/pdf")
    @Produces({PdfDocument.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Allowed(Role.SUPERVISOR)
    @Operation(summary = "The report as an A4 PDF on the tenant's letterhead, in the caller's language (the latest "
            + "revision, or ?revision=n)")
    public Response pdf(@PathParam("quarter") String quarter, @QueryParam("revision") String revision) {
        Quarter q = Quarter.parse(quarter);
        return download(documents.pdf(document(q, revision), locale()), PdfDocument.MEDIA_TYPE, q, revision, "pdf");
    }

    @GET
    @Path("{quarter}/xlsx")
    @Produces({Xlsx.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Allowed(Role.SUPERVISOR)
    @Operation(summary = "The report as a workbook, a sheet per section, in the caller's language (the latest "
            + "revision, or ?revision=n)")
    public Response xlsx(@PathParam("quarter") String quarter, @QueryParam("revision") String revision) {
        Quarter q = Quarter.parse(quarter);
        return download(documents.xlsx(document(q, revision), locale()), Xlsx.MEDIA_TYPE, q, revision, "xlsx");
    }

    /** The latest revision's document, or the one asked for. */
    private JsonObject document(Quarter quarter, String revision) {
        return revision == null ? documents.of(quarter) : documents.of(revisionOf(quarter.toString(), revision));
    }

    /** A revision in the path or the query: its number; anything else names no revision (404). */
    private QuarterlyReport revisionOf(String quarter, String revision) {
        Quarter q = Quarter.parse(quarter);
        if (revision == null || !revision.strip().matches("\\d{1,4}")) {
            throw KefuException.notFound("report.quarterly.revision.notFound", q.toString(), String.valueOf(revision));
        }
        return reports.revision(q, Integer.parseInt(revision.strip()));
    }

    /** The document with the quarter's revisions beside it, as the monthly table's answer has them. */
    private JsonObject withRevisions(Quarter quarter, JsonObject document) {
        return JSON.createObjectBuilder(document).add("revisions", JSON.createArrayBuilder(reports.revisions(quarter)
                .stream().map(this::summary).toList())).build();
    }

    private Map<String, Object> summary(QuarterlyReport r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("quarter", r.quarter().toString());
        body.put("revision", r.revision());
        body.put("status", r.status().name());
        body.put("reason", r.reason());
        body.put("createdAt", Times.iso(r.createdAt(), tenant.get().zone()));
        body.put("preparedBy", r.preparedBy());
        body.put("submittedAt", r.submittedAt() == null ? null : Times.iso(r.submittedAt().toInstant(),
                tenant.get().zone()));
        body.put("approvedBy", r.approvedBy());
        body.put("approvedAt", r.approvedAt() == null ? null : Times.iso(r.approvedAt().toInstant(),
                tenant.get().zone()));
        body.put("version", r.version());
        return body;
    }

    private java.util.Locale locale() {
        return documents.locale(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    private static Response download(byte[] content, String type, Quarter quarter, String revision,
            String extension) {
        String name = "complaint-analysis-" + quarter + (revision == null ? "" : "-r" + revision.strip());
        return Response.ok(content, type).header("Content-Disposition", Downloads.disposition("attachment",
                name + "." + extension)).build();
    }
}
