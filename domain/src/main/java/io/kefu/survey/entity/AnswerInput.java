package io.kefu.survey.entity;

import java.util.List;

/**
 * One answer as given, to the question at {@code position} (from 1): a score for rating and NPS questions,
 * option numbers (from 0) for choice questions, text for text questions. Fields the question does not use
 * are ignored.
 */
public record AnswerInput(int position, Integer score, List<Integer> choices, String text) {

    public AnswerInput {
        // A null option number is no choice at all (a 422 where an answer is required, never a 500).
        choices = choices == null ? List.of() : choices.stream().filter(java.util.Objects::nonNull).toList();
    }
}
