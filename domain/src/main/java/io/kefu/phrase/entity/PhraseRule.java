package io.kefu.phrase.entity;

import static io.kefu.problem.Fields.optional;
import static io.kefu.problem.Fields.text;

import io.kefu.phrase.ForbiddenPhrases;
import io.kefu.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** One of a tenant's forbidden phrases (服务忌语) with the polite form to use instead. */
@Entity
@Table(name = "forbidden_phrase")
@NamedQuery(name = PhraseRule.ALL, query = "SELECT p FROM PhraseRule p ORDER BY p.id")
@NamedQuery(name = PhraseRule.BY_PHRASE, query = "SELECT p FROM PhraseRule p WHERE p.phrase = :phrase")
public class PhraseRule extends TenantOwned {

    public static final String ALL = "PhraseRule.all";
    public static final String BY_PHRASE = "PhraseRule.byPhrase";
    public static final int PHRASE_MAXLENGTH = 100;
    public static final int SUGGESTION_MAXLENGTH = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "phrase", nullable = false, updatable = false, length = PHRASE_MAXLENGTH)
    private String phrase;

    @Column(name = "suggestion", length = SUGGESTION_MAXLENGTH)
    private String suggestion;

    protected PhraseRule() {
        // for JPA
    }

    public PhraseRule(String phrase, String suggestion) {
        this.phrase = text(phrase, "phrase", PHRASE_MAXLENGTH);
        this.suggestion = optional(suggestion, "suggestion", SUGGESTION_MAXLENGTH);
    }

    public ForbiddenPhrases.Rule rule() {
        return new ForbiddenPhrases.Rule(phrase, suggestion);
    }

    public String phrase() {
        return phrase;
    }

    public String suggestion() {
        return suggestion;
    }
}
