package io.kefu.report.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.complaint.entity.CallbackOutcome;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rates the figures derive from their counts, without a database. */
class FiguresTest {

    private static Figures.Validity validity(long valid, Integer customers, int targetPermille) {
        CustomerBase.Counted base = customers == null ? new CustomerBase.Counted(null, CustomerBase.Source.NONE, null)
                : new CustomerBase.Counted(customers, CustomerBase.Source.ENTERED, YearMonth.of(2026, 1));
        return new Figures.Validity(valid, 20, 19, base, targetPermille);
    }

    @Test
    void theValidComplaintRateIsMeasuredAgainstTheCustomersNotTheCasesFiled() {
        Figures.Validity office = validity(19, 2_400, 10);
        assertEquals(19 / 2_400.0, office.rate(), 1e-12);
        assertTrue(office.onTarget(), "19 valid complaints among 2,400 households is below 1 %");
        assertEquals(0.95, office.upheldShare(), 1e-12, "19 of 20 decided complaints upheld: a separate figure");
        assertFalse(validity(30, 2_400, 10).onTarget(), "30 of 2,400 is 1.25 %");
        assertTrue(validity(24, 2_400, 10).onTarget(), "exactly the target counts as on target");
    }

    @Test
    void withoutACustomerBaseThereIsNoRateRatherThanAMisleadingOne() {
        Figures.Validity none = validity(5, null, 10);
        assertNull(none.rate());
        assertNull(none.onTarget());
        assertNull(new Figures.Validity(0, 0, 0, none.base(), 10).upheldShare());
    }

    @Test
    void callbackSatisfactionCountsTheResidentsViewAndLeavesTheUnreachedOut() {
        Figures.Callbacks callbacks = new Figures.Callbacks(10, 8, Map.of(CallbackOutcome.SATISFIED, 4L,
                CallbackOutcome.CONFIRMED_ONLINE, 1L, CallbackOutcome.PARTLY_SATISFIED, 1L,
                CallbackOutcome.NOT_SATISFIED, 1L, CallbackOutcome.UNREACHABLE, 1L), 4.2);
        assertEquals(0.8, callbacks.rate(), 1e-12);
        assertEquals(5, callbacks.satisfied());
        assertEquals(7, callbacks.reached());
        assertEquals(5 / 7.0, callbacks.satisfaction(), 1e-12);
        assertNull(new Figures.Callbacks(0, 0, Map.of(), null).rate());
    }

    @Test
    void surveySatisfactionIsTheShareOfRatingsOfFourOrFiveAndNpsPromotersMinusDetractors() {
        Figures.Surveys surveys = new Figures.Surveys(6, 8, 6, 33, 5, 3, 1);
        assertEquals(0.75, surveys.satisfaction(), 1e-12);
        assertEquals(33 / 8.0, surveys.averageRating(), 1e-12);
        assertEquals(40.0, surveys.nps(), 1e-12);
        Figures.Surveys none = new Figures.Surveys(0, 0, 0, 0, 0, 0, 0);
        assertNull(none.satisfaction());
        assertNull(none.nps());
    }

    @Test
    void aDeadlineRateIsMetOverMeasured() {
        assertEquals(0.75, new Figures.Deadline(4, 3).rate(), 1e-12);
        assertNull(new Figures.Deadline(0, 0).rate());
    }
}
