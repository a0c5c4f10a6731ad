package io.kefu.report.entity;

import jakarta.json.spi.JsonProvider;
import io.kefu.complaint.entity.CallbackOutcome;
import io.kefu.complaint.entity.CaseKind;
import io.kefu.complaint.entity.CaseStatus;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The additive counts behind a period's {@link Figures}: what the database counted for a run of days, so that a
 * period's counts are the sum of its days' (a stored day, {@code ReportDay}, keeps one as JSON). Everything here
 * adds up across days; what does not (the cases open at the period's end, the customer base) is counted for the
 * period itself. Counts only grow through {@link #add}; the {@code count…} methods are how ReportFigures fills one
 * from its queries.
 */
public final class Tally {

    /** Looked up once: {@code Json.createXxx} asks the ServiceLoader every time (see JsonBody). */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** Keys of the building × category counts and of a breakdown's groups sort like this: cases without it first. */
    private static final Comparator<String> KEYS = Comparator.nullsFirst(Comparator.naturalOrder());

    private final Map<String, Long> totals = new TreeMap<>();
    /** Per dimension, per group key ({@code null}: without it): registered, closed, valid complaints. */
    private final Map<Figures.Dimension, Map<String, long[]>> groups = new EnumMap<>(Figures.Dimension.class);
    /** Cases registered from a unit, per building and category (both known). */
    private final Map<String, Map<String, Long>> heat = new TreeMap<>();

    public Tally() {
        for (Figures.Dimension dimension : Figures.Dimension.values()) {
            groups.put(dimension, new TreeMap<>(KEYS));
        }
    }

    // --- filled by the queries ---

    public void countRegistered(long n) {
        plus("registered", n);
    }

    public void countRegistered(CaseKind kind, long n) {
        plus("kind." + kind.name(), n);
    }

    public void countClosed(CaseStatus finishedAs, long n) {
        plus("closed." + finishedAs.name(), n);
    }

    public void countValid(long valid, long decided, long upheld) {
        plus("valid", valid);
        plus("decided", decided);
        plus("upheld", upheld);
    }

    public void countFirstResponse(Figures.Deadline deadline) {
        plus("firstResponse.measured", deadline.measured());
        plus("firstResponse.met", deadline.met());
    }

    public void countResolution(Figures.Deadline deadline) {
        plus("resolution.measured", deadline.measured());
        plus("resolution.met", deadline.met());
    }

    /** Case callbacks opened in the period: {@code status} its state, {@code outcome} the finished one's. */
    public void countCallbacks(boolean cancelled, boolean done, CallbackOutcome outcome, long n) {
        plus("callbacks.resolved", cancelled ? 0 : n);
        plus("callbacks.calledBack", done ? n : 0);
        if (done && outcome != null) {
            plus("outcome." + outcome.name(), n);
        }
    }

    public void countScores(long sum, long count) {
        plus("callbacks.scoreSum", sum);
        plus("callbacks.scores", count);
    }

    public void countSurveys(Figures.Surveys surveys) {
        plus("surveys.responses", surveys.responses());
        plus("surveys.ratings", surveys.ratings());
        plus("surveys.satisfiedRatings", surveys.satisfiedRatings());
        plus("surveys.ratingSum", surveys.ratingSum());
        plus("surveys.npsAnswers", surveys.npsAnswers());
        plus("surveys.promoters", surveys.promoters());
        plus("surveys.detractors", surveys.detractors());
    }

    /** A breakdown group's counts: registered, closed, valid complaints. */
    public void countGroup(Figures.Dimension dimension, String key, long registered, long closed, long valid) {
        if (registered == 0 && closed == 0 && valid == 0) {
            return;
        }
        long[] sums = groups.get(dimension).computeIfAbsent(key, k -> new long[3]);
        sums[0] += registered;
        sums[1] += closed;
        sums[2] += valid;
    }

    public void countHeat(String building, String category, long registered) {
        if (registered != 0) {
            heat.computeIfAbsent(building, b -> new TreeMap<>()).merge(category, registered, Long::sum);
        }
    }

    /** This tally plus {@code other}'s counts; returns this. */
    public Tally add(Tally other) {
        other.totals.forEach(this::plus);
        other.groups.forEach((dimension, keys) -> keys.forEach((key, sums) ->
                countGroup(dimension, key, sums[0], sums[1], sums[2])));
        other.heat.forEach((building, categories) -> categories.forEach((category, n) ->
                countHeat(building, category, n)));
        return this;
    }

    // --- read as figures ---

    public long registered() {
        return get("registered");
    }

    public long registered(CaseKind kind) {
        return get("kind." + kind.name());
    }

    /** Cases closed by the status they finished in, the three finished statuses always present. */
    public Map<CaseStatus, Long> closedBy() {
        Map<CaseStatus, Long> closedBy = new EnumMap<>(CaseStatus.class);
        for (CaseStatus finished : List.of(CaseStatus.CLOSED, CaseStatus.NOT_UPHELD, CaseStatus.WITHDRAWN)) {
            closedBy.put(finished, 0L);
        }
        for (CaseStatus status : CaseStatus.values()) {
            long n = get("closed." + status.name());
            if (n != 0) {
                closedBy.put(status, n);
            }
        }
        return closedBy;
    }

    public Figures.Deadline firstResponse() {
        return new Figures.Deadline(get("firstResponse.measured"), get("firstResponse.met"));
    }

    public Figures.Deadline resolution() {
        return new Figures.Deadline(get("resolution.measured"), get("resolution.met"));
    }

    public Figures.Callbacks callbacks() {
        Map<CallbackOutcome, Long> outcomes = new EnumMap<>(CallbackOutcome.class);
        for (CallbackOutcome outcome : CallbackOutcome.values()) {
            outcomes.put(outcome, get("outcome." + outcome.name()));
        }
        long scores = get("callbacks.scores");
        return new Figures.Callbacks(get("callbacks.resolved"), get("callbacks.calledBack"), outcomes,
                scores == 0 ? null : (double) get("callbacks.scoreSum") / scores);
    }

    public Figures.Surveys surveys() {
        return new Figures.Surveys(get("surveys.responses"), get("surveys.ratings"), get("surveys.satisfiedRatings"),
                get("surveys.ratingSum"), get("surveys.npsAnswers"), get("surveys.promoters"),
                get("surveys.detractors"));
    }

    public long validComplaints() {
        return get("valid");
    }

    public long decided() {
        return get("decided");
    }

    public long upheld() {
        return get("upheld");
    }

    /**
     * Every dimension's groups that counted something, in key order: by building the cases without a unit first,
     * for the others those without the attribute last (as the breakdowns have always been listed).
     */
    public Map<Figures.Dimension, List<Figures.Breakdown>> breakdowns() {
        Map<Figures.Dimension, List<Figures.Breakdown>> all = new EnumMap<>(Figures.Dimension.class);
        groups.forEach((dimension, keys) -> {
            List<Figures.Breakdown> list = new ArrayList<>();
            keys.forEach((key, sums) -> {
                if (sums[0] != 0 || sums[1] != 0 || sums[2] != 0) {
                    list.add(new Figures.Breakdown(key, sums[0], sums[1], sums[2]));
                }
            });
            if (dimension != Figures.Dimension.BUILDING && !list.isEmpty() && list.get(0).key() == null) {
                list.add(list.remove(0));
            }
            all.put(dimension, List.copyOf(list));
        });
        return all;
    }

    /** Cases registered from a unit: building → category → count, both in order. */
    public Map<String, Map<String, Long>> heat() {
        return heat;
    }

    // --- kept as JSON ---

    /** The totals as a JSON object of named counts (zeros left out). */
    public String totalsJson() {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        totals.forEach((name, n) -> {
            if (n != 0) {
                json.add(name, n);
            }
        });
        return json.build().toString();
    }

    /** The breakdowns ({@code "groups"}: dimension → key → [registered, closed, valid], {@code "none"} the group
     * without the attribute) and the building × category counts ({@code "heat"}). */
    public String detailsJson() {
        JsonObjectBuilder byDimension = JSON.createObjectBuilder();
        groups.forEach((dimension, keys) -> {
            if (keys.isEmpty()) {
                return;
            }
            JsonObjectBuilder named = JSON.createObjectBuilder();
            JsonObjectBuilder group = JSON.createObjectBuilder();
            keys.forEach((key, sums) -> {
                if (key == null) {
                    group.add("none", JSON.createArrayBuilder().add(sums[0]).add(sums[1]).add(sums[2]));
                } else {
                    named.add(key, JSON.createArrayBuilder().add(sums[0]).add(sums[1]).add(sums[2]));
                }
            });
            byDimension.add(dimension.name(), group.add("keys", named));
        });
        JsonObjectBuilder buildings = JSON.createObjectBuilder();
        heat.forEach((building, categories) -> {
            JsonObjectBuilder counts = JSON.createObjectBuilder();
            categories.forEach(counts::add);
            buildings.add(building, counts);
        });
        return JSON.createObjectBuilder().add("groups", byDimension).add("heat", buildings).build().toString();
    }

    /** A tally from its stored JSON; {@code details} {@code null} reads the totals alone. */
    public static Tally fromJson(String totalsJson, String detailsJson) {
        Tally tally = new Tally();
        read(totalsJson).forEach((name, n) -> tally.plus(name, ((JsonNumber) n).longValue()));
        if (detailsJson == null) {
            return tally;
        }
        JsonObject details = read(detailsJson);
        details.getJsonObject("groups").forEach((dimension, value) -> {
            Figures.Dimension d = Figures.Dimension.valueOf(dimension);
            JsonObject group = value.asJsonObject();
            if (group.containsKey("none")) {
                JsonArray sums = group.getJsonArray("none");
                tally.countGroup(d, null, sums.getJsonNumber(0).longValue(), sums.getJsonNumber(1).longValue(),
                        sums.getJsonNumber(2).longValue());
            }
            group.getJsonObject("keys").forEach((key, s) -> {
                JsonArray sums = s.asJsonArray();
                tally.countGroup(d, key, sums.getJsonNumber(0).longValue(), sums.getJsonNumber(1).longValue(),
                        sums.getJsonNumber(2).longValue());
            });
        });
        details.getJsonObject("heat").forEach((building, categories) -> categories.asJsonObject()
                .forEach((category, n) -> tally.countHeat(building, category, ((JsonNumber) n).longValue())));
        return tally;
    }

    private static JsonObject read(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private void plus(String name, long n) {
        if (n != 0) {
            totals.merge(name, n, Long::sum);
        }
    }

    private long get(String name) {
        return totals.getOrDefault(name, 0L);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Tally t && totalsJson().equals(t.totalsJson()) && detailsJson().equals(t.detailsJson());
    }

    @Override
    public int hashCode() {
        return totalsJson().hashCode();
    }

    @Override
    public String toString() {
        return totalsJson() + " " + detailsJson();
    }
}
