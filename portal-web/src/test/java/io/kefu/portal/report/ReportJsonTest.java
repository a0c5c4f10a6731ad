package io.kefu.portal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kefu.compensation.entity.ApprovedTotal;
import io.kefu.compensation.entity.CompensationType;
import io.kefu.complaint.entity.CallbackOutcome;
import io.kefu.complaint.entity.CaseKind;
import io.kefu.complaint.entity.CaseStatus;
import io.kefu.report.entity.CustomerBase;
import io.kefu.report.entity.Dashboard;
import io.kefu.report.entity.DashboardPeriod;
import io.kefu.report.entity.Drill;
import io.kefu.report.entity.Figures;
import io.kefu.report.entity.MonthlyReport;
import io.kefu.report.entity.MonthlyTable;
import io.kefu.report.entity.Period;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The report bodies as JSON-B writes them for the API (and the quarterly snapshot), compared with what the portal
 * wrote before they became records: the files beside this test are that output. Same properties, explicit nulls
 * where a figure is 0/0 or not known, numbers written as before ({@code 1.0} stays {@code 1.0}); order aside.
 */
class ReportJsonTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Jsonb JSONB = JsonbBuilder.create();

    @AfterAll
    static void close() throws Exception {
        JSONB.close();
    }

    @Test
    void figuresAreWrittenAsBefore() throws IOException {
        assertSameJson("figures.json", FiguresReportJson.of(figures()));
        assertSameJson("figures-empty.json", FiguresReportJson.of(emptyFigures()));
    }

    @Test
    void monthlyTableIsWrittenAsBefore() throws IOException {
        MonthlyReport report = MonthlyReport.firstDraft(YearMonth.of(2026, 3),
                Clock.fixed(Instant.parse("2026-04-01T01:30:00Z"), ZONE));
        assertSameJson("monthly.json", MonthlyReportJson.withTable(report, table(), List.of(report), ZONE));
    }

    @Test
    void dashboardIsWrittenAsBefore() throws IOException {
        assertSameJson("dashboard.json", DashboardJson.of(dashboard()));
    }

    private static void assertSameJson(String resource, Object body) throws IOException {
        String written = JSONB.toJson(body);
        try (InputStream in = ReportJsonTest.class.getResourceAsStream(resource)) {
            assertEquals(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)), parse(written), resource);
        }
    }

    private static JsonValue parse(String text) {
        try (var reader = JsonProvider.provider().createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    static Figures figures() {
        Map<CaseStatus, Long> closedBy = new EnumMap<>(CaseStatus.class);
        closedBy.put(CaseStatus.CLOSED, 7L);
        closedBy.put(CaseStatus.NOT_UPHELD, 2L);
        Map<CallbackOutcome, Long> outcomes = new EnumMap<>(CallbackOutcome.class);
        outcomes.put(CallbackOutcome.SATISFIED, 4L);
        outcomes.put(CallbackOutcome.NOT_SATISFIED, 1L);
        Map<Figures.Dimension, List<Figures.Breakdown>> breakdowns = new EnumMap<>(Figures.Dimension.class);
        breakdowns.put(Figures.Dimension.CATEGORY, List.of(new Figures.Breakdown("noise", 6, 4, 3),
                new Figures.Breakdown(null, 1, 0, 0)));
        breakdowns.put(Figures.Dimension.DEPARTMENT, List.of());
        return new Figures(new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), ZONE), 12, closedBy, 3,
                new Figures.Deadline(10, 7), new Figures.Deadline(4, 4),
                new Figures.Callbacks(9, 6, outcomes, 4.0), new Figures.Surveys(5, 4, 3, 17, 4, 2, 1),
                new Figures.Validity(4, 9, 7, new CustomerBase.Counted(1200, CustomerBase.Source.REGISTER,
                        YearMonth.of(2026, 3)), 3), breakdowns, 1);
    }

    static Figures emptyFigures() {
        return new Figures(new Period(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30), ZONE), 0, Map.of(), 0,
                new Figures.Deadline(0, 0), new Figures.Deadline(0, 0), new Figures.Callbacks(0, 0, Map.of(), null),
                new Figures.Surveys(0, 0, 0, 0, 0, 0, 0), new Figures.Validity(0, 0, 0,
                        new CustomerBase.Counted(null, CustomerBase.Source.NONE, null), 0), Map.of(), 0);
    }

    static MonthlyTable table() {
        OffsetDateTime registered = OffsetDateTime.of(2026, 3, 2, 9, 15, 0, 0, ZONE.getRules()
                .getOffset(Instant.parse("2026-03-02T01:15:00Z")));
        List<MonthlyTable.Row> rows = List.of(
                new MonthlyTable.Row("202603-0001", registered, registered.plusDays(2), "COMPLAINT", "noise", "HIGH",
                        "PHONE", "engineering", "engineering", true, "east.staff", true, false, "SATISFIED", 5,
                        MonthlyTable.Result.VALID),
                new MonthlyTable.Row("202603-0002", registered.plusHours(3), registered.plusDays(5), "REPAIR", null,
                        "LOW", "ONLINE", null, null, false, null, null, null, null, null,
                        MonthlyTable.Result.WITHDRAWN));
        MonthlyTable.Totals totals = new MonthlyTable.Totals(2, 2, 1, 0, 1, 0, 2, 1, 1, 1, 1, 1, 1.0, 1.0, 5.0, null,
                1, 1200, "REGISTER", 0.0008333333333333334, 3, true, 0.5, 0L);
        return new MonthlyTable(YearMonth.of(2026, 3), registered.plusMonths(1), rows, totals,
                List.of(new ApprovedTotal("engineering", CompensationType.REFUND, 2, 15000)));
    }

    static Dashboard dashboard() {
        DashboardPeriod period = DashboardPeriod.month(YearMonth.of(2026, 3), ZONE);
        Dashboard.Count drilled = new Dashboard.Count(4, Drill.to().category("noise").build());
        Dashboard.Count bare = new Dashboard.Count(1, null);
        Map<CaseKind, Dashboard.Count> byKind = new LinkedHashMap<>();
        byKind.put(CaseKind.COMPLAINT, drilled);
        byKind.put(CaseKind.REPAIR, bare);
        return new Dashboard(period, period.previous(), figures(), emptyFigures(), drilled, bare,
                List.of(new Dashboard.StatusCount(CaseStatus.ACCEPTED, drilled)), bare,
                List.of(new Dashboard.AgeBucket(0, 3, drilled), new Dashboard.AgeBucket(30, null, bare)),
                List.of(new Dashboard.Week(LocalDate.of(2026, 3, 2), byKind)),
                List.of(new Dashboard.MonthRates(YearMonth.of(2026, 3), new Figures.Deadline(10, 7),
                        new Figures.Deadline(0, 0), new Figures.Callbacks(9, 6, Map.of(), 4.0),
                        new Figures.Surveys(0, 0, 0, 0, 0, 0, 0))),
                List.of(new Dashboard.CategoryCount("noise", drilled), new Dashboard.CategoryCount(null, bare)),
                List.of(new Dashboard.DepartmentLoad("engineering", drilled, bare)),
                List.of(new Dashboard.Cell("A", "noise", drilled), new Dashboard.Cell(null, null, bare)));
    }
}
