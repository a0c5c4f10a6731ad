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
    private final transient List<KefuException> fieldFailures;

    /**
     * A failure of the whole request. With a single {@code String} argument Java picks the field constructor
     * below instead: pass such an argument as {@code (Object) value}.
     */
    public KefuException(Failure failure, String messageKey, Object... arguments) {
        this(failure, null, messageKey, arguments);
    }

    /** A failure that belongs to one input field, so forms and problem documents can point at it. */
    public KefuException(Failure failure, String field, String messageKey, Object... arguments) {
        super(messageKey + (field == null ? "" : " [" + field + "]") + " " + shown(arguments));
        this.failure = failure;
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = shown(arguments);
        this.fieldFailures = field == null ? List.of() : List.of(this);
    }

    /** Several input fields at fault at once, so a form shows every error in one round. */
    private KefuException(List<KefuException> fieldFailures) {
        super("request.invalid " + fieldFailures.stream().map(Throwable::getMessage).toList());
        this.failure = Failure.INVALID;
        this.field = null;
        this.messageKey = "request.invalid";
        this.arguments = List.of();
        this.fieldFailures = List.copyOf(fieldFailures);
    }

    /**
     * Runs every check and throws one failure naming every field that broke a rule (or the single failure when
     * only one did). A failure that is not about a field is thrown at once.
     */
    public static void checkAll(Runnable... checks) {
        List<KefuException> failures = new java.util.ArrayList<>();
        for (Runnable check : checks) {
            try {
                check.run();
            } catch (KefuException e) {
                if (e.failure != Failure.INVALID || e.fieldFailures.isEmpty()) {
                    throw e;
                }
                failures.addAll(e.fieldFailures);
            }
        }
        if (failures.size() == 1) {
            throw failures.get(0);
        }
        if (!failures.isEmpty()) {
            throw new KefuException(failures);
        }
    }

    /**
     * The arguments as a message shows them. A missing value (e.g. the {@code null} a client sent where a code
     * belongs) is shown as nothing: refusing bad input must never fail itself.
     */
    private static List<Object> shown(Object[] arguments) {
        return arguments == null ? List.of()
                : java.util.Arrays.stream(arguments).map(a -> a == null ? (Object) "" : a).toList();
    }

    /** The failures of single input fields this carries: itself when it names one, each of several, or none. */
    public List<KefuException> fieldFailures() {
        return fieldFailures;
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
