package io.kefu.portal.api;

/**
 * A request whose body cannot be read at all (not JSON, two documents, too deep, too large): a 400 or 413 with
 * the reason as a message key, before any field can be checked.
 */
public class UnreadableBody extends RuntimeException {

    private final int status;
    private final String messageKey;
    private final transient Object[] arguments;

    public UnreadableBody(int status, String messageKey, Object... arguments) {
        super(messageKey);
        this.status = status;
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public int status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
