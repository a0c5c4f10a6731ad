package io.kefu.survey.entity;

import io.kefu.problem.KefuException;
import io.kefu.tenancy.entity.TenantOwned;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One question of a template version, at its position. It knows which answers it takes: a score in its
 * kind's range, one or several of its options, or text; and whether it may be left out.
 */
@Entity
@Table(name = "survey_question")
public class Question extends TenantOwned {

    public static final int MAX_OPTIONS = 20;
    public static final int OPTION_MAXLENGTH = 100;
    public static final int TEXT_ANSWER_MAXLENGTH = 2_000;
    private static final String OPTION_LINE = "\n";
    private static final String LANGUAGE_SEPARATOR = "\t";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "template_id", nullable = false, updatable = false)
    private SurveyTemplate template;

    @Column(name = "position", nullable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 16)
    private QuestionKind kind;

    @Column(name = "required", nullable = false)
    private boolean required;

    @Column(name = "text_zh", nullable = false, length = LocalizedText.MAX_LENGTH)
    private String textZh;

    @Column(name = "text_en", nullable = false, length = LocalizedText.MAX_LENGTH)
    private String textEn;

    @Column(name = "options", length = 8_000)
    private String options;

    protected Question() {
        // for JPA
    }

    /** Checks a draft; failures name the field {@code questions[position].textZh} and so on. */
    Question(SurveyTemplate template, int position, QuestionDraft draft) {
        String field = "questions[" + position + "].";
        this.template = template;
        this.position = position;
        List<LocalizedText> choices = new ArrayList<>();
        LocalizedText[] text = new LocalizedText[1];
        KefuException.checkAll(
                () -> kind = io.kefu.problem.Fields.required(draft.kind(), field + "kind"),
                () -> text[0] = LocalizedText.of(draft.textZh(), draft.textEn(), field + "text",
                        LocalizedText.MAX_LENGTH),
                () -> {
                    for (LocalizedText option : draft.options()) {
                        choices.add(LocalizedText.of(option.zh(), option.en(), field + "options",
                                OPTION_MAXLENGTH));
                    }
                });
        if (kind.hasOptions() && (choices.size() < 2 || choices.size() > MAX_OPTIONS)) {
            throw KefuException.invalid(field + "options", "survey.options.count", 2, MAX_OPTIONS);
        }
        this.required = draft.required();
        this.textZh = text[0].zh();
        this.textEn = text[0].en();
        this.options = kind.hasOptions() ? String.join(OPTION_LINE, choices.stream()
                .map(o -> o.zh() + LANGUAGE_SEPARATOR + o.en()).toList()) : null;
    }

    /** Takes the wording and rules of another question at the same position (an unanswered version's edit). */
    void copy(Question other) {
        this.kind = other.kind;
        this.required = other.required;
        this.textZh = other.textZh;
        this.textEn = other.textEn;
        this.options = other.options;
    }

    /**
     * The answers this input makes (none when a question that may be left out is left out; several for a
     * multiple choice), or an input error on the field {@code q{position}}.
     */
    List<Answer> answer(SurveyResponse response, AnswerInput input) {
        String field = "q" + position;
        boolean blank = input == null || switch (kind) {
            case RATING, NPS -> input.score() == null;
            case SINGLE, MULTIPLE -> input.choices().isEmpty();
            case TEXT -> input.text() == null || input.text().isBlank();
        };
        if (blank) {
            if (required) {
                throw KefuException.invalid(field, "survey.answer.required");
            }
            return List.of();
        }
        return switch (kind) {
            case RATING, NPS -> {
                if (input.score() < kind.min() || input.score() > kind.max()) {
                    throw KefuException.invalid(field, "survey.answer.range", kind.min(), kind.max());
                }
                yield List.of(new Answer(response, this, input.score(), null, null));
            }
            case SINGLE, MULTIPLE -> {
                Set<Integer> chosen = new LinkedHashSet<>(input.choices());
                if (kind == QuestionKind.SINGLE && chosen.size() != 1) {
                    throw KefuException.invalid(field, "survey.answer.one");
                }
                int count = options().size();
                if (chosen.stream().anyMatch(c -> c == null || c < 0 || c >= count)) {
                    throw KefuException.invalid(field, "survey.answer.option");
                }
                yield chosen.stream().sorted().map(c -> new Answer(response, this, null, c, null)).toList();
            }
            case TEXT -> List.of(new Answer(response, this, null, null,
                    io.kefu.problem.Fields.text(input.text(), field, TEXT_ANSWER_MAXLENGTH)));
        };
    }

    public QuestionDraft draft() {
        return new QuestionDraft(kind, required, textZh, textEn, options());
    }

    public List<LocalizedText> options() {
        if (options == null || options.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(options.split(OPTION_LINE)).map(line -> {
            String[] parts = line.split(LANGUAGE_SEPARATOR, 2);
            return new LocalizedText(parts[0], parts.length > 1 ? parts[1] : parts[0]);
        }).toList();
    }

    public String text(Locale locale) {
        return new LocalizedText(textZh, textEn).in(locale);
    }

    public Long id() {
        return id;
    }

    public int position() {
        return position;
    }

    public QuestionKind kind() {
        return kind;
    }

    public boolean required() {
        return required;
    }

    public String textZh() {
        return textZh;
    }

    public String textEn() {
        return textEn;
    }

    public SurveyTemplate template() {
        return template;
    }
}
