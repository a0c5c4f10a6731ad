package io.kefu.survey.boundary;

import io.kefu.i18n.LocalizedName;
import io.kefu.identity.entity.Role;
import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import io.kefu.problem.Writes;
import io.kefu.survey.control.Scores;
import io.kefu.survey.entity.AnswerInput;
import io.kefu.survey.entity.Campaign;
import io.kefu.survey.entity.SurveyResponse;
import io.kefu.survey.entity.SurveyTemplate;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.workspace.entity.Code;
import jakarta.enterprise.context.ApplicationScoped;
import io.kefu.audit.boundary.AuditLog;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The current tenant's survey campaigns: plan one, close it early, read them with their response rate
 * (responses ÷ the tenant's residents), and take answers through the public link.
 */
@ApplicationScoped
@Transactional
public class Campaigns {

    private static final Pattern KEY = Pattern.compile("^[A-Za-z0-9_-]{43}$");

    /** A campaign with its figures. */
    public record Standing(Campaign campaign, long responses, long residents, Double responseRate, boolean open) {
    }

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    SurveyTemplates templates;

    @Inject
    CurrentTenant tenant;

    @Inject
    Clock clock;

    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "kefu.public.url",
            defaultValue = "http://localhost:8080")
    String publicUrl;

    public List<Campaign> all() {
        return em.createNamedQuery(Campaign.ALL, Campaign.class).getResultList();
    }

    public Campaign get(Code code) {
        return em.createNamedQuery(Campaign.BY_CODE, Campaign.class).setParameter("code", code.value())
                .getResultStream().findFirst()
                .orElseThrow(() -> KefuException.notFound("campaign.not.found", code.value()));
    }

    /** Plans a campaign of a template's newest published version. */
    public Campaign plan(Code code, LocalizedName name, Code template, LocalDate opensOn, LocalDate closesOn,
            boolean anonymous, String segment) {
        if (!em.createNamedQuery(Campaign.BY_CODE, Campaign.class).setParameter("code", code.value())
                .getResultList().isEmpty()) {
            throw KefuException.invalid("code", "campaign.code.taken", code.value());
        }
        SurveyTemplate version = template == null ? null : templates.published(template)
                .orElseThrow(() -> KefuException.invalid("template", "campaign.template.unpublished"));
        Campaign campaign = Campaign.plan(code, name, version, opensOn, closesOn, anonymous, segment, clock);
        em.persist(campaign);
        Writes.flush(em);
        audit.record("settings.campaign.plan", code.value(), null, describe(campaign));
        return campaign;
    }

    public Campaign close(Code code) {
        Campaign campaign = get(code);
        String before = describe(campaign);
        campaign.close(today());
        Writes.flush(em);
        audit.record("settings.campaign.close", code.value(), before, describe(campaign));
        return campaign;
    }

    private static String describe(Campaign c) {
        java.util.Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", c.name().zh() + " / " + c.name().en());
        values.put("opensOn", c.opensOn());
        values.put("closesOn", c.closesOn());
        values.put("anonymous", c.anonymous());
        return AuditLog.describe(values);
    }

    public Standing standing(Campaign campaign) {
        long responses = em.createQuery("SELECT COUNT(r) FROM SurveyResponse r WHERE r.campaign = :campaign",
                Long.class).setParameter("campaign", campaign).getSingleResult();
        long residents = em.createQuery("SELECT COUNT(DISTINCT m.user) FROM Membership m WHERE m.tenantId = "
                + ":tenantId AND m.role = :role AND m.user.enabled = TRUE", Long.class)
                .setParameter("tenantId", tenant.get().id()).setParameter("role", Role.RESIDENT).getSingleResult();
        return new Standing(campaign, responses, residents, Scores.rate(responses, residents),
                campaign.isOpen(today()));
    }

    /** The campaign a public link names, whatever its dates; 404 for anything else (also another tenant's). */
    public Campaign byLink(String key) {
        Optional<Campaign> campaign = key == null || !KEY.matcher(key).matches() ? Optional.empty()
                : em.createNamedQuery(Campaign.BY_KEY, Campaign.class).setParameter("key", key).getResultStream()
                        .findFirst();
        return campaign.orElseThrow(() -> KefuException.notFound("campaign.link.invalid"));
    }

    /** The campaign a link names, while it takes answers (409 before it opens, 410 once closed). */
    public Campaign open(String key) {
        Campaign campaign = byLink(key);
        campaign.checkOpen(today());
        return campaign;
    }

    /**
     * Answers through a campaign's link: anybody's for an anonymous campaign, a signed-in resident's
     * ({@code resident}, once) otherwise.
     */
    public void submit(String key, String resident, List<AnswerInput> answers) {
        Campaign campaign = open(key);
        if (!campaign.anonymous() && resident == null) {
            throw new KefuException(Failure.FORBIDDEN, "campaign.login.required");
        }
        SurveyResponse response = SurveyResponse.toCampaign(campaign, campaign.anonymous() ? null : resident,
                answers, tenant.get().zone(), clock);
        em.persist(response);
        try {
            Writes.flush(em);
        } catch (KefuException e) {
            if (e.failure() == Failure.CONFLICT) {
                throw KefuException.conflict("campaign.answered");
            }
            throw e;
        }
    }

    /** The campaign's public address, as printed and as its QR code says. */
    public String link(Campaign campaign) {
        return publicUrl + "/t/" + tenant.get().slug().value() + "/survey/campaign/" + campaign.linkKey();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(tenant.get().zone()));
    }
}
