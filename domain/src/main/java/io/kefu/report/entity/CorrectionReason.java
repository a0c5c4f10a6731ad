package io.kefu.report.entity;

import io.kefu.problem.KefuException;

/**
 * Why a published report is corrected: the one rule for the reason of every correction, of a monthly table and of a
 * quarterly analysis alike — required, at most {@link #MAXLENGTH} characters, kept without surrounding white space.
 */
public final class CorrectionReason {

    public static final int MAXLENGTH = 1_000;

    private CorrectionReason() {
    }

    /** The reason as kept; 422 naming {@code reason} when it is blank or too long. */
    public static String checked(String why) {
        String text = why == null ? "" : why.strip();
        if (text.isEmpty()) {
            throw KefuException.invalid("reason", "field.required");
        }
        if (text.length() > MAXLENGTH) {
            throw KefuException.invalid("reason", "field.too.long", MAXLENGTH);
        }
        return text;
    }
}
