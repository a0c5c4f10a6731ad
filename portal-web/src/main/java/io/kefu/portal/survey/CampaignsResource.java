package io.kefu.portal.survey;

import io.kefu.i18n.LocalizedName;
import io.kefu.identity.entity.Role;
import io.kefu.portal.api.Allowed;
import io.kefu.portal.api.NotFound;
import io.kefu.problem.KefuException;
import io.kefu.survey.boundary.Campaigns;
import io.kefu.survey.entity.Campaign;
import io.kefu.survey.entity.Segment;
import io.kefu.workspace.entity.Code;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Survey campaigns of the tenant in the path (admins plan and close them, staff read them): each with its
 * public link, its QR code to print, its segment (buildings, grades) and its response rate (invitations answered ÷
 * customers of the segment invited); its invitations with their personal links (admins, to print or send).
 */
@Path("v1/tenants/{tenant}/surveys/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "surveys")
@SecurityRequirement(name = "basic")
public class CampaignsResource {

    @Inject
    Campaigns campaigns;

    /**
     * A campaign; as input: code, names, template (code), dates, anonymous, the segment ({@code buildings} as the
     * register names them, {@code grades} A/B/C; both empty: everybody on the register) and a free-text note
     * ({@code segment}, shown only). Answers add the link and the figures: every response, the customers invited,
     * those of them who answered, and the rate of the two.
     */
    public record CampaignJson(String code, String nameZh, String nameEn, String template, Integer versionNo,
            String opensOn, String closesOn, Boolean anonymous, List<String> buildings, List<String> grades,
            String segment, String link, Long responses, Long invited, Long invitedAnswered, Double responseRate,
            Boolean open) {
    }

    /** One customer invited: the unit and grade they were invited for, their personal link, whether answered. */
    public record InvitationJson(String unit, String grade, String link, boolean answered) {
    }

    @GET
    @Allowed({Role.STAFF, Role.SUPERVISOR, Role.TENANT_ADMIN})
    public List<CampaignJson> all() {
        return campaigns.all().stream().map(this::json).toList();
    }

    @GET
    @Path("{code}")
    @Allowed({Role.STAFF, Role.SUPERVISOR, Role.TENANT_ADMIN})
    public CampaignJson one(@PathParam("code") @NotFound("campaign.not.found") Code code) {
        return json(campaigns.get(code));
    }

    @POST
    @Allowed(Role.TENANT_ADMIN)
    public Response plan(CampaignJson in, @Context UriInfo uri) {
        if (in == null) {
            throw KefuException.invalid("code", "field.required");
        }
        Code code;
        try {
            code = Code.typed(in.code());
        } catch (KefuException e) {
            throw KefuException.invalid("code", "code.invalid");
        }
        Code template;
        try {
            template = in.template() == null ? null : new Code(in.template().strip());
        } catch (KefuException e) {
            throw KefuException.invalid("template", "campaign.template.unpublished");
        }
        Campaign planned = campaigns.plan(code, new LocalizedName(in.nameZh(), in.nameEn()), template,
                date(in.opensOn(), "opensOn"), date(in.closesOn(), "closesOn"), Boolean.TRUE.equals(in.anonymous()),
                Segment.of(in.buildings(), in.grades()), in.segment());
        return Response.created(uri.getAbsolutePathBuilder().path(planned.code().value()).build())
                .entity(json(planned)).build();
    }

    @POST
    @Path("{code}/close")
    @Allowed(Role.TENANT_ADMIN)
    public CampaignJson close(@PathParam("code") @NotFound("campaign.not.found") Code code) {
        return json(campaigns.close(code));
    }

    /** Who the campaign invited, by unit, with their personal links (the register's people: admins only). */
    @GET
    @Path("{code}/invitations")
    @Allowed(Role.TENANT_ADMIN)
    public List<InvitationJson> invitations(@PathParam("code") @NotFound("campaign.not.found") Code code) {
        Campaign campaign = campaigns.get(code);
        return campaigns.invitations(campaign).stream().map(i -> new InvitationJson(i.unitLabel(),
                i.grade() == null ? null : i.grade().name(), campaigns.link(campaign, i), i.isAnswered())).toList();
    }

    /** The public link as a QR code (PNG, 600 px), to print. */
    @GET
    @Path("{code}/qr.png")
    @Produces("image/png")
    @Allowed({Role.STAFF, Role.SUPERVISOR, Role.TENANT_ADMIN})
    public Response qr(@PathParam("code") @NotFound("campaign.not.found") Code code) {
        Campaign campaign = campaigns.get(code);
        return Response.ok(QrCodes.png(link(campaign), 600), "image/png")
                .header("Content-Disposition", "inline; filename=\"campaign-" + campaign.code().value() + ".png\"")
                .build();
    }

    private CampaignJson json(Campaign c) {
        Campaigns.Standing standing = campaigns.standing(c);
        return new CampaignJson(c.code().value(), c.name().zh(), c.name().en(), c.template().code().value(),
                c.template().versionNo(), c.opensOn().toString(), c.closesOn().toString(), c.anonymous(),
                c.segment().buildings(), c.segment().gradeNames(), c.note(), link(c), standing.responses(),
                standing.invited(), standing.invitedAnswered(), standing.responseRate(), standing.open());
    }

    private String link(Campaign campaign) {
        return campaigns.link(campaign);
    }

    private static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw KefuException.invalid(field, "field.date.invalid");
        }
    }

}
