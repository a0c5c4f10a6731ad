package io.kefu.problem;

/** The kinds of failure a user can meet; each boundary maps them to its own form (HTTP status, page). */
public enum Failure {
    /** The thing does not exist for this caller (also used when it exists in another tenant). */
    NOT_FOUND,
    /** The caller may not do this here. */
    FORBIDDEN,
    /** The input breaks a rule; the fields say which. */
    INVALID,
    /** The state of the data does not allow it (duplicate, concurrent change, wrong workflow state). */
    CONFLICT,
    /** It existed but is no longer usable (an expired link). */
    GONE,
    /** A service Kefu depends on (the identity provider) could not do its part; nothing was changed. */
    UNAVAILABLE
}
