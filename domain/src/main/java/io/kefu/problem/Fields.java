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

    /** Stripped text or {@code null} when blank; at most {@code max} characters, every one of them showable. */
    public static String optional(String value, String field, int max) {
        String stripped = value == null || value.isBlank() ? null : value.strip();
        if (stripped != null && stripped.length() > max) {
            throw KefuException.invalid(field, "field.too.long", max);
        }
        return stripped == null ? null : showable(stripped, field);
    }

    /**
     * The text itself when every character in it can be shown; an input error on {@code field} otherwise. Refused:
     * control characters other than tab and line breaks, halves of a UTF-16 pair without the other half (a
     * database stores them as "?"), noncharacters, and U+FFFD, the mark a decoder leaves where bytes were not
     * UTF-8. Stored, such text would show as something else than what was sent, or not at all.
     */
    public static String showable(String value, String field) {
        int at = firstUnshowable(value);
        if (at >= 0) {
            throw KefuException.invalid(field, "field.text.unshowable", at + 1);
        }
        return value;
    }

    /** The index of the first character that cannot be shown (see {@link #showable}), or -1. */
    public static int firstUnshowable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                int codePoint = value.codePointAt(i);
                if ((codePoint & 0xFFFE) == 0xFFFE) {
                    return i;
                }
                i++;
            } else if (Character.isSurrogate(c) || unshowable(c)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean unshowable(char c) {
        boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
        boolean noncharacter = (c >= 0xFDD0 && c <= 0xFDEF) || c == 0xFFFE || c == 0xFFFF;
        return control || noncharacter || c == 0xFFFD;
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
