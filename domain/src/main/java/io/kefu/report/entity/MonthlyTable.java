package io.kefu.report.entity;

import io.kefu.compensation.entity.ApprovedTotal;
import io.kefu.complaint.entity.CallbackOutcome;
import io.kefu.complaint.entity.CaseStatus;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The content of a monthly statistics table (客诉案件统计表): a row per case closed in the month and the summary,
 * as docs/REPORTS.md "The monthly table" defines them. A draft computes it afresh each time it is shown; a submitted
 * table stores it (as JSON) and shows what it stored. Codes (departments, categories) are kept, their names are
 * looked up when the table is shown.
 *
 * @param month the month, in the tenant's zone
 * @param takenAt when the table was computed (for a stored table: when it was submitted)
 * @param rows the cases closed in the month, by closing time
 * @param totals the month's figures, as {@code ReportFigures} counts them for the whole office
 * @param compensations the compensation approved in the month per responsible department and type, as
 *        {@code CompensationTotals} counts it; empty in a table stored before compensation existed
 */
public record MonthlyTable(YearMonth month, OffsetDateTime takenAt, List<Row> rows, Totals totals,
        List<ApprovedTotal> compensations) {

    public MonthlyTable {
        compensations = compensations == null ? List.of() : List.copyOf(compensations);
    }

    /** A case in the table. Deadlines and callback fields are {@code null} where they do not apply. */
    public record Row(String number, OffsetDateTime registeredAt, OffsetDateTime closedAt, String kind,
            String category, String severity, String channel, String department, String responsible,
            boolean responsibilityJudged, String owner, Boolean firstResponseMet, Boolean resolutionMet,
            String callbackOutcome, Integer callbackScore, Result result) {

        /** Both deadlines met; {@code null} for a withdrawn case (never measured). */
        public Boolean deadlinesMet() {
            return firstResponseMet == null || resolutionMet == null ? null : firstResponseMet && resolutionMet;
        }

        boolean satisfied() {
            return CallbackOutcome.SATISFIED.name().equals(callbackOutcome)
                    || CallbackOutcome.CONFIRMED_ONLINE.name().equals(callbackOutcome);
        }

        /** The resident gave their view on the callback (the unreachable did not). */
        boolean reached() {
            return satisfied() || CallbackOutcome.PARTLY_SATISFIED.name().equals(callbackOutcome)
                    || CallbackOutcome.NOT_SATISFIED.name().equals(callbackOutcome);
        }
    }

    /** How a case ended, as the table shows it. */
    public enum Result {
        /** A complaint closed upheld: a valid complaint (有效投诉). */
        VALID,
        /** A complaint closed as not upheld (客诉不成立). */
        NOT_UPHELD,
        /** Withdrawn by the resident. */
        WITHDRAWN,
        /** Any other kind of case (repair, consultation, suggestion, praise) closed. */
        CLOSED;

        public static Result of(String kind, CaseStatus status) {
            return switch (status) {
                case NOT_UPHELD -> NOT_UPHELD;
                case WITHDRAWN -> WITHDRAWN;
                default -> "COMPLAINT".equals(kind) ? VALID : CLOSED;
            };
        }
    }

    /** What the summary groups the rows by. */
    public enum By {
        RESPONSIBLE(Row::responsible), CATEGORY(Row::category), SEVERITY(Row::severity), CHANNEL(Row::channel);

        private final Function<Row, String> key;

        By(Function<Row, String> key) {
            this.key = key;
        }
    }

    /**
     * One group of the summary.
     *
     * @param key the department (or {@code _external}), category, severity or channel; {@code null}: none
     * @param cases the rows in the group; {@code share} of all rows
     * @param valid valid complaints among them
     * @param deadlinesMeasured rows not withdrawn; {@code deadlinesMet} those that met both deadlines
     * @param reached rows whose callback found the resident's view; {@code satisfied} of them satisfied
     * @param averageScore the mean callback score (1–5) of the rows with one
     */
    public record Group(String key, long cases, Double share, long valid, long deadlinesMeasured, long deadlinesMet,
            long reached, long satisfied, Double averageScore) {

        public Double deadlineRate() {
            return deadlinesMeasured == 0 ? null : (double) deadlinesMet / deadlinesMeasured;
        }

        public Double satisfaction() {
            return reached == 0 ? null : (double) satisfied / reached;
        }
    }

    /**
     * The month's figures for the office, taken from {@code ReportFigures} (the one definition of each figure).
     */
    public record Totals(long registered, long closed, long closedUpheld, long notUpheld, long withdrawn,
            long carriedOverOpen, long firstResponseMeasured, long firstResponseMet, long resolutionMeasured,
            long resolutionMet, long resolved, long calledBack, Double callbackRate, Double callbackSatisfaction,
            Double averageCallbackScore, Double surveySatisfaction, long validComplaints, Integer customers,
            String customerBaseSource, Double validComplaintRate, int targetPermille, Boolean onTarget,
            Double upheldShare, Long missedPromises) {

        public static Totals of(Figures f) {
            return new Totals(f.registered(), f.closed(), f.closedBy().getOrDefault(CaseStatus.CLOSED, 0L),
                    f.closedBy().getOrDefault(CaseStatus.NOT_UPHELD, 0L),
                    f.closedBy().getOrDefault(CaseStatus.WITHDRAWN, 0L), f.carriedOverOpen(),
                    f.firstResponse().measured(), f.firstResponse().met(), f.resolution().measured(),
                    f.resolution().met(), f.callbacks().resolved(), f.callbacks().calledBack(), f.callbacks().rate(),
                    f.callbacks().satisfaction(), f.callbacks().averageScore(), f.surveys().satisfaction(),
                    f.validity().validComplaints(), f.validity().base().customers(),
                    f.validity().base().source().name(), f.validity().rate(), f.validity().targetPermille(),
                    f.validity().onTarget(), f.validity().upheldShare(), f.missedPromises());
        }

        public Double firstResponseRate() {
            return firstResponseMeasured == 0 ? null : (double) firstResponseMet / firstResponseMeasured;
        }

        public Double resolutionRate() {
            return resolutionMeasured == 0 ? null : (double) resolutionMet / resolutionMeasured;
        }
    }

    /** The summary by {@code by}: a group per key, in the order the keys first appear in sorted form. */
    public List<Group> summary(By by) {
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        rows.stream().sorted((a, b) -> compareKeys(by.key.apply(a), by.key.apply(b)))
                .forEach(row -> groups.computeIfAbsent(by.key.apply(row), k -> new ArrayList<>()).add(row));
        List<Group> summary = new ArrayList<>();
        groups.forEach((key, members) -> summary.add(group(key, members, rows.size())));
        return summary;
    }

    /** The whole table as one group: the summary's total line. */
    public Group total() {
        return group(null, rows, rows.size());
    }

    private static Group group(String key, List<Row> members, int all) {
        long valid = members.stream().filter(r -> r.result() == Result.VALID).count();
        long measured = members.stream().filter(r -> r.deadlinesMet() != null).count();
        long met = members.stream().filter(r -> Boolean.TRUE.equals(r.deadlinesMet())).count();
        long reached = members.stream().filter(Row::reached).count();
        long satisfied = members.stream().filter(Row::satisfied).count();
        Double average = members.stream().filter(r -> r.callbackScore() != null)
                .mapToInt(Row::callbackScore).average().stream().boxed().findFirst().orElse(null);
        return new Group(key, members.size(), all == 0 ? null : (double) members.size() / all, valid, measured, met,
                reached, satisfied, average);
    }

    private static int compareKeys(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        return a.compareTo(b);
    }
}
