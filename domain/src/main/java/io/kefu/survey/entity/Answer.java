package io.kefu.survey.entity;

import io.kefu.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One answer of a response: a score, one chosen option (a multiple choice makes one row per option), or text. */
@Entity
@Table(name = "survey_answer")
public class Answer extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "response_id", nullable = false, updatable = false)
    private SurveyResponse response;

    @ManyToOne(optional = false)
    @JoinColumn(name = "question_id", nullable = false, updatable = false)
    private Question question;

    @Column(name = "score", updatable = false)
    private Integer score;

    @Column(name = "choice", updatable = false)
    private Integer choice;

    @Column(name = "answer_text", updatable = false, length = Question.TEXT_ANSWER_MAXLENGTH)
    private String text;

    protected Answer() {
        // for JPA
    }

    Answer(SurveyResponse response, Question question, Integer score, Integer choice, String text) {
        this.response = response;
        this.question = question;
        this.score = score;
        this.choice = choice;
        this.text = text;
    }

    public Question question() {
        return question;
    }

    public Integer score() {
        return score;
    }

    public Integer choice() {
        return choice;
    }

    public String text() {
        return text;
    }
}
