package io.kefu.survey.entity;

import io.kefu.problem.KefuException;
import io.kefu.resident.entity.Grade;
import io.kefu.tenancy.entity.TenantOwned;
import io.kefu.time.Clocks;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * One customer invited to a campaign, as the register had them when it was planned: their unit and grade then, and a
 * personal key for their link (printed on the letter to the unit, or sent). Answered once: it is what the response
 * rate counts, so a second answer through it is refused, and a customer who later moves out of the segment stays
 * invited. For an anonymous campaign the invitation only knows that it was answered, not which response is theirs.
 */
@Entity
@Table(name = "survey_campaign_invitation")
@NamedQuery(name = CampaignInvitation.OF_CAMPAIGN, query = "SELECT i FROM CampaignInvitation i "
        + "WHERE i.campaign = :campaign ORDER BY i.unitLabel, i.id")
@NamedQuery(name = CampaignInvitation.BY_KEY, query = "SELECT i FROM CampaignInvitation i "
        + "WHERE i.campaign = :campaign AND i.key = :key")
@NamedQuery(name = CampaignInvitation.COUNTS, query = "SELECT COUNT(i), COUNT(i.answeredAt) "
        + "FROM CampaignInvitation i WHERE i.campaign = :campaign")
public class CampaignInvitation extends TenantOwned {

    public static final String OF_CAMPAIGN = "CampaignInvitation.ofCampaign";
    public static final String BY_KEY = "CampaignInvitation.byKey";
    public static final String COUNTS = "CampaignInvitation.counts";
    /** 128 random bits, URL-safe. */
    public static final int KEY_LENGTH = 22;
    public static final int UNIT_MAXLENGTH = 71;
    private static final Pattern KEY_FORMAT = Pattern.compile("^[A-Za-z0-9_-]{" + KEY_LENGTH + "}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "campaign_id", nullable = false, updatable = false)
    private Campaign campaign;

    @Column(name = "invite_key", nullable = false, updatable = false, length = KEY_LENGTH)
    private String key;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private Long customerId;

    @Column(name = "unit_label", nullable = false, updatable = false, length = UNIT_MAXLENGTH)
    private String unitLabel;

    @Enumerated(EnumType.STRING)
    @Column(name = "grade", updatable = false, length = 1)
    private Grade grade;

    @Column(name = "answered_at")
    private OffsetDateTime answeredAt;

    protected CampaignInvitation() {
        // for JPA
    }

    public CampaignInvitation(Campaign campaign, Long customerId, String unitLabel, Grade grade) {
        this.campaign = campaign;
        this.customerId = customerId;
        this.unitLabel = unitLabel.length() > UNIT_MAXLENGTH ? unitLabel.substring(0, UNIT_MAXLENGTH) : unitLabel;
        this.grade = grade;
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        this.key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Anything else cannot be an invitation's key and is not looked up. */
    public static boolean isKey(String text) {
        return text != null && KEY_FORMAT.matcher(text).matches();
    }

    /** The invited customer answers; once. */
    public void answer(Clock clock) {
        if (answeredAt != null) {
            throw KefuException.conflict("campaign.answered");
        }
        answeredAt = Clocks.utcNow(clock);
    }

    public String key() {
        return key;
    }

    public Long customerId() {
        return customerId;
    }

    public String unitLabel() {
        return unitLabel;
    }

    public Grade grade() {
        return grade;
    }

    public boolean isAnswered() {
        return answeredAt != null;
    }

    public Instant answeredAt() {
        return answeredAt == null ? null : answeredAt.toInstant();
    }
}
