package io.kefu.portal.problem;

import jakarta.json.spi.JsonProvider;
import io.kefu.portal.i18n.Messages;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An RFC 9457 problem document. Titles and details are message keys resolved in the caller's language when
 * the document is written; {@code errors} lists field failures for validation problems.
 */
public final class Problem {

    /** Looked up once: {@code Json.createXxx} asks the ServiceLoader every time (see JsonBody). */
    private static final JsonProvider JSON = JsonProvider.provider();

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One failing input field. */
    public record FieldError(String field, String messageKey, Object[] arguments) {
    }

    private final int status;
    private final String titleKey;
    private final String detailKey;
    private final Object[] detailArguments;
    private final List<FieldError> errors = new ArrayList<>();
    private String instance;

    private Problem(int status, String titleKey, String detailKey, Object... detailArguments) {
        this.status = status;
        this.titleKey = titleKey;
        this.detailKey = detailKey;
        this.detailArguments = detailArguments;
    }

    public static Problem of(int status, String detailKey, Object... detailArguments) {
        return new Problem(status, "problem.title." + status, detailKey, detailArguments);
    }

    public Problem withField(String field, String messageKey, Object... arguments) {
        errors.add(new FieldError(field, messageKey, arguments));
        return this;
    }

    public Problem at(String path) {
        this.instance = path;
        return this;
    }

    public int status() {
        return status;
    }

    public String toJson(Locale locale) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", Messages.get(locale, titleKey))
                .add("status", status)
                .add("detail", Messages.get(locale, detailKey, detailArguments));
        if (instance != null) {
            json.add("instance", instance);
        }
        if (!errors.isEmpty()) {
            JsonArrayBuilder list = JSON.createArrayBuilder();
            for (FieldError error : errors) {
                list.add(JSON.createObjectBuilder()
                        .add("field", error.field())
                        .add("message", Messages.get(locale, error.messageKey(), error.arguments())));
            }
            json.add("errors", list);
        }
        return json.build().toString();
    }
}
