package io.kefu.problem;

import java.util.List;

/**
 * A rule of the trade was broken. Carries a message key and its arguments rather than a sentence, so the
 * same failure reads in Chinese or English depending on who asked; {@link #getMessage()} is for logs only.
 */
public class KefuException extends RuntimeException {

    private final Failure failure;
    private final String messageKey;
    private final transient List<Object> arguments;
    private final String field;

    public KefuException(Failure failure, String messageKey, Object... arguments) {
        this(failure, null, messageKey, arguments);
    }

    /** A failure that belongs to one input field, so forms and problem documents can point at it. */
    public KefuException(Failure failure, String field, String messageKey, Object... arguments) {
        super(messageKey + (field == null ? "" : " [" + field + "]") + " " + List.of(arguments));
        this.failure = failure;
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public Failure failure() {
        return failure;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }

    /** The input field at fault, or {@code null} when the failure is about the whole request. */
    public String field() {
        return field;
    }

    public static KefuException notFound(String messageKey, Object... arguments) {
        return new KefuException(Failure.NOT_FOUND, messageKey, arguments);
    }

    public static KefuException conflict(String messageKey, Object... arguments) {
        return new KefuException(Failure.CONFLICT, messageKey, arguments);
    }

    public static KefuException invalid(String field, String messageKey, Object... arguments) {
        return new KefuException(Failure.INVALID, field, messageKey, arguments);
    }
}
