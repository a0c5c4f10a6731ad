package io.kefu.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A breakdown of the report figures (docs/REPORTS.md) as the tests compare it: group key ("null" for none) →
 * registered, closed, valid complaints; as the API answers it, and as a test counts it from the rows it wrote.
 */
final class Breakdowns {

    private Breakdowns() {
    }

    /** The groups of {@code dimension} in the figures the API answered. */
    static Map<String, List<Long>> answered(JsonObject figures, String dimension) {
        Map<String, List<Long>> actual = new TreeMap<>();
        for (JsonValue value : figures.getJsonObject("breakdowns").getJsonArray(dimension)) {
            JsonObject group = value.asJsonObject();
            actual.put(group.isNull("key") ? "null" : group.getString("key"), List.of(
                    group.getJsonNumber("registered").longValue(), group.getJsonNumber("closed").longValue(),
                    group.getJsonNumber("validComplaints").longValue()));
        }
        return actual;
    }

    /** The groups the rows make: each case registered or closed in the period counts in the group of its key. */
    static <T> Map<String, List<Long>> counted(Collection<T> cases, Function<T, String> key, Predicate<T> registered,
            Predicate<T> closed, Predicate<T> valid) {
        Map<String, List<Long>> expected = new TreeMap<>();
        for (T c : cases) {
            if (registered.test(c) || closed.test(c)) {
                List<Long> counts = expected.computeIfAbsent(String.valueOf(key.apply(c)),
                        k -> new ArrayList<>(List.of(0L, 0L, 0L)));
                counts.set(0, counts.get(0) + (registered.test(c) ? 1 : 0));
                counts.set(1, counts.get(1) + (closed.test(c) ? 1 : 0));
                counts.set(2, counts.get(2) + (valid.test(c) ? 1 : 0));
            }
        }
        return expected;
    }
}
