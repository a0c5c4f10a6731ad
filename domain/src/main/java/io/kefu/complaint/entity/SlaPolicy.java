package io.kefu.complaint.entity;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * A tenant's deadlines for every kind × severity of case. New tenants start from {@link #regulations}, which
 * follows the offices' rules of thumb (a filed case answered the same working day, a major complaint within
 * the hour; an ordinary complaint resolved within 15 working days); the tenant admin changes them later.
 * Complete by construction: every kind and severity has a level.
 */
public final class SlaPolicy {

    private final Map<CaseKind, Map<Severity, ServiceLevel>> levels;

    private SlaPolicy(Map<CaseKind, Map<Severity, ServiceLevel>> levels) {
        for (CaseKind kind : CaseKind.values()) {
            for (Severity severity : Severity.values()) {
                if (!levels.containsKey(kind) || !levels.get(kind).containsKey(severity)) {
                    throw new IllegalArgumentException("no service level for " + kind + " " + severity);
                }
            }
        }
        this.levels = levels;
    }

    public ServiceLevel levelFor(CaseKind kind, Severity severity) {
        return levels.get(kind).get(severity);
    }

    /** A copy with one level changed, as a tenant admin edits the table. */
    public SlaPolicy with(CaseKind kind, Severity severity, ServiceLevel level) {
        Map<CaseKind, Map<Severity, ServiceLevel>> copy = new EnumMap<>(CaseKind.class);
        levels.forEach((k, bySeverity) -> copy.put(k, new EnumMap<>(bySeverity)));
        copy.get(kind).put(severity, level);
        return new SlaPolicy(copy);
    }

    /** The starting policy, for a calendar whose working day lasts {@code workingDay} (e.g. 7.5 hours). */
    public static SlaPolicy regulations(Duration workingDay) {
        Map<CaseKind, Map<Severity, ServiceLevel>> levels = new EnumMap<>(CaseKind.class);
        Duration hour = Duration.ofHours(1);
        for (CaseKind kind : CaseKind.values()) {
            Duration ordinaryResolution = switch (kind) {
                case REPAIR -> workingDay.multipliedBy(3);
                case CONSULTATION -> workingDay.multipliedBy(2);
                case COMPLAINT, SUGGESTION, PRAISE -> workingDay.multipliedBy(15);
            };
            Map<Severity, ServiceLevel> bySeverity = new EnumMap<>(Severity.class);
            bySeverity.put(Severity.ORDINARY, new ServiceLevel(workingDay, ordinaryResolution));
            bySeverity.put(Severity.SERIOUS, new ServiceLevel(hour.multipliedBy(4),
                    min(ordinaryResolution, workingDay.multipliedBy(5))));
            bySeverity.put(Severity.MAJOR, new ServiceLevel(hour, min(ordinaryResolution, workingDay.multipliedBy(2))));
            levels.put(kind, bySeverity);
        }
        return new SlaPolicy(levels);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
