package io.kefu.survey.control;

import java.util.Map;

/**
 * The figures results are made of, from counts: averages from a distribution, the net promoter score, a rate.
 * Empty (null) where there is nothing to count, rather than a misleading zero.
 */
public final class Scores {

    /** Answers of 9 and 10 are promoters, 0 to 6 detractors, 7 and 8 passive. */
    public static final int PROMOTER_FROM = 9;
    public static final int DETRACTOR_TO = 6;

    private Scores() {
    }

    /** The mean score of a distribution score → how many; null when it is empty. */
    public static Double average(Map<Integer, Long> distribution) {
        long count = 0;
        long sum = 0;
        for (Map.Entry<Integer, Long> e : distribution.entrySet()) {
            count += e.getValue();
            sum += e.getKey() * e.getValue();
        }
        return count == 0 ? null : (double) sum / count;
    }

    /** NPS of a 0–10 distribution: % promoters − % detractors, from −100 to 100; null when empty. */
    public static Double nps(Map<Integer, Long> distribution) {
        long promoters = 0;
        long detractors = 0;
        long total = 0;
        for (Map.Entry<Integer, Long> e : distribution.entrySet()) {
            total += e.getValue();
            if (e.getKey() >= PROMOTER_FROM) {
                promoters += e.getValue();
            } else if (e.getKey() <= DETRACTOR_TO) {
                detractors += e.getValue();
            }
        }
        return nps(promoters, detractors, total);
    }

    public static Double nps(long promoters, long detractors, long total) {
        return total == 0 ? null : 100.0 * (promoters - detractors) / total;
    }

    /** {@code part / whole} as a fraction; null when the whole is zero. */
    public static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
