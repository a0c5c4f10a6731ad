package io.kefu.portal.survey;

import io.kefu.portal.api.Public;
import io.kefu.portal.api.PublicLimits;
import io.kefu.portal.i18n.Languages;
import io.kefu.survey.boundary.SurveyResponses;
import io.kefu.survey.entity.AnswerInput;
import io.kefu.survey.entity.Invitation;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.problem.KefuException;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The resident's survey through its signed link: read the questions, answer once. No account needed; the
 * link is the key. Rate-limited per address like tracking. A link that is malformed, tampered with or of
 * another tenant answers 404, an expired one 410, an answered one 409.
 */
@Path("v1/tenants/{tenant}/surveys/responses/{token}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "surveys")
@Public
public class SurveyResponsesResource {

    @Inject
    SurveyResponses responses;

    @Inject
    PublicLimits limits;

    @Inject
    CurrentTenant tenant;

    @Context
    HttpServletRequest request;

    @Context
    HttpHeaders headers;

    @GET
    public SurveyJson.PublicSurveyJson get(@PathParam("token") String token) {
        limits.check(PublicLimits.Use.TRACKING, request);
        Invitation invitation = responses.open(token);
        Locale locale = Languages.fromAcceptLanguage(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE))
                .orElse(tenant.get().defaultLocale());
        return new SurveyJson.PublicSurveyJson(invitation.template().name().in(locale),
                invitation.complaint().number().toString(),
                invitation.expiresAt().atZone(tenant.get().zone()).toOffsetDateTime().toString(),
                invitation.template().questions().stream()
                        .map(q -> SurveyJson.PublicQuestionJson.of(q, locale)).toList());
    }

    /** {@code {answers: [{position, score | choices | text}]}}: every answer checked, all stored or none. */
    @POST
    public Response answer(@PathParam("token") String token, SurveyJson.AnswersJson body) {
        limits.check(PublicLimits.Use.TRACKING, request);
        if (body == null || body.answers() == null) {
            throw KefuException.invalid("answers", "field.required");
        }
        List<AnswerInput> answers = body.answers().stream().map(a -> a == null ? null
                : new AnswerInput(a.position() == null ? 0 : a.position(), a.score(), a.choices(), a.text()))
                .toList();
        responses.submit(token, answers);
        return Response.status(201).entity(Map.of("received", true)).build();
    }
}
