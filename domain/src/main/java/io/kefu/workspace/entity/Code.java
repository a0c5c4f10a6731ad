package io.kefu.workspace.entity;

import io.kefu.problem.KefuException;
import java.io.Serializable;
import java.util.regex.Pattern;

/**
 * The stable, URL-safe key of a configuration item ({@code engineering}, {@code noise}), unique within a
 * tenant. Used in APIs instead of database ids. Serializable so that view-scoped page beans (kept in the
 * session, which may move between nodes) can hold one; read back through the constructor, so still checked.
 */
public record Code(String value) implements Serializable {

    public static final int MAX_LENGTH = 40;
    /** The format as a regular expression, also for the API document. */
    public static final String FORMAT_PATTERN = "^[a-z0-9][a-z0-9-]{0,39}$";
    private static final Pattern FORMAT = Pattern.compile(FORMAT_PATTERN);

    public Code {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw KefuException.invalid("code", "code.invalid");
        }
    }

    /** A code as a person typed it: surrounding spaces dropped, nothing typed is refused like a malformed code. */
    public static Code typed(String input) {
        return new Code(input == null ? "" : input.strip());
    }

    /**
     * A code from a URL: a malformed one names nothing, so it is {@code notFoundKey} (404) like a code that does
     * not exist, not a refused field.
     */
    public static Code inPath(String value, String notFoundKey) {
        try {
            return new Code(value);
        } catch (KefuException malformed) {
            throw KefuException.notFound(notFoundKey, value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
