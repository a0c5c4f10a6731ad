package io.kefu.handover.entity;

/**
 * Where a line of a hand-over stands. A case is listed once, under the first of major, overdue and promised reply
 * that fits it, or else among the open cases; callbacks have their own section.
 */
public enum Section {
    /** A major case (重大投诉) the author owns. */
    MAJOR,
    /** An overdue case the author owns. */
    OVERDUE,
    /** A case whose promised reply time (告知答复时间) falls before the next shift ends. */
    PROMISE,
    /** Any other open case the author owns. */
    CASE,
    /** A callback of the author's due before the next shift ends. */
    CALLBACK
}
