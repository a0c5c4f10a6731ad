package io.kefu.report.entity;

import io.kefu.complaint.entity.CaseKind;
import io.kefu.complaint.entity.CaseStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The inbox filter that lists exactly the cases a dashboard figure counted, by the names the staff inbox's
 * address and {@code GET /complaints} share ({@code status, kind, category, department, overdue, from, to,
 * building}). The page links to {@code staff/?query}; an API client lists the same cases with it.
 */
public record Drill(Map<String, String> filter) {

    public Drill {
        filter = Map.copyOf(filter);
    }

    public static Builder to() {
        return new Builder();
    }

    /** The filter as a query string, in a fixed order, values URL-encoded. */
    public String query() {
        return Builder.ORDER.stream().filter(filter::containsKey)
                .map(name -> name + "=" + URLEncoder.encode(filter.get(name), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** Builds a drill-down one filter at a time. */
    public static final class Builder {

        private static final java.util.List<String> ORDER = java.util.List.of("status", "kind", "category",
                "department", "overdue", "from", "to", "building");

        private final Map<String, String> filter = new LinkedHashMap<>();

        public Builder statuses(Collection<CaseStatus> statuses) {
            filter.put("status", statuses.stream().map(Enum::name).collect(Collectors.joining(",")));
            return this;
        }

        public Builder kind(CaseKind kind) {
            filter.put("kind", kind.name());
            return this;
        }

        public Builder category(String category) {
            filter.put("category", category);
            return this;
        }

        public Builder department(String department) {
            filter.put("department", department);
            return this;
        }

        public Builder overdue() {
            filter.put("overdue", "true");
            return this;
        }

        /** Registered on these days in the tenant's zone, both included; either may be {@code null}. */
        public Builder registered(LocalDate from, LocalDate to) {
            if (from != null) {
                filter.put("from", from.toString());
            }
            if (to != null) {
                filter.put("to", to.toString());
            }
            return this;
        }

        public Builder building(String building) {
            filter.put("building", building);
            return this;
        }

        public Drill build() {
            return new Drill(filter);
        }
    }
}
