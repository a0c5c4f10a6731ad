package io.kefu.survey.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.problem.KefuException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Which closed cases get the post-case survey, and the rules an admin may set. */
class SurveySettingsTest {

    private static SurveySettings share(int percent) {
        SurveySettings settings = SurveySettings.defaults();
        settings.change(percent, 24, 30, null, null);
        return settings;
    }

    @Test
    void asksEveryCaseByDefaultADayAfterClosingWithAMonthToAnswer() {
        SurveySettings settings = SurveySettings.defaults();
        assertEquals(100, settings.postCasePercent());
        assertEquals(Duration.ofHours(24), settings.delay());
        assertEquals(Duration.ofDays(30), settings.validity());
        for (int serial = 1; serial <= 500; serial++) {
            assertTrue(settings.samples(1, String.format("202611-%04d", serial)));
        }
    }

    @Test
    void samplingIsTheSameForTheSameCaseAndDiffersBetweenTenants() {
        SurveySettings settings = share(50);
        int differ = 0;
        for (int serial = 1; serial <= 200; serial++) {
            String number = String.format("202611-%04d", serial);
            assertEquals(settings.samples(7, number), settings.samples(7, number));
            assertEquals(settings.samples(7, number), share(50).samples(7, number));
            if (settings.samples(7, number) != settings.samples(8, number)) {
                differ++;
            }
        }
        assertTrue(differ > 50, "another tenant's sample is drawn independently: " + differ);
    }

    @Test
    void samplingIsEvenAcrossCases() {
        for (int percent : new int[] {10, 30, 75}) {
            SurveySettings settings = share(percent);
            int asked = 0;
            int cases = 20_000;
            for (int serial = 1; serial <= cases; serial++) {
                if (settings.samples(3, String.format("2026%02d-%04d", 1 + serial % 12, serial))) {
                    asked++;
                }
            }
            double share = 100.0 * asked / cases;
            assertEquals(percent, share, 1.5, "share asked at " + percent + " %");
        }
    }

    @Test
    void zeroPercentAsksNobody() {
        SurveySettings settings = share(0);
        for (int serial = 1; serial <= 500; serial++) {
            assertFalse(settings.samples(1, String.format("202611-%04d", serial)));
        }
    }

    @Test
    void refusesASharePastTheRangeAndNamesEveryFieldAtFault() {
        SurveySettings settings = SurveySettings.defaults();
        KefuException e = assertThrows(KefuException.class, () -> settings.change(101, -1, 0, null, null));
        assertEquals(3, e.fieldFailures().size());
        assertEquals("postCasePercent", e.fieldFailures().get(0).field());
        assertEquals("field.range", e.fieldFailures().get(0).messageKey());
        assertEquals(100, settings.postCasePercent(), "nothing changed");
    }
}
