package io.kefu.report.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.kefu.complaint.entity.CallbackOutcome;
import io.kefu.complaint.entity.CaseKind;
import io.kefu.complaint.entity.CaseStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TallyTest {

    private static Tally day(long registered, String category, String building) {
        Tally t = new Tally();
        t.countRegistered(registered);
        t.countRegistered(CaseKind.COMPLAINT, registered);
        t.countClosed(CaseStatus.NOT_UPHELD, 1);
        t.countValid(registered, 1, 0);
        t.countFirstResponse(new Figures.Deadline(2, 1));
        t.countResolution(new Figures.Deadline(3, 3));
        t.countCallbacks(false, true, CallbackOutcome.SATISFIED, 2);
        t.countCallbacks(true, false, null, 1);
        t.countScores(9, 2);
        t.countSurveys(new Figures.Surveys(1, 1, 1, 5, 1, 1, 0));
        t.countGroup(Figures.Dimension.CATEGORY, category, registered, 1, registered);
        t.countGroup(Figures.Dimension.CATEGORY, null, 1, 0, 0);
        t.countGroup(Figures.Dimension.BUILDING, null, 2, 0, 0);
        t.countGroup(Figures.Dimension.BUILDING, building, 1, 1, 1);
        t.countHeat(building, category, registered);
        return t;
    }

    @Test
    void storedAsJsonAndReadBackItIsTheSameTally() {
        Tally t = day(3, "leak", "3栋 \"东\"|1");
        Tally back = Tally.fromJson(t.totalsJson(), t.detailsJson());
        assertEquals(t, back);
        assertEquals(t.breakdowns(), back.breakdowns());
        assertEquals(t.heat(), back.heat());
    }

    @Test
    void daysAddUpToThePeriodsFigures() {
        Tally sum = new Tally().add(day(3, "leak", "3栋")).add(day(2, "noise", "3栋"));
        assertEquals(5, sum.registered());
        assertEquals(5, sum.registered(CaseKind.COMPLAINT));
        assertEquals(Map.of(CaseStatus.CLOSED, 0L, CaseStatus.NOT_UPHELD, 2L, CaseStatus.WITHDRAWN, 0L),
                sum.closedBy());
        assertEquals(new Figures.Deadline(4, 2), sum.firstResponse());
        assertEquals(4, sum.callbacks().resolved(), "the cancelled callbacks are not resolutions");
        assertEquals(4, sum.callbacks().calledBack());
        assertEquals(18.0 / 4, sum.callbacks().averageScore(), 1e-12, "the mean of all scores, not of the means");
        assertEquals(List.of(new Figures.Breakdown("leak", 3, 1, 3), new Figures.Breakdown("noise", 2, 1, 2),
                new Figures.Breakdown(null, 2, 0, 0)), sum.breakdowns().get(Figures.Dimension.CATEGORY),
                "in key order, the cases without a category last");
        assertEquals(List.of(new Figures.Breakdown(null, 4, 0, 0), new Figures.Breakdown("3栋", 2, 2, 2)),
                sum.breakdowns().get(Figures.Dimension.BUILDING), "by building the cases without a unit first");
        assertEquals(Map.of("3栋", Map.of("leak", 3L, "noise", 2L)), sum.heat());
    }

    @Test
    void anEmptyTallyHasNoRatesAndEveryDimension() {
        Tally empty = Tally.fromJson(new Tally().totalsJson(), new Tally().detailsJson());
        assertNull(empty.callbacks().averageScore());
        assertNull(empty.firstResponse().rate());
        assertEquals(Figures.Dimension.values().length, empty.breakdowns().size());
    }
}
