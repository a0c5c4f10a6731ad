package io.kefu.compensation.control;

import io.kefu.compensation.entity.ApprovedTotal;
import io.kefu.compensation.entity.Compensation;
import io.kefu.compensation.entity.CompensationType;
import io.kefu.report.entity.Period;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The one definition of the compensation figures the monthly table and the quarterly report show: the proposals
 * approved in the period (by the time of approval, in the tenant's zone), counted and summed per responsible
 * department (as judged, or the handling department until a supervisor judged it; the monthly table's grouping)
 * and type. A month's figures do not change once the month is over: approvals are dated when they are made. Runs
 * in the caller's transaction.
 */
@ApplicationScoped
public class CompensationTotals {

    @Inject
    EntityManager em;

    /** Per department and type, departments in code order (none last), types in their order. */
    public List<ApprovedTotal> approvedIn(Period period) {
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createQuery("SELECT p.complaint.responsibleDepartmentCode, "
                + "p.complaint.departmentCode, p.type, COUNT(p), SUM(p.amountFen) FROM Compensation p "
                + "WHERE p.state = :approved AND p.decidedAt >= :start AND p.decidedAt < :end "
                + "GROUP BY p.complaint.responsibleDepartmentCode, p.complaint.departmentCode, p.type")
                .setParameter("approved", Compensation.State.APPROVED)
                .setParameter("start", period.start().atOffset(ZoneOffset.UTC))
                .setParameter("end", period.end().atOffset(ZoneOffset.UTC)).getResultList();
        Map<String, Map<CompensationType, long[]>> sums =
                new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        for (Object[] row : found) {
            String department = row[0] != null ? (String) row[0] : (String) row[1];
            long[] sum = sums.computeIfAbsent(department, d -> new TreeMap<>())
                    .computeIfAbsent((CompensationType) row[2], t -> new long[2]);
            sum[0] += ((Number) row[3]).longValue();
            sum[1] += ((Number) Objects.requireNonNullElse(row[4], 0L)).longValue();
        }
        List<ApprovedTotal> totals = new ArrayList<>();
        sums.forEach((department, byType) -> byType.forEach((type, sum) ->
                totals.add(new ApprovedTotal(department, type, sum[0], sum[1]))));
        return totals;
    }
}
