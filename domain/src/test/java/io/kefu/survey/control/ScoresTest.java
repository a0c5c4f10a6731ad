package io.kefu.survey.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The figures of survey results, from counts. */
class ScoresTest {

    @Test
    void npsIsPromotersMinusDetractorsInPercent() {
        // 3 promoters (9, 10, 10), 2 passive (7, 8), 5 detractors (0, 3, 5, 6, 6): 30 % − 50 % = −20.
        Map<Integer, Long> answers = Map.of(0, 1L, 3, 1L, 5, 1L, 6, 2L, 7, 1L, 8, 1L, 9, 1L, 10, 2L);
        assertEquals(-20.0, Scores.nps(answers), 1e-9);
        assertEquals(100.0, Scores.nps(Map.of(9, 4L, 10, 1L)), 1e-9);
        assertEquals(0.0, Scores.nps(Map.of(7, 3L, 8, 1L)), 1e-9);
        assertEquals(-100.0, Scores.nps(Map.of(6, 1L)), 1e-9);
        assertNull(Scores.nps(Map.of()));
    }

    @Test
    void averageWeighsEachScoreByItsCount() {
        assertEquals(3.8, Scores.average(Map.of(5, 2L, 4, 1L, 3, 1L, 2, 1L)), 1e-9);
        assertNull(Scores.average(Map.of()));
    }

    @Test
    void rateIsEmptyWithoutAWhole() {
        assertEquals(0.25, Scores.rate(1, 4), 1e-9);
        assertNull(Scores.rate(0, 0));
    }
}
