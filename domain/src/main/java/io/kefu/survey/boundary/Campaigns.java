package io.kefu.survey.boundary;

import io.kefu.i18n.LocalizedName;
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
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import io.kefu.resident.entity.Resident;
import io.kefu.survey.entity.CampaignInvitation;
import io.kefu.survey.entity.Segment;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

/**
 * The current tenant's survey campaigns: plan one (inviting the register's customers in its segment), close it early,
 * read them with their response rate (invitations answered ÷ invitations), and take answers through the public link,
 * with or without a personal invitation.
 */
@ApplicationScoped
@Transactional
public class Campaigns {

    private static final Pattern KEY = Pattern.compile("^[A-Za-z0-9_-]{43}$");

    /**
     * A campaign with its figures: every response it got, how many customers it invited, how many of those answered,
     * and their share (null while nobody is invited). Answers without an invitation count in {@code responses} only.
     */
    public record Standing(Campaign campaign, long responses, long invited, long invitedAnswered, Double responseRate,
            boolean open) {
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
            boolean anonymous, Segment segment, String note) {
        if (!em.createNamedQuery(Campaign.BY_CODE, Campaign.class).setParameter("code", code.value())
                .getResultList().isEmpty()) {
            throw KefuException.invalid("code", "campaign.code.taken", code.value());
        }
        SurveyTemplate version = template == null ? null : templates.published(template)
                .orElseThrow(() -> KefuException.invalid("template", "campaign.template.unpublished"));
        Campaign campaign = Campaign.plan(code, name, version, opensOn, closesOn, anonymous, segment, note, clock);
        em.persist(campaign);
        Writes.flush(em);
        invite(campaign);
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
        values.put("buildings", c.segment().buildings());
        values.put("grades", c.segment().gradeNames());
        return AuditLog.describe(values);
    }

    /**
     * Invites every customer with an entry of the register in the campaign's segment, once each (an owner of two flats
     * in it gets one invitation, for the first). Erased records are nobody to invite.
     */
    private void invite(Campaign campaign) {
        Segment segment = campaign.segment();
        StringBuilder jpql = new StringBuilder("SELECT r FROM Resident r JOIN FETCH r.unit u JOIN FETCH r.customer c "
                + "WHERE c.erasedAt IS NULL");
        if (!segment.buildings().isEmpty()) {
            jpql.append(" AND LOWER(u.building) IN :buildings");
        }
        if (!segment.grades().isEmpty()) {
            jpql.append(" AND r.grade IN :grades");
        }
        jpql.append(" ORDER BY u.building, u.number, r.id");
        TypedQuery<Resident> query = em.createQuery(jpql.toString(), Resident.class);
        if (!segment.buildings().isEmpty()) {
            query.setParameter("buildings", segment.buildingKeys());
        }
        if (!segment.grades().isEmpty()) {
            query.setParameter("grades", List.copyOf(segment.grades()));
        }
        Set<Long> invited = new HashSet<>();
        for (Resident entry : query.getResultList()) {
            if (invited.add(entry.customer().id())) {
                em.persist(new CampaignInvitation(campaign, entry.customer().id(), entry.unit().label(),
                        entry.grade()));
            }
        }
        Writes.flush(em);
    }

    /** Who a campaign invited, by unit. */
    public List<CampaignInvitation> invitations(Campaign campaign) {
        return em.createNamedQuery(CampaignInvitation.OF_CAMPAIGN, CampaignInvitation.class)
                .setParameter("campaign", campaign).getResultList();
    }

    /** An invitation's personal link: the campaign's link with the invitation's key. */
    public String link(Campaign campaign, CampaignInvitation invitation) {
        return link(campaign) + "?i=" + invitation.key();
    }

    public Standing standing(Campaign campaign) {
        long responses = em.createQuery("SELECT COUNT(r) FROM SurveyResponse r WHERE r.campaign = :campaign",
                Long.class).setParameter("campaign", campaign).getSingleResult();
        Object[] counts = em.createNamedQuery(CampaignInvitation.COUNTS, Object[].class)
                .setParameter("campaign", campaign).getSingleResult();
        long invited = ((Number) counts[0]).longValue();
        long answered = ((Number) counts[1]).longValue();
        return new Standing(campaign, responses, invited, answered, Scores.rate(answered, invited),
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
     * ({@code resident}, once) otherwise; through a personal invitation ({@code invitationKey}, or null), which is
     * then answered and refuses a second answer. An invitation key the campaign did not give out is refused, so that
     * no answer is counted for somebody it was not meant for.
     */
    public void submit(String key, String invitationKey, String resident, List<AnswerInput> answers) {
        Campaign campaign = open(key);
        if (!campaign.anonymous() && resident == null) {
            throw new KefuException(Failure.FORBIDDEN, "campaign.login.required");
        }
        if (invitationKey != null && !invitationKey.isBlank()) {
            CampaignInvitation invitation = (CampaignInvitation.isKey(invitationKey.strip())
                    ? em.createNamedQuery(CampaignInvitation.BY_KEY, CampaignInvitation.class)
                            .setParameter("campaign", campaign).setParameter("key", invitationKey.strip())
                            .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst()
                    : Optional.<CampaignInvitation>empty())
                    .orElseThrow(() -> KefuException.notFound("campaign.invitation.invalid"));
            invitation.answer(clock);
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
