package io.kefu.survey.entity;

import java.util.List;

/** A question as an admin writes it, before it belongs to a template version. */
public record QuestionDraft(QuestionKind kind, boolean required, String textZh, String textEn,
        List<LocalizedText> options) {

    public QuestionDraft {
        options = options == null ? List.of() : List.copyOf(options);
    }
}
