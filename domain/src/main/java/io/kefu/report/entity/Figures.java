package io.kefu.report.entity;

import io.kefu.complaint.entity.CallbackOutcome;
import io.kefu.complaint.entity.CaseStatus;
import java.util.List;
import java.util.Map;

/**
 * The office's figures for a period, each as docs/REPORTS.md defines it. Counts are what the database counted;
 * rates are derived here from them, {@code null} where there is nothing to divide by (never a misleading 0 %).
 *
 * @param registered cases registered in the period, every kind
 * @param closedBy cases closed in the period (their last closing), by the status they finished in
 * @param carriedOverOpen cases registered before the period's end and not closed by then
 * @param missedPromises promised reply times (告知答复时间) missed in the period: the misses the promise watch
 *     recorded in the cases' history in the period, each once (a case that missed two promises counts twice)
 */
public record Figures(Period period, long registered, Map<CaseStatus, Long> closedBy, long carriedOverOpen,
        Deadline firstResponse, Deadline resolution, Callbacks callbacks, Surveys surveys, Validity validity,
        Map<Dimension, List<Breakdown>> breakdowns, long missedPromises) {

    /** Satisfied on a 1–5 rating: 4 or 5. */
    public static final int SATISFIED_FROM = 4;
    /** NPS: 9–10 promoters, 0–6 detractors (as the survey results count them). */
    public static final int PROMOTER_FROM = 9;
    public static final int DETRACTOR_TO = 6;

    /** Cases closed in the period, whatever they finished as. */
    public long closed() {
        return closedBy.values().stream().mapToLong(Long::longValue).sum();
    }

    /** A deadline: cases whose deadline fell in the period and was measured (met, or passed without it). */
    public record Deadline(long measured, long met) {

        public Double rate() {
            return ratio(met, measured);
        }
    }

    /**
     * Callbacks (回访) of the cases resolved in the period.
     *
     * @param resolved cases resolved in the period whose callback a reopening did not cancel
     * @param calledBack those whose callback has an outcome
     * @param outcomes finished callbacks by outcome
     * @param averageScore mean 1–5 score the callbacks recorded
     */
    public record Callbacks(long resolved, long calledBack, Map<CallbackOutcome, Long> outcomes, Double averageScore) {

        public Double rate() {
            return ratio(calledBack, resolved);
        }

        /** Reached and satisfied, or confirmed online by the resident. */
        public long satisfied() {
            return count(CallbackOutcome.SATISFIED) + count(CallbackOutcome.CONFIRMED_ONLINE);
        }

        /** Every outcome with the resident's view: satisfied, partly, not satisfied, confirmed online. */
        public long reached() {
            return satisfied() + count(CallbackOutcome.PARTLY_SATISFIED) + count(CallbackOutcome.NOT_SATISFIED);
        }

        /** Satisfaction found by the callbacks. */
        public Double satisfaction() {
            return ratio(satisfied(), reached());
        }

        private long count(CallbackOutcome outcome) {
            return outcomes.getOrDefault(outcome, 0L);
        }
    }

    /**
     * Survey answers submitted in the period by residents (after a case, or in a campaign); callback questionnaires
     * belong to the callbacks and are not counted here.
     *
     * @param responses responses submitted
     * @param ratings 1–5 rating answers among them; {@code satisfiedRatings} those of 4 or 5
     * @param ratingSum the sum of the rating answers, for their mean
     * @param npsAnswers 0–10 answers; {@code promoters} 9–10, {@code detractors} 0–6
     */
    public record Surveys(long responses, long ratings, long satisfiedRatings, long ratingSum, long npsAnswers,
            long promoters, long detractors) {

        /** Satisfaction found by surveys: the share of ratings of 4 or 5. */
        public Double satisfaction() {
            return ratio(satisfiedRatings, ratings);
        }

        public Double averageRating() {
            return ratings == 0 ? null : (double) ratingSum / ratings;
        }

        /** Net promoter score, −100 to 100. */
        public Double nps() {
            return npsAnswers == 0 ? null : 100.0 * (promoters - detractors) / npsAnswers;
        }
    }

    /**
     * Valid complaints (有效投诉) against the customers served, and the share of complaints upheld.
     *
     * @param validComplaints complaints registered in the period, not closed as not upheld, not withdrawn
     * @param decided complaints closed in the period as closed or not upheld; {@code upheld} those closed
     * @param base the customers served in the period
     * @param targetPermille the tenant's target, 10 = 1 %
     */
    public record Validity(long validComplaints, long decided, long upheld, CustomerBase.Counted base,
            int targetPermille) {

        /** The valid-complaint rate: valid complaints ÷ customers served. */
        public Double rate() {
            return base.customers() == null ? null : ratio(validComplaints, base.customers());
        }

        public double target() {
            return targetPermille / 1000.0;
        }

        /** At or below the target; {@code null} without a rate. */
        public Boolean onTarget() {
            Double rate = rate();
            return rate == null ? null : rate <= target();
        }

        /** The share of complaints upheld: upheld ÷ decided. Not the valid-complaint rate. */
        public Double upheldShare() {
            return ratio(upheld, decided);
        }
    }

    /**
     * What the breakdowns group cases by: the handling department, and the responsible department (职责归属) as a
     * supervisor judged it or, until judged, the handling department; the building of the unit the case is linked to.
     */
    public enum Dimension {
        CATEGORY, DEPARTMENT, SEVERITY, CHANNEL, KIND, RESPONSIBLE_DEPARTMENT, BUILDING
    }

    /**
     * One group of a breakdown, with the same definitions as the totals; {@code key} {@code null} for cases without
     * the attribute (no category, no department yet).
     */
    public record Breakdown(String key, long registered, long closed, long validComplaints) {
    }

    static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
