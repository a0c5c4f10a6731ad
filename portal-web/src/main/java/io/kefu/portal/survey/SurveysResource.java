package io.kefu.portal.survey;

import io.kefu.export.Csv;
import io.kefu.export.PdfDocument;
import io.kefu.export.Xlsx;
import io.kefu.i18n.LocalizedName;
import io.kefu.identity.entity.Role;
import io.kefu.portal.api.Allowed;
import io.kefu.portal.api.NotFound;
import io.kefu.portal.api.Params;
import io.kefu.portal.i18n.Languages;
import io.kefu.portal.identity.Access;
import io.kefu.problem.KefuException;
import io.kefu.survey.boundary.SurveyResults;
import io.kefu.survey.boundary.SurveyRules;
import io.kefu.survey.boundary.SurveyTemplates;
import io.kefu.survey.entity.QuestionDraft;
import io.kefu.survey.entity.QuestionKind;
import io.kefu.survey.entity.SurveyTemplate;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.tenancy.entity.TenantRef;
import io.kefu.workspace.boundary.WorkspaceSetup;
import io.kefu.workspace.entity.Code;
import io.kefu.workspace.entity.TenantLogo;
import jakarta.inject.Inject;
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
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The survey configuration and results of the tenant in the path: templates and their versions (admins write,
 * staff read), the survey rules, and each version's results as JSON, CSV, Excel or PDF (supervisors and admins).
 */
@Path("v1/tenants/{tenant}/surveys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "surveys")
@SecurityRequirement(name = "basic")
public class SurveysResource {

    @Inject
    SurveyTemplates templates;

    @Inject
    SurveyRules rules;

    @Inject
    SurveyResults results;

    @Inject
    CurrentTenant tenant;

    @Inject
    WorkspaceSetup workspace;

    @Inject
    Access access;

    @Inject
    Clock clock;

    @Context
    HttpHeaders headers;

    @GET
    @Path("templates")
    @Allowed({Role.STAFF, Role.SUPERVISOR, Role.TENANT_ADMIN})
    public List<SurveyJson.TemplateJson> templates() {
        return templates.all().stream().map(this::json).toList();
    }

    @POST
    @Path("templates")
    @Allowed(Role.TENANT_ADMIN)
    public Response create(SurveyJson.TemplateJson in, @Context UriInfo uri) {
        SurveyJson.TemplateJson body = required(in);
        Code code;
        try {
            code = Code.typed(body.code());
        } catch (KefuException e) {
            throw KefuException.invalid("code", "code.invalid");
        }
        SurveyTemplate created = templates.create(code, name(body), drafts(body));
        return Response.created(uri.getAbsolutePathBuilder().path(created.code().value()).build())
                .entity(json(created)).build();
    }

    /** The newest version of a template. */
    @GET
    @Path("templates/{code}")
    @Allowed({Role.STAFF, Role.SUPERVISOR, Role.TENANT_ADMIN})
    public SurveyJson.TemplateJson template(@PathParam("code") @NotFound("survey.template.not.found") Code code) {
        return json(templates.latest(code));
    }

    @GET
    @Path("templates/{code}/versions")
    @Allowed({Role.STAFF, Role.SUPERVISOR, Role.TENANT_ADMIN})
    public List<SurveyJson.TemplateJson> versions(@PathParam("code") @NotFound("survey.template.not.found") Code code) {
        return templates.versions(code).stream().map(this::json).toList();
    }

    @GET
    @Path("templates/{code}/versions/{n}")
    @Allowed({Role.STAFF, Role.SUPERVISOR, Role.TENANT_ADMIN})
    public SurveyJson.TemplateJson version(
            @PathParam("code") @NotFound("survey.template.not.found") Code code, @PathParam("n") int versionNo) {
        return json(templates.version(code, versionNo));
    }

    /**
     * Changes a template ({@code version} as read from its newest version): in place while nobody answered
     * it, otherwise as a new unpublished version. Answers the version that holds the change.
     */
    @PUT
    @Path("templates/{code}")
    @Allowed(Role.TENANT_ADMIN)
    public SurveyJson.TemplateJson revise(
            @PathParam("code") @NotFound("survey.template.not.found") Code code, SurveyJson.TemplateJson in) {
        SurveyJson.TemplateJson body = required(in);
        if (body.version() == null) {
            throw KefuException.invalid("version", "field.required");
        }
        return json(templates.revise(code, name(body), drafts(body),
                body.version()));
    }

    @POST
    @Path("templates/{code}/versions/{n}/publish")
    @Allowed(Role.TENANT_ADMIN)
    public SurveyJson.TemplateJson publish(
            @PathParam("code") @NotFound("survey.template.not.found") Code code, @PathParam("n") int versionNo) {
        return json(templates.publish(code, versionNo));
    }

    @GET
    @Path("settings")
    @Allowed({Role.STAFF, Role.SUPERVISOR, Role.TENANT_ADMIN})
    public SurveyJson.SettingsJson settings() {
        return SurveyJson.SettingsJson.of(rules.settings());
    }

    @PUT
    @Path("settings")
    @Allowed(Role.TENANT_ADMIN)
    public SurveyJson.SettingsJson changeSettings(SurveyJson.SettingsJson in) {
        if (in == null || in.version() == null) {
            throw KefuException.invalid("version", "field.required");
        }
        return SurveyJson.SettingsJson.of(rules.update(in.postCasePercent(), in.delayHours(), in.validityDays(),
                in.postCaseTemplate(), in.callbackTemplate(), in.version()));
    }

    /** A version's results, broken down by {@code by}: DEPARTMENT (default), OWNER, CATEGORY or MONTH. */
    @GET
    @Path("templates/{code}/versions/{n}/results")
    @Allowed({Role.SUPERVISOR, Role.TENANT_ADMIN})
    public SurveyJson.ResultsJson results(
            @PathParam("code") @NotFound("survey.template.not.found") Code code, @PathParam("n") int versionNo,
            @QueryParam("by") String by) {
        SurveyTemplate template = templates.version(code, versionNo);
        SurveyResults.By dimension = by(by);
        SurveyResults.Summary summary = results.summary(template);
        Locale locale = locale();
        return new SurveyJson.ResultsJson(template.code().value(), template.versionNo(), summary.invitationsSent(),
                summary.responses(), summary.invitedResponses(), summary.responseRate(),
                summary.questions().stream().map(q -> SurveyJson.QuestionResultJson.of(q, locale)).toList(),
                dimension.name(), results.breakdown(template, dimension).stream().map(SurveyJson.GroupJson::of)
                        .toList());
    }

    @GET
    @Path("templates/{code}/versions/{n}/results.csv")
    @Produces(Csv.MEDIA_TYPE)
    @Allowed({Role.SUPERVISOR, Role.TENANT_ADMIN})
    public Response resultsCsv(
            @PathParam("code") @NotFound("survey.template.not.found") Code code, @PathParam("n") int versionNo) {
        SurveyTemplate template = templates.version(code, versionNo);
        return download(Csv.write(table(template)), Csv.MEDIA_TYPE, template, "csv");
    }

    @GET
    @Path("templates/{code}/versions/{n}/results.xlsx")
    @Produces(Xlsx.MEDIA_TYPE)
    @Allowed({Role.SUPERVISOR, Role.TENANT_ADMIN})
    public Response resultsXlsx(
            @PathParam("code") @NotFound("survey.template.not.found") Code code, @PathParam("n") int versionNo) {
        SurveyTemplate template = templates.version(code, versionNo);
        return download(Xlsx.write(template.code().value(), table(template)), Xlsx.MEDIA_TYPE, template, "xlsx");
    }

    /**
     * A version's results as a printable PDF summary on the tenant's letterhead (name and logo), in the caller's
     * language, signed by the caller with today's date in the tenant's zone.
     */
    @GET
    @Path("templates/{code}/versions/{n}/results.pdf")
    @Produces(PdfDocument.MEDIA_TYPE)
    @Allowed({Role.SUPERVISOR, Role.TENANT_ADMIN})
    public Response resultsPdf(
            @PathParam("code") @NotFound("survey.template.not.found") Code code, @PathParam("n") int versionNo) {
        SurveyTemplate template = templates.version(code, versionNo);
        Locale locale = locale();
        TenantRef current = tenant.get();
        byte[] pdf = ResultsPdf.render(results.summary(template), breakdowns(template), locale, current.name(locale),
                workspace.logo().map(TenantLogo::content).orElse(null),
                new ResultsPdf.Preparer(access.getDisplayName(), LocalDate.now(clock.withZone(current.zone()))));
        return download(pdf, PdfDocument.MEDIA_TYPE, template, "pdf");
    }

    private List<List<Object>> table(SurveyTemplate template) {
        return ResultsTable.rows(results.summary(template), breakdowns(template), locale());
    }

    private Map<SurveyResults.By, List<SurveyResults.Group>> breakdowns(SurveyTemplate template) {
        Map<SurveyResults.By, List<SurveyResults.Group>> breakdowns = new EnumMap<>(SurveyResults.By.class);
        for (SurveyResults.By by : SurveyResults.By.values()) {
            breakdowns.put(by, results.breakdown(template, by));
        }
        return breakdowns;
    }

    private static Response download(byte[] content, String type, SurveyTemplate template, String extension) {
        return Response.ok(content, type).header("Content-Disposition", "attachment; filename=\"survey-"
                + template.code().value() + "-v" + template.versionNo() + "." + extension + "\"").build();
    }

    private SurveyJson.TemplateJson json(SurveyTemplate t) {
        return SurveyJson.TemplateJson.of(t, templates.isAnswered(t), tenant.get().zone());
    }

    private static SurveyJson.TemplateJson required(SurveyJson.TemplateJson in) {
        if (in == null) {
            throw KefuException.invalid("questions", "field.required");
        }
        return in;
    }

    private static LocalizedName name(SurveyJson.TemplateJson in) {
        return new LocalizedName(in.nameZh(), in.nameEn());
    }

    private static List<QuestionDraft> drafts(SurveyJson.TemplateJson in) {
        List<QuestionDraft> drafts = new ArrayList<>();
        List<SurveyJson.QuestionJson> questions = in.questions() == null ? List.of() : in.questions();
        for (int i = 0; i < questions.size(); i++) {
            SurveyJson.QuestionJson q = questions.get(i);
            if (q == null) {
                throw KefuException.invalid("questions", "field.required");
            }
            // Named like the question's other fields: by its position, counted from 1.
            QuestionKind kind = Params.choice(QuestionKind.class, q.kind(), "questions[" + (i + 1) + "].kind");
            drafts.add(new QuestionDraft(kind, Boolean.TRUE.equals(q.required()), q.textZh(), q.textEn(),
                    SurveyJson.options(q.options())));
        }
        return drafts;
    }

    private static SurveyResults.By by(String by) {
        if (by == null || by.isBlank()) {
            return SurveyResults.By.DEPARTMENT;
        }
        return Arrays.stream(SurveyResults.By.values()).filter(b -> b.name().equalsIgnoreCase(by.strip()))
                .findFirst().orElseThrow(() -> KefuException.invalid("by", "field.choice.invalid", by));
    }


    private Locale locale() {
        return Languages.fromAcceptLanguage(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE))
                .orElse(tenant.get().defaultLocale());
    }
}
