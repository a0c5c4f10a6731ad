package io.kefu.callback.entity;

import static io.kefu.problem.Fields.optional;
import static io.kefu.problem.Fields.required;

import io.kefu.problem.KefuException;
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
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;

/** One try at a callback, as recorded; never changed afterwards. */
@Entity
@Table(name = "callback_attempt")
public class CallbackAttempt extends TenantOwned {

    public static final int COMMENT_MAXLENGTH = 2_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "task_id", nullable = false, updatable = false)
    private CallbackTask task;

    @Column(name = "seq", nullable = false, updatable = false)
    private int seq;

    @Column(name = "attempted_at", nullable = false, updatable = false)
    private OffsetDateTime at;

    @Column(name = "attempted_by", nullable = false, updatable = false, length = 64)
    private String by;

    @Enumerated(EnumType.STRING)
    @Column(name = "method", nullable = false, updatable = false, length = 16)
    private CallbackMethod method;

    @Column(name = "reached", nullable = false, updatable = false)
    private boolean reached;

    @Enumerated(EnumType.STRING)
    @Column(name = "satisfaction", updatable = false, length = 24)
    private Satisfaction satisfaction;

    @Column(name = "score", updatable = false)
    private Integer score;

    @Column(name = "comment_text", updatable = false, length = COMMENT_MAXLENGTH)
    private String comment;

    /** The questionnaire filled in during the call, if any (a response of the survey feature). */
    @Column(name = "survey_response_id")
    private Long surveyResponseId;

    protected CallbackAttempt() {
        // for JPA
    }

    CallbackAttempt(CallbackTask task, int seq, String by, AttemptInput input, Clock clock) {
        this.task = task;
        this.seq = seq;
        this.by = by;
        this.at = Clocks.utcNow(clock);
        KefuException.checkAll(
                () -> method = required(input.method(), "method"),
                () -> reached = required(input.reached(), "reached"),
                () -> satisfaction = satisfaction(input),
                () -> score = score(input),
                () -> comment = comment(input));
    }

    /** Checks an attempt field by field, reporting every fault at once, without recording anything. */
    public static void check(AttemptInput input) {
        new CallbackAttempt(null, 0, "-", input, Clock.systemUTC());
    }

    private static Satisfaction satisfaction(AttemptInput input) {
        if (Boolean.TRUE.equals(input.reached())) {
            return required(input.satisfaction(), "satisfaction");
        }
        if (input.satisfaction() != null) {
            throw KefuException.invalid("satisfaction", "callback.satisfaction.unreached");
        }
        return null;
    }

    private static Integer score(AttemptInput input) {
        if (input.score() == null) {
            return null;
        }
        if (!Boolean.TRUE.equals(input.reached())) {
            throw KefuException.invalid("score", "callback.satisfaction.unreached");
        }
        if (input.score() < 1 || input.score() > 5) {
            throw KefuException.invalid("score", "callback.score.range");
        }
        return input.score();
    }

    private static String comment(AttemptInput input) {
        String text = optional(input.comment(), "comment", COMMENT_MAXLENGTH);
        if (text == null && input.satisfaction() == Satisfaction.NOT_SATISFIED) {
            // The owner reopens the case with it: "not satisfied" without a why helps nobody.
            throw KefuException.invalid("comment", "callback.comment.required");
        }
        return text;
    }

    /** Links the questionnaire answered during this call (a response of the survey feature). */
    public void attachSurveyResponse(Long responseId) {
        this.surveyResponseId = responseId;
    }

    /** A short line for the case's history. */
    public String summary() {
        return "#" + seq + " " + method + " " + (reached ? satisfaction : "UNREACHED")
                + (score == null ? "" : " " + score + "/5") + (comment == null ? "" : ": " + comment);
    }

    public Long id() {
        return id;
    }

    public int seq() {
        return seq;
    }

    public Instant at() {
        return at.toInstant();
    }

    public String by() {
        return by;
    }

    public CallbackMethod method() {
        return method;
    }

    public boolean reached() {
        return reached;
    }

    public Satisfaction satisfaction() {
        return satisfaction;
    }

    public Integer score() {
        return score;
    }

    public String comment() {
        return comment;
    }

    public Long surveyResponseId() {
        return surveyResponseId;
    }
}
