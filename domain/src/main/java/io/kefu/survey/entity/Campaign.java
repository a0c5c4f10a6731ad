package io.kefu.survey.entity;

import io.kefu.i18n.LocalizedName;
import io.kefu.problem.Failure;
import io.kefu.problem.Fields;
import io.kefu.problem.KefuException;
import io.kefu.tenancy.entity.TenantOwned;
import io.kefu.time.Clocks;
import io.kefu.workspace.entity.Code;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;

/**
 * A survey campaign (专题调查): one published questionnaire version put to a tenant's residents between two
 * dates, through one public link (printed as a QR code on notices). Anonymous campaigns take answers from
 * anybody with the link; the others only from signed-in residents, once each.
 *
 * <p>The {@link Segment segment} (buildings or areas, customer grades) decides who is invited: when the campaign is
 * planned, every customer on the register with an entry in the segment gets a {@link CampaignInvitation} with a
 * personal link. The response rate is the share of those invitations answered. The free-text {@link #note() note}
 * is what campaigns planned before segments applied kept as their segment; it is shown, never applied.
 */
@Entity
@Table(name = "survey_campaign")
@NamedQuery(name = Campaign.ALL, query = "SELECT c FROM Campaign c ORDER BY c.opensOn DESC, c.code")
@NamedQuery(name = Campaign.BY_CODE, query = "SELECT c FROM Campaign c WHERE c.code = :code")
@NamedQuery(name = Campaign.BY_KEY, query = "SELECT c FROM Campaign c WHERE c.linkKey = :key")
public class Campaign extends TenantOwned {

    public static final String ALL = "Campaign.all";
    public static final String BY_CODE = "Campaign.byCode";
    public static final String BY_KEY = "Campaign.byKey";
    public static final int SEGMENT_MAXLENGTH = 500;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "code", nullable = false, updatable = false, length = Code.MAX_LENGTH)
    private String code;

    @Embedded
    private LocalizedName name;

    @ManyToOne(optional = false)
    @JoinColumn(name = "template_id", nullable = false, updatable = false)
    private SurveyTemplate template;

    @Column(name = "opens_on", nullable = false)
    private LocalDate opensOn;

    @Column(name = "closes_on", nullable = false)
    private LocalDate closesOn;

    @Column(name = "anonymous", nullable = false, updatable = false)
    private boolean anonymous;

    @Column(name = "segment", length = SEGMENT_MAXLENGTH)
    private String note;

    @Column(name = "segment_buildings", updatable = false, length = Segment.BUILDINGS_MAXLENGTH)
    private String segmentBuildings;

    @Column(name = "segment_grades", updatable = false, length = 10)
    private String segmentGrades;

    /** The public link's key: 256 random bits, URL-safe. */
    @Column(name = "link_key", nullable = false, updatable = false, length = 43)
    private String linkKey;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Campaign() {
        // for JPA
    }

    /** Plans a campaign of a published version for {@code segment}; every field at fault reported at once. */
    public static Campaign plan(Code code, LocalizedName name, SurveyTemplate template, LocalDate opensOn,
            LocalDate closesOn, boolean anonymous, Segment segment, String note, Clock clock) {
        Campaign c = new Campaign();
        KefuException.checkAll(
                () -> c.name = Fields.required(name, "name"),
                () -> {
                    if (Fields.required(template, "template").publishedAt() == null) {
                        throw KefuException.invalid("template", "campaign.template.unpublished");
                    }
                    c.template = template;
                },
                () -> c.opensOn = Fields.required(opensOn, "opensOn"),
                () -> c.closesOn = Fields.required(closesOn, "closesOn"),
                () -> c.note = Fields.optional(note, "segment", SEGMENT_MAXLENGTH));
        c.segmentBuildings = segment.storedBuildings();
        c.segmentGrades = segment.storedGrades();
        if (c.closesOn.isBefore(c.opensOn)) {
            throw KefuException.invalid("closesOn", "campaign.dates");
        }
        c.code = code.value();
        c.anonymous = anonymous;
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        c.linkKey = Base64.getUrlEncoder().withoutPadding().encodeToString(key);
        c.createdAt = Clocks.utcNow(clock);
        return c;
    }

    /** Answers are taken from the opening day to the closing day, both included, in the tenant's calendar. */
    public void checkOpen(LocalDate today) {
        if (today.isBefore(opensOn)) {
            throw KefuException.conflict("campaign.not.open", opensOn);
        }
        if (today.isAfter(closesOn)) {
            throw new KefuException(Failure.GONE, "campaign.closed", closesOn);
        }
    }

    public boolean isOpen(LocalDate today) {
        return !today.isBefore(opensOn) && !today.isAfter(closesOn);
    }

    /** Ends the campaign early: the last day it takes answers is yesterday, or its opening day. */
    public void close(LocalDate today) {
        LocalDate last = today.minusDays(1);
        closesOn = last.isBefore(opensOn) ? opensOn : (last.isBefore(closesOn) ? last : closesOn);
    }

    public Long id() {
        return id;
    }

    public Code code() {
        return new Code(code);
    }

    public LocalizedName name() {
        return name;
    }

    public SurveyTemplate template() {
        return template;
    }

    public LocalDate opensOn() {
        return opensOn;
    }

    public LocalDate closesOn() {
        return closesOn;
    }

    public boolean anonymous() {
        return anonymous;
    }

    /** Who the campaign invites. */
    public Segment segment() {
        return Segment.stored(segmentBuildings, segmentGrades);
    }

    /** Free text about the audience, shown only (what campaigns planned before segments applied had). */
    public String note() {
        return note;
    }

    public String linkKey() {
        return linkKey;
    }

    public long version() {
        return version;
    }
}
