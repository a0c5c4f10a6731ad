package io.kefu.portal.report;

import io.kefu.callback.boundary.CallbackQueue;
import io.kefu.report.entity.Figures;
import jakarta.json.bind.annotation.JsonbNillable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report figures as the API writes them: counts, and rates as fractions, {@code null} for 0/0. Every record
 * here writes its nulls ({@link JsonbNillable}), as the maps these bodies were before did: a client sees
 * {@code "rate": null}, not a missing property.
 */
@JsonbNillable
public record FiguresReportJson(String from, String to, String zone, long registered, long closed,
        Map<String, Long> closedBy, long carriedOverOpen, long missedPromises, Deadline firstResponse,
        Deadline resolution, Callbacks callbacks, Surveys surveys, Validity validity,
        Map<String, List<Breakdown>> breakdowns) {

    static FiguresReportJson of(Figures f) {
        Map<String, Long> closedBy = new LinkedHashMap<>();
        f.closedBy().forEach((status, count) -> closedBy.put(status.name(), count));
        Map<String, List<Breakdown>> breakdowns = new LinkedHashMap<>();
        f.breakdowns().forEach((dimension, groups) -> breakdowns.put(dimension.name(),
                groups.stream().map(g -> new Breakdown(g.key(), g.registered(), g.closed(), g.validComplaints()))
                        .toList()));
        Figures.Callbacks c = f.callbacks();
        Figures.Surveys s = f.surveys();
        Figures.Validity v = f.validity();
        return new FiguresReportJson(f.period().from().toString(), f.period().to().toString(),
                f.period().zone().getId(), f.registered(), f.closed(), closedBy, f.carriedOverOpen(),
                f.missedPromises(), Deadline.of(f.firstResponse()), Deadline.of(f.resolution()),
                new Callbacks(c.resolved(), c.calledBack(), c.rate(), CallbackQueue.named(c.outcomes()),
                        c.satisfied(), c.reached(), c.satisfaction(), c.averageScore()),
                new Surveys(s.responses(), s.ratings(), s.satisfiedRatings(), s.satisfaction(), s.averageRating(),
                        s.npsAnswers(), s.promoters(), s.detractors(), s.nps()),
                new Validity(v.validComplaints(), v.base().customers(), v.base().source().name(),
                        v.base().from() == null ? null : v.base().from().toString(), v.rate(), v.target(),
                        v.onTarget(), v.decided(), v.upheld(), v.upheldShare()),
                breakdowns);
    }

    /** Cases measured against a deadline, those that met it, and the rate of the two. */
    @JsonbNillable
    public record Deadline(long measured, long met, Double rate) {

        static Deadline of(Figures.Deadline d) {
            return new Deadline(d.measured(), d.met(), d.rate());
        }
    }

    @JsonbNillable
    public record Callbacks(long resolved, long calledBack, Double rate, Map<String, Long> outcomes, long satisfied,
            long reached, Double satisfaction, Double averageScore) {
    }

    @JsonbNillable
    public record Surveys(long responses, long ratings, long satisfiedRatings, Double satisfaction,
            Double averageRating, long npsAnswers, long promoters, long detractors, Double nps) {
    }

    @JsonbNillable
    public record Validity(long validComplaints, Integer customerBase, String customerBaseSource,
            String customerBaseFrom, Double validComplaintRate, double target, Boolean onTarget,
            long complaintsDecided, long complaintsUpheld, Double upheldShare) {
    }

    @JsonbNillable
    public record Breakdown(String key, long registered, long closed, long validComplaints) {
    }
}
