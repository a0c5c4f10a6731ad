package io.kefu.survey.entity;

import io.kefu.problem.Fields;
import java.util.Locale;

/** A question's or an option's wording in Chinese and English; both are required. */
public record LocalizedText(String zh, String en) {

    public static final int MAX_LENGTH = 300;

    /** Stripped and checked, the fields of failures named {@code field + "Zh"} and {@code field + "En"}. */
    public static LocalizedText of(String zh, String en, String field, int max) {
        String[] both = new String[2];
        io.kefu.problem.KefuException.checkAll(
                () -> both[0] = Fields.text(zh, field + "Zh", max),
                () -> both[1] = Fields.text(en, field + "En", max));
        if (both[0].contains("\t") || both[0].contains("\n") || both[1].contains("\t") || both[1].contains("\n")) {
            throw io.kefu.problem.KefuException.invalid(field + "Zh", "survey.text.oneLine");
        }
        return new LocalizedText(both[0], both[1]);
    }

    public String in(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? zh : en;
    }
}
