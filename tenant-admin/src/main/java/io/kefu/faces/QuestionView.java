package io.kefu.faces;

import io.kefu.problem.KefuException;
import io.kefu.survey.entity.AnswerInput;
import io.kefu.survey.entity.LocalizedText;
import io.kefu.survey.entity.QuestionDraft;
import io.kefu.survey.entity.Question;
import io.kefu.survey.entity.QuestionKind;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * A survey question as a form shows it, in one language, with the answer bound to it: what the
 * {@code k:surveyQuestions} tag renders on the resident's survey page, in the admin's preview and in the staff's
 * callback dialog. Holds its own error, so each question shows what is wrong with its answer.
 */
public class QuestionView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** An option of a choice question or a point of a scale: the value sent and the label shown. */
    public record Choice(int value, String label) implements Serializable {
    }

    private final int position;
    private final QuestionKind kind;
    private final boolean required;
    private final String text;
    private final List<Choice> choices;
    private Integer score;
    private Integer choice;
    private Integer[] selected = new Integer[0];
    private String answerText;
    private String error;

    public QuestionView(Question question, Locale locale) {
        this(question.position(), question.draft(), locale);
    }

    /** A question not stored yet, as the admin's preview shows the one being written. */
    public QuestionView(int position, QuestionDraft draft, Locale locale) {
        this.position = position;
        this.kind = draft.kind() == null ? QuestionKind.TEXT : draft.kind();
        this.required = draft.required();
        this.text = new LocalizedText(draft.textZh(), draft.textEn()).in(locale);
        List<Choice> list = new ArrayList<>();
        if (kind.isScored()) {
            IntStream.rangeClosed(kind.min(), kind.max()).forEach(v -> list.add(new Choice(v, String.valueOf(v))));
        } else if (kind.hasOptions()) {
            var options = draft.options();
            for (int i = 0; i < options.size(); i++) {
                list.add(new Choice(i, options.get(i).in(locale)));
            }
        }
        this.choices = List.copyOf(list);
    }

    public static List<QuestionView> of(List<Question> questions, Locale locale) {
        return questions.stream().map(q -> new QuestionView(q, locale)).toList();
    }

    /** The answer as given, for the survey boundaries. */
    public AnswerInput answer() {
        return new AnswerInput(position, score, switch (kind) {
            case SINGLE -> choice == null ? List.of() : List.of(choice);
            case MULTIPLE -> selected == null ? List.of() : Arrays.asList(selected);
            default -> List.of();
        }, answerText);
    }

    /** Puts each failure of {@code q{position}} on its question; true when every failure found a question. */
    public static boolean showErrors(List<QuestionView> questions, KefuException failure,
            java.util.function.BiFunction<String, Object[], String> text) {
        questions.forEach(q -> q.error = null);
        boolean all = true;
        for (KefuException one : failure.fieldFailures()) {
            String field = one.field();
            QuestionView target = questions.stream().filter(q -> ("q" + q.position).equals(field)).findFirst()
                    .orElse(null);
            if (target == null) {
                all = false;
            } else {
                target.error = text.apply(one.messageKey(), one.arguments());
            }
        }
        return all && !failure.fieldFailures().isEmpty();
    }

    public int getPosition() {
        return position;
    }

    public String getKind() {
        return kind.name();
    }

    public boolean isScale() {
        return kind.isScored();
    }

    public boolean isRequired() {
        return required;
    }

    public String getText() {
        return text;
    }

    public List<Choice> getChoices() {
        return choices;
    }

    public Integer getScore() {
        return score;
    }

    public void setScore(Integer score) {
        this.score = score;
    }

    public Integer getChoice() {
        return choice;
    }

    public void setChoice(Integer choice) {
        this.choice = choice;
    }

    public Integer[] getSelected() {
        return selected;
    }

    public void setSelected(Integer[] selected) {
        this.selected = selected;
    }

    public String getAnswerText() {
        return answerText;
    }

    public void setAnswerText(String answerText) {
        this.answerText = answerText;
    }

    public String getError() {
        return error;
    }
}
