/**
 * The clock. Deadlines, case-number months and overdue checks all ask an injected {@link java.time.Clock},
 * so tests can fix the time; nothing calls {@code now()} without one.
 */
package io.kefu.time;
