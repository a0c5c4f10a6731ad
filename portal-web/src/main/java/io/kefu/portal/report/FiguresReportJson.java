package io.kefu.portal.report;

import io.kefu.callback.boundary.CallbackQueue;
import io.kefu.report.entity.Figures;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The report figures as the API writes them: counts, and rates as fractions, {@code null} for 0/0. */
final class FiguresReportJson {

    private FiguresReportJson() {
    }

    static Map<String, Object> of(Figures f) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", f.period().from().toString());
        body.put("to", f.period().to().toString());
        body.put("zone", f.period().zone().getId());
        body.put("registered", f.registered());
        body.put("closed", f.closed());
        Map<String, Long> closedBy = new LinkedHashMap<>();
        f.closedBy().forEach((status, count) -> closedBy.put(status.name(), count));
        body.put("closedBy", closedBy);
        body.put("carriedOverOpen", f.carriedOverOpen());
        body.put("missedPromises", f.missedPromises());
        body.put("firstResponse", deadline(f.firstResponse()));
        body.put("resolution", deadline(f.resolution()));
        Figures.Callbacks c = f.callbacks();
        Map<String, Object> callbacks = new LinkedHashMap<>();
        callbacks.put("resolved", c.resolved());
        callbacks.put("calledBack", c.calledBack());
        callbacks.put("rate", c.rate());
        callbacks.put("outcomes", CallbackQueue.named(c.outcomes()));
        callbacks.put("satisfied", c.satisfied());
        callbacks.put("reached", c.reached());
        callbacks.put("satisfaction", c.satisfaction());
        callbacks.put("averageScore", c.averageScore());
        body.put("callbacks", callbacks);
        Figures.Surveys s = f.surveys();
        Map<String, Object> surveys = new LinkedHashMap<>();
        surveys.put("responses", s.responses());
        surveys.put("ratings", s.ratings());
        surveys.put("satisfiedRatings", s.satisfiedRatings());
        surveys.put("satisfaction", s.satisfaction());
        surveys.put("averageRating", s.averageRating());
        surveys.put("npsAnswers", s.npsAnswers());
        surveys.put("promoters", s.promoters());
        surveys.put("detractors", s.detractors());
        surveys.put("nps", s.nps());
        body.put("surveys", surveys);
        Figures.Validity v = f.validity();
        Map<String, Object> validity = new LinkedHashMap<>();
        validity.put("validComplaints", v.validComplaints());
        validity.put("customerBase", v.base().customers());
        validity.put("customerBaseSource", v.base().source().name());
        validity.put("customerBaseFrom", v.base().from() == null ? null : v.base().from().toString());
        validity.put("validComplaintRate", v.rate());
        validity.put("target", v.target());
        validity.put("onTarget", v.onTarget());
        validity.put("complaintsDecided", v.decided());
        validity.put("complaintsUpheld", v.upheld());
        validity.put("upheldShare", v.upheldShare());
        body.put("validity", validity);
        Map<String, Object> breakdowns = new LinkedHashMap<>();
        f.breakdowns().forEach((dimension, groups) -> breakdowns.put(dimension.name(), groups(groups)));
        body.put("breakdowns", breakdowns);
        return body;
    }

    static Map<String, Object> deadline(Figures.Deadline d) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("measured", d.measured());
        body.put("met", d.met());
        body.put("rate", d.rate());
        return body;
    }

    private static List<Map<String, Object>> groups(List<Figures.Breakdown> groups) {
        return groups.stream().map(g -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", g.key());
            row.put("registered", g.registered());
            row.put("closed", g.closed());
            row.put("validComplaints", g.validComplaints());
            return row;
        }).toList();
    }
}
