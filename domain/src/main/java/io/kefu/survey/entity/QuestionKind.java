package io.kefu.survey.entity;

/** What a question asks for, and which answers it takes. */
public enum QuestionKind {
    /** Satisfaction from 1 (very dissatisfied) to 5 (very satisfied). */
    RATING(1, 5),
    /** Net promoter: how likely to recommend, 0 to 10. */
    NPS(0, 10),
    /** One of the options. */
    SINGLE(0, 0),
    /** Any number of the options. */
    MULTIPLE(0, 0),
    /** Free text. */
    TEXT(0, 0);

    private final int min;
    private final int max;

    QuestionKind(int min, int max) {
        this.min = min;
        this.max = max;
    }

    public boolean isScored() {
        return this == RATING || this == NPS;
    }

    public boolean hasOptions() {
        return this == SINGLE || this == MULTIPLE;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }
}
