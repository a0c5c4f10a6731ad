package io.kefu.survey.entity;

import static io.kefu.problem.Fields.range;

import io.kefu.problem.KefuException;
import io.kefu.tenancy.entity.TenantOwned;
import io.kefu.workspace.entity.Code;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;

/**
 * A tenant's survey rules, as one row: which share of closed cases gets the post-case survey, how many hours
 * after closing it goes out, how many days its link is valid, and which templates follow a case and which the
 * callback uses. A tenant that never changed them works with {@link #defaults()}.
 *
 * <p>The default share is 100 %: the regulations aim at asking every customer (回访处理率达100%), and a
 * closed case is rare enough per resident that one short survey each does not tire them. Offices with many
 * repeat callers lower it; sampling is then decided by {@link #samples}, the same answer for the same case
 * on every node and every run.
 */
@Entity
@Table(name = "survey_settings")
@NamedQuery(name = SurveySettings.OF_TENANT, query = "SELECT s FROM SurveySettings s")
public class SurveySettings extends TenantOwned {

    public static final String OF_TENANT = "SurveySettings.ofTenant";
    public static final int MAX_DELAY_HOURS = 24 * 30;
    public static final int MAX_VALIDITY_DAYS = 365;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "post_case_percent", nullable = false)
    private int postCasePercent;

    @Column(name = "delay_hours", nullable = false)
    private int delayHours;

    @Column(name = "validity_days", nullable = false)
    private int validityDays;

    @Column(name = "post_case_template", length = Code.MAX_LENGTH)
    private String postCaseTemplate;

    @Column(name = "callback_template", length = Code.MAX_LENGTH)
    private String callbackTemplate;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected SurveySettings() {
        // for JPA
    }

    /** Every closed case asked, 24 hours after closing, the link valid 30 days; no templates chosen yet. */
    public static SurveySettings defaults() {
        SurveySettings settings = new SurveySettings();
        settings.postCasePercent = 100;
        settings.delayHours = 24;
        settings.validityDays = 30;
        return settings;
    }

    /** New rules, checked as a whole; template codes as given (the caller checks they exist). */
    public void change(Integer percent, Integer delay, Integer validity, Code postCase, Code callback) {
        KefuException.checkAll(
                () -> postCasePercent = range(percent, "postCasePercent", 0, 100),
                () -> delayHours = range(delay, "delayHours", 0, MAX_DELAY_HOURS),
                () -> validityDays = range(validity, "validityDays", 1, MAX_VALIDITY_DAYS));
        postCaseTemplate = postCase == null ? null : postCase.value();
        callbackTemplate = callback == null ? null : callback.value();
    }

    /**
     * Whether the case with this number gets the post-case survey: its bucket, from 0 to 99, is taken from a
     * SHA-256 hash of tenant and number, and the case is asked when the bucket is below the share. Even
     * across cases, the same for a case wherever and whenever it is decided.
     */
    public boolean samples(long tenantId, String caseNumber) {
        return bucket(tenantId, caseNumber) < postCasePercent;
    }

    static int bucket(long tenantId, String caseNumber) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((tenantId + ":" + caseNumber).getBytes(StandardCharsets.UTF_8));
            long value = ((hash[0] & 0xffL) << 24) | ((hash[1] & 0xffL) << 16) | ((hash[2] & 0xffL) << 8)
                    | (hash[3] & 0xffL);
            return (int) (value % 100);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public int postCasePercent() {
        return postCasePercent;
    }

    public Duration delay() {
        return Duration.ofHours(delayHours);
    }

    public int delayHours() {
        return delayHours;
    }

    public int validityDays() {
        return validityDays;
    }

    public Duration validity() {
        return Duration.ofDays(validityDays);
    }

    public String postCaseTemplate() {
        return postCaseTemplate;
    }

    public String callbackTemplate() {
        return callbackTemplate;
    }

    public long version() {
        return version;
    }
}
