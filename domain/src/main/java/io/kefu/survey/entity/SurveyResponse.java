package io.kefu.survey.entity;

import io.kefu.complaint.entity.Complaint;
import io.kefu.tenancy.entity.TenantOwned;
import io.kefu.time.Clocks;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A filled-in questionnaire: the version it answers, how it came in, and the answers. It keeps what results
 * are broken down by — the case's department, owner and category, and the month it came in (in the tenant's
 * zone) — as they were when it was given, so results are one grouped query and do not change afterwards.
 */
@Entity
@Table(name = "survey_response")
public class SurveyResponse extends TenantOwned {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "template_id", nullable = false, updatable = false)
    private SurveyTemplate template;

    @ManyToOne
    @JoinColumn(name = "invitation_id", updatable = false)
    private Invitation invitation;

    @ManyToOne
    @JoinColumn(name = "complaint_id", updatable = false)
    private Complaint complaint;

    @ManyToOne
    @JoinColumn(name = "campaign_id", updatable = false)
    private Campaign campaign;

    /** The signed-in resident who answered a named campaign; null for anonymous and case surveys. */
    @Column(name = "respondent", updatable = false, length = 64)
    private String respondent;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false, updatable = false, length = 16)
    private ResponseChannel channel;

    @Column(name = "department_code", updatable = false, length = 40)
    private String departmentCode;

    @Column(name = "owner_username", updatable = false, length = 64)
    private String owner;

    @Column(name = "category_code", updatable = false, length = 40)
    private String categoryCode;

    @Column(name = "period", nullable = false, updatable = false, length = 7)
    private String period;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    private OffsetDateTime submittedAt;

    @Column(name = "submitted_by", updatable = false, length = 64)
    private String submittedBy;

    @OneToMany(mappedBy = "response", cascade = CascadeType.PERSIST)
    private List<Answer> answers = new ArrayList<>();

    protected SurveyResponse() {
        // for JPA
    }

    /**
     * A response about a case (after it closed, or on the callback), with every answer checked against the
     * version's questions at once: when any is at fault, nothing is made.
     */
    public static SurveyResponse about(Complaint complaint, Invitation invitation, SurveyTemplate template,
            ResponseChannel channel, String submittedBy, List<AnswerInput> inputs, ZoneId zone, Clock clock) {
        SurveyResponse response = new SurveyResponse();
        response.template = template;
        response.invitation = invitation;
        response.complaint = complaint;
        response.channel = channel;
        response.submittedBy = submittedBy;
        if (complaint != null) {
            response.departmentCode = complaint.departmentCode();
            response.owner = complaint.owner();
            response.categoryCode = complaint.categoryCode();
        }
        response.submittedAt = Clocks.utcNow(clock);
        response.period = MONTH.format(response.submittedAt.atZoneSameInstant(zone));
        response.answers.addAll(template.answers(response, inputs));
        return response;
    }

    /**
     * A response to a campaign, by a signed-in resident ({@code respondent}) or anonymously (null); every answer
     * checked against the campaign's version at once.
     */
    public static SurveyResponse toCampaign(Campaign campaign, String respondent, List<AnswerInput> inputs,
            ZoneId zone, Clock clock) {
        SurveyResponse response = new SurveyResponse();
        response.template = campaign.template();
        response.campaign = campaign;
        response.respondent = respondent;
        response.channel = ResponseChannel.CAMPAIGN;
        response.submittedAt = Clocks.utcNow(clock);
        response.period = MONTH.format(response.submittedAt.atZoneSameInstant(zone));
        response.answers.addAll(campaign.template().answers(response, inputs));
        return response;
    }

    public Long id() {
        return id;
    }

    public ResponseChannel channel() {
        return channel;
    }

    public String period() {
        return period;
    }

    public List<Answer> answers() {
        return List.copyOf(answers);
    }

    public SurveyTemplate template() {
        return template;
    }
}
