package io.kefu.resident.entity;

import java.util.Locale;
import java.util.Optional;

/** A customer grade (客户等级): A is the most valued; the tenant decides what each grade changes. */
public enum Grade {
    A, B, C;

    /** The grade a user typed ("a", " B "), or empty for anything else. */
    public static Optional<Grade> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip().toUpperCase(Locale.ROOT);
        for (Grade grade : values()) {
            if (grade.name().equals(value)) {
                return Optional.of(grade);
            }
        }
        return Optional.empty();
    }
}
