package io.kefu.report.entity;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The quarterly complaint analysis as it stands (one revision of it, and why that revision corrects the one before,
 * {@code null} for the first): the quarter's figures beside the previous quarter's and the same
 * quarter's a year before, the main causes with the supervisors' analysis, the actions committed this quarter, and
 * last quarter's actions checked, and the compensation approved in each of its months per responsible department and
 * type (as the monthly table counts it). This is what is rendered (page, API, PDF, Excel) and frozen when published.
 */
public record QuarterlyView(Quarter quarter, int revision, String reason, QuarterlyReport.Status status,
        Figures figures, Figures previous,
        Figures yearBefore, List<Cause> causes, List<CorrectiveAction> actions, List<ActionCheck> lastQuarter,
        String preparedBy, OffsetDateTime submittedAt, String approvedBy, OffsetDateTime approvedAt,
        java.util.Map<java.time.YearMonth, List<io.kefu.compensation.entity.ApprovedTotal>> compensations) {

    /**
     * The effectiveness check of one of last quarter's actions.
     *
     * @param doneOnTime done by its due date; {@code false} also when still open past it; {@code null} while open
     *        and not yet due
     * @param recurred whether any of its causes came back this quarter
     * @param recurrences the cases of this quarter that show it, per cause key
     */
    public record ActionCheck(CorrectiveAction action, Boolean doneOnTime, boolean recurred,
            java.util.Map<String, List<String>> recurrences) {
    }
}
