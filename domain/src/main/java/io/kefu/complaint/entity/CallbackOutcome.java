package io.kefu.complaint.entity;

/**
 * What the callback after a resolution (回访) found. Every outcome but {@link #NOT_SATISFIED} closes the case;
 * that one sends it back to its owner. The case keeps the outcome it was closed with.
 */
public enum CallbackOutcome {
    /** Reached, and satisfied with the result. */
    SATISFIED,
    /** Reached, and accepts the result with reservations (counted apart in the satisfaction figures). */
    PARTLY_SATISFIED,
    /** Reached, and not satisfied: the case reopens to its owner with the comment. */
    NOT_SATISFIED,
    /** The resident confirmed the solution through the tracking link, where the tenant counts that. */
    CONFIRMED_ONLINE,
    /** Not reached after the tenant's maximum of attempts; the attempts are on record. */
    UNREACHABLE;

    public boolean closesCase() {
        return this != NOT_SATISFIED;
    }
}
