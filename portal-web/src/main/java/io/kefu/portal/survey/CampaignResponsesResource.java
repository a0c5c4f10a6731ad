package io.kefu.portal.survey;

import io.kefu.identity.boundary.Caller;
import io.kefu.identity.entity.Role;
import io.kefu.portal.api.Public;
import io.kefu.portal.api.PublicLimits;
import io.kefu.portal.i18n.Languages;
import io.kefu.portal.identity.Access;
import io.kefu.problem.KefuException;
import io.kefu.survey.boundary.Campaigns;
import io.kefu.survey.entity.AnswerInput;
import io.kefu.survey.entity.Campaign;
import io.kefu.tenancy.control.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A campaign's questionnaire through its public link: read it, answer it (anybody for an anonymous campaign, a
 * signed-in resident of the tenant once otherwise), through a personal invitation ({@code ?invitation=key}, the
 * {@code i} of the invitation's link) when the customer has one: that answer counts in the response rate, once.
 * Rate-limited per address like tracking.
 */
@Path("v1/tenants/{tenant}/surveys/campaign-responses/{key}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "surveys")
@Public
public class CampaignResponsesResource {

    @Inject
    Campaigns campaigns;

    @Inject
    PublicLimits limits;

    @Inject
    CurrentTenant tenant;

    @Inject
    Access access;

    @Context
    HttpServletRequest request;

    @Context
    HttpHeaders headers;

    public record PublicCampaignJson(String title, String opensOn, String closesOn, boolean anonymous,
            List<SurveyJson.PublicQuestionJson> questions) {
    }

    @GET
    public PublicCampaignJson get(@PathParam("key") String key) {
        limits.check(PublicLimits.Use.TRACKING, request);
        Campaign campaign = campaigns.open(key);
        Locale locale = Languages.fromAcceptLanguage(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE))
                .orElse(tenant.get().defaultLocale());
        return new PublicCampaignJson(campaign.name().in(locale), campaign.opensOn().toString(),
                campaign.closesOn().toString(), campaign.anonymous(), campaign.template().questions().stream()
                        .map(q -> SurveyJson.PublicQuestionJson.of(q, locale)).toList());
    }

    @POST
    public Response answer(@PathParam("key") String key, @QueryParam("invitation") String invitation,
            SurveyJson.AnswersJson body) {
        limits.check(PublicLimits.Use.TRACKING, request);
        if (body == null || body.answers() == null) {
            throw KefuException.invalid("answers", "field.required");
        }
        List<AnswerInput> answers = body.answers().stream().map(a -> a == null ? null
                : new AnswerInput(a.position() == null ? 0 : a.position(), a.score(), a.choices(), a.text()))
                .toList();
        String resident = access.roles().contains(Role.RESIDENT) ? access.caller().map(Caller::username).orElse(null)
                : null;
        campaigns.submit(key, invitation, resident, answers);
        return Response.status(201).entity(Map.of("received", true)).build();
    }
}
