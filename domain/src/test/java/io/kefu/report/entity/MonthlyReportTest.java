package io.kefu.report.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kefu.complaint.entity.Actor;
import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The monthly table's workflow as the regulations have it (制表人 → 审核 → 阅签) and its summary: a supervisor submits,
 * the manager (never the one who submitted) signs off; a correction is a new revision with its reason.
 */
class MonthlyReportTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T02:00:00Z"), ZoneOffset.UTC);
    private final Actor li = Actor.supervisor("li.supervisor");
    private final Actor zhao = Actor.supervisor("zhao.manager");
    private final Actor wang = Actor.staff("wang.staff");

    private MonthlyReport submitted() {
        MonthlyReport report = MonthlyReport.firstDraft(YearMonth.of(2026, 11), CLOCK);
        report.submit(li, "{}", CLOCK);
        return report;
    }

    @Test
    void theManagerSignsOffWhatASupervisorSubmitted() {
        MonthlyReport report = submitted();
        assertEquals(MonthlyReport.Status.SUBMITTED, report.status());
        assertEquals("li.supervisor", report.preparedBy());
        report.signOff(zhao, "zhao.manager", CLOCK);
        assertEquals(MonthlyReport.Status.PUBLISHED, report.status());
        assertEquals("zhao.manager", report.signedBy());
    }

    @Test
    void theSubmitterNeverSignsOffTheirOwnTableNotEvenAsManager() {
        MonthlyReport report = submitted();
        KefuException refused = assertThrows(KefuException.class, () -> report.signOff(li, "li.supervisor", CLOCK));
        assertEquals(Failure.CONFLICT, refused.failure());
        assertEquals("report.monthly.signOff.ownSubmission", refused.messageKey());
        assertEquals(MonthlyReport.Status.SUBMITTED, report.status());
    }

    @Test
    void withAManagerNamedNoOtherSupervisorSignsOffWithoutOneAnyOtherDoes() {
        MonthlyReport named = submitted();
        assertEquals(Failure.FORBIDDEN, assertThrows(KefuException.class,
                () -> named.signOff(Actor.supervisor("qian.supervisor"), "zhao.manager", CLOCK)).failure());
        MonthlyReport unnamed = submitted();
        unnamed.signOff(Actor.supervisor("qian.supervisor"), null, CLOCK);
        assertEquals(MonthlyReport.Status.PUBLISHED, unnamed.status());
    }

    @Test
    void staffNeitherSubmitNorSignNorRevise() {
        MonthlyReport draft = MonthlyReport.firstDraft(YearMonth.of(2026, 11), CLOCK);
        assertEquals(Failure.FORBIDDEN, assertThrows(KefuException.class, () -> draft.submit(wang, "{}", CLOCK))
                .failure());
        MonthlyReport report = submitted();
        assertEquals(Failure.FORBIDDEN, assertThrows(KefuException.class, () -> report.signOff(wang, null, CLOCK))
                .failure());
    }

    @Test
    void aDraftIsNotSignedOffAndASubmittedTableIsNotChangedOrSubmittedAgain() {
        MonthlyReport draft = MonthlyReport.firstDraft(YearMonth.of(2026, 11), CLOCK);
        assertEquals(Failure.CONFLICT, assertThrows(KefuException.class, () -> draft.signOff(zhao, null, CLOCK))
                .failure());
        MonthlyReport report = submitted();
        assertEquals(Failure.CONFLICT, assertThrows(KefuException.class, report::requireDraft).failure());
        assertEquals(Failure.CONFLICT, assertThrows(KefuException.class, () -> report.submit(li, "{}", CLOCK))
                .failure());
    }

    @Test
    void aCorrectionIsTheNextRevisionWithItsReasonAndOnlyOfAPublishedTable() {
        MonthlyReport report = submitted();
        assertEquals(Failure.CONFLICT, assertThrows(KefuException.class, () -> report.revise(li, "错了", CLOCK))
                .failure());
        report.signOff(zhao, "zhao.manager", CLOCK);
        assertEquals("reason", assertThrows(KefuException.class, () -> report.revise(li, "  ", CLOCK)).field());
        MonthlyReport second = report.revise(li, "9002 的职责归属改为保洁", CLOCK);
        assertEquals(2, second.revision());
        assertEquals(MonthlyReport.Status.DRAFT, second.status());
        assertEquals("9002 的职责归属改为保洁", second.reason());
        assertEquals(MonthlyReport.Status.PUBLISHED, report.status(), "the first stays as it was");
    }

    @Test
    void aReturnedTableIsADraftAgainWithoutItsSnapshot() {
        MonthlyReport report = submitted();
        report.returnToDraft(zhao, "zhao.manager");
        assertEquals(MonthlyReport.Status.DRAFT, report.status());
        assertNull(report.snapshot());
        assertNull(report.preparedBy());
    }

    @Test
    void theSummaryCountsEachGroupsShareValidDeadlinesAndSatisfaction() {
        OffsetDateTime t = OffsetDateTime.parse("2026-11-30T23:30:00+08:00");
        List<MonthlyTable.Row> rows = List.of(
                row("engineering", true, true, "SATISFIED", 5, MonthlyTable.Result.VALID),
                row("engineering", true, false, "PARTLY_SATISFIED", 3, MonthlyTable.Result.CLOSED),
                row("cleaning", null, null, null, null, MonthlyTable.Result.WITHDRAWN),
                row("_external", true, true, "UNREACHABLE", null, MonthlyTable.Result.NOT_UPHELD));
        MonthlyTable table = new MonthlyTable(YearMonth.of(2026, 11), t, rows, null, List.of());
        List<MonthlyTable.Group> groups = table.summary(MonthlyTable.By.RESPONSIBLE);
        assertEquals(List.of("_external", "cleaning", "engineering"), groups.stream().map(MonthlyTable.Group::key)
                .toList());
        MonthlyTable.Group engineering = groups.get(2);
        assertEquals(2, engineering.cases());
        assertEquals(0.5, engineering.share());
        assertEquals(1, engineering.valid());
        assertEquals(0.5, engineering.deadlineRate());
        assertEquals(0.5, engineering.satisfaction());
        assertEquals(4.0, engineering.averageScore());
        MonthlyTable.Group cleaning = groups.get(1);
        assertEquals(0, cleaning.deadlinesMeasured(), "withdrawn: never measured");
        assertNull(cleaning.deadlineRate());
        assertNull(groups.get(0).satisfaction(), "unreachable gave no view");
        assertEquals(4, table.total().cases());
    }

    private static MonthlyTable.Row row(String responsible, Boolean first, Boolean resolution, String outcome,
            Integer score, MonthlyTable.Result result) {
        OffsetDateTime t = OffsetDateTime.parse("2026-11-30T23:30:00+08:00");
        return new MonthlyTable.Row("202611-0001", t, t, "COMPLAINT", "leak", "ORDINARY", "PHONE", "engineering",
                responsible, true, "wang.staff", first, resolution, outcome, score, result);
    }
}
