package io.kefu.problem;

/**
 * The input rules every entity applies to what people type, in one place: values are stripped, blank means
 * absent, a required value must be present, and text has a maximum length. Failures name the field, so forms
 * and problem documents point at the input to correct.
 */
public final class Fields {

    private Fields() {
    }

    /** The value itself; an input error on {@code field} when it is missing. */
    public static <T> T required(T value, String field) {
        if (value == null) {
            throw KefuException.invalid(field, "field.required");
        }
        return value;
    }

    /** Stripped text, required, at most {@code max} characters. */
    public static String text(String value, String field, int max) {
        return required(optional(value, field, max), field);
    }

    /** Stripped text or {@code null} when blank; at most {@code max} characters. */
    public static String optional(String value, String field, int max) {
        String stripped = value == null || value.isBlank() ? null : value.strip();
        if (stripped != null && stripped.length() > max) {
            throw KefuException.invalid(field, "field.too.long", max);
        }
        return stripped;
    }

    /** A whole number from {@code min} to {@code max}; required. */
    public static int range(Integer value, String field, int min, int max) {
        if (value == null) {
            throw KefuException.invalid(field, "field.required");
        }
        if (value < min || value > max) {
            throw KefuException.invalid(field, "field.range", min, max);
        }
        return value;
    }
}
