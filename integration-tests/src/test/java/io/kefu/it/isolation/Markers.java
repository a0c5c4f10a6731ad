package io.kefu.it.isolation;

import jakarta.json.Json;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The victim's data that no stranger may ever read back: every text the victim's own people read through the API,
 * less what the stranger's own people read too (shared seeds, enum names), less what the victim publishes (its
 * name, intake form), less every identifier the matrix itself sends (an attacker knows those; they may come back
 * as an echo or as a value the attacker stored in their own tenant). Found in an answer (raw or HTML-escaped),
 * and not in that request, it is a leak.
 */
final class Markers {

    private static final Pattern NOT_DISTINCTIVE = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2}.*|[A-Z_]+|[-+.\\d\\s:]+|true|false|null)$");

    private final Set<String> markers;

    private Markers(Set<String> markers) {
        this.markers = markers;
    }

    /**
     * {@code published}: the texts of the victim's public answers; {@code publicPages}: its public pages, whatever
     * of the victim's texts they show (its logo's address, say) is public too.
     */
    static Markers of(Set<String> victim, Set<String> stranger, Set<String> published, Collection<String> sent,
            Collection<String> publicPages) {
        Set<String> markers = new TreeSet<>();
        for (String text : victim) {
            if (text.codePointCount(0, text.length()) >= 4 && !NOT_DISTINCTIVE.matcher(text).matches()
                    && !stranger.contains(text) && !published.contains(text) && !sent.contains(text)
                    && publicPages.stream().noneMatch(page -> page.contains(text) || page.contains(escaped(text)))) {
                markers.add(text);
            }
        }
        return new Markers(markers);
    }

    /** The markers, one a line: what the matrix looked for. */
    String list() {
        return String.join("\n", markers);
    }

    int size() {
        return markers.size();
    }

    boolean contains(String text) {
        return markers.contains(text);
    }

    /** The markers in {@code answer} that the caller did not send themselves. */
    List<String> leakedIn(String answer, String sent) {
        if (answer == null || answer.isEmpty()) {
            return List.of();
        }
        return markers.stream().filter(m -> !sent.contains(m) && (answer.contains(m) || answer.contains(escaped(m))))
                .toList();
    }

    /** Every string value of a JSON answer (nothing when it is no JSON). */
    static void collect(String answer, Set<String> into) {
        if (answer == null || !(answer.startsWith("{") || answer.startsWith("["))) {
            return;
        }
        try {
            collect(Json.createReader(new StringReader(answer)).readValue(), into);
        } catch (JsonParsingException malformed) {
            // not JSON after all: nothing to learn from it
        }
    }

    private static void collect(JsonValue value, Set<String> into) {
        switch (value.getValueType()) {
            case STRING -> into.add(((JsonString) value).getString());
            case OBJECT -> value.asJsonObject().values().forEach(v -> collect(v, into));
            case ARRAY -> value.asJsonArray().forEach(v -> collect(v, into));
            default -> {
                // numbers and literals identify nothing on their own
            }
        }
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
