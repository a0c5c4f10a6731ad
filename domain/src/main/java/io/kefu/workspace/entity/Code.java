package io.kefu.workspace.entity;

import io.kefu.problem.KefuException;
import java.util.regex.Pattern;

/**
 * The stable, URL-safe key of a configuration item ({@code engineering}, {@code noise}), unique within a
 * tenant. Used in APIs instead of database ids.
 */
public record Code(String value) {

    public static final int MAX_LENGTH = 40;
    private static final Pattern FORMAT = Pattern.compile("^[a-z0-9][a-z0-9-]{0,39}$");

    public Code {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw KefuException.invalid("code", "code.invalid");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
