package io.kefu.portal.callback;

import io.kefu.callback.boundary.CallbackQueue;
import java.util.LinkedHashMap;
import java.util.Map;

/** The callback figures as the API writes them: counts, and rates as fractions (0.985), {@code null} for 0/0. */
final class FiguresJson {

    private FiguresJson() {
    }

    static Map<String, Object> of(CallbackQueue.Figures f) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", f.from().toString());
        body.put("to", f.to().toString());
        body.put("resolved", f.resolved());
        body.put("calledBack", f.calledBack());
        body.put("callbackRate", f.callbackRate());
        body.put("outcomes", CallbackQueue.named(f.outcomes()));
        body.put("satisfactionRate", f.satisfactionRate());
        body.put("averageScore", f.averageScore());
        body.put("registered", f.registered());
        body.put("validComplaints", f.validComplaints());
        body.put("validComplaintRate", f.validComplaintRate());
        body.put("validComplaintTarget", f.validTarget());
        body.put("validComplaintOnTarget", f.validOnTarget());
        body.put("overdueCallbacks", f.overdueOpen());
        return body;
    }
}
