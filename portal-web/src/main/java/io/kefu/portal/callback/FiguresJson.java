package io.kefu.portal.callback;

import io.kefu.callback.boundary.CallbackQueue;
import io.kefu.report.entity.Figures;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The callback figures as the API writes them: counts, and rates as fractions (0.985), {@code null} for 0/0. The
 * figures are the reports' ({@code ReportFigures}, docs/REPORTS.md): the valid-complaint rate is measured against
 * the customer base, satisfaction from callbacks and from surveys are separate fields.
 */
final class FiguresJson {

    private FiguresJson() {
    }

    static Map<String, Object> of(Figures f, long overdueCallbacks) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", f.period().from().toString());
        body.put("to", f.period().to().toString());
        body.put("resolved", f.callbacks().resolved());
        body.put("calledBack", f.callbacks().calledBack());
        body.put("callbackRate", f.callbacks().rate());
        body.put("outcomes", CallbackQueue.named(f.callbacks().outcomes()));
        body.put("satisfactionRate", f.callbacks().satisfaction());
        body.put("averageScore", f.callbacks().averageScore());
        body.put("surveySatisfactionRate", f.surveys().satisfaction());
        body.put("surveyResponses", f.surveys().responses());
        body.put("registered", f.registered());
        body.put("validComplaints", f.validity().validComplaints());
        body.put("customerBase", f.validity().base().customers());
        body.put("customerBaseSource", f.validity().base().source().name());
        body.put("validComplaintRate", f.validity().rate());
        body.put("validComplaintTarget", f.validity().target());
        body.put("validComplaintOnTarget", f.validity().onTarget());
        body.put("complaintsDecided", f.validity().decided());
        body.put("complaintsUpheld", f.validity().upheld());
        body.put("upheldShare", f.validity().upheldShare());
        body.put("overdueCallbacks", overdueCallbacks);
        return body;
    }
}
