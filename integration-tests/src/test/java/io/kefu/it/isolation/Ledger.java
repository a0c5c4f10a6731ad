package io.kefu.it.isolation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the matrix tried and what came back, counted per mode: attempts, refusals, answers, server errors and
 * leaks, with every finding spelled out (operation, caller, status, what leaked) for the failure message.
 */
final class Ledger {

    /** How a stranger reaches for the victim's data. */
    enum Mode {
        /** On the victim's own path: every tenant-only operation and page must refuse them. */
        FOREIGN_PATH("on the victim's path"),
        /** On the stranger's own path, with the victim's identifiers: nothing of the victim may come back. */
        OWN_PATH("on their own path with the victim's identifiers");

        final String label;

        Mode(String label) {
            this.label = label;
        }
    }

    /** What a stranger with no business on the tenant's path must get: not signed in, not allowed, not found. */
    static final Set<Integer> REFUSED = Set.of(401, 403, 404);

    private final Map<Mode, int[]> counts = new LinkedHashMap<>();
    private final Map<String, Integer> perOperation = new TreeMap<>();
    private final List<String> findings = new ArrayList<>();
    private int leaks;
    private int serverErrors;
    private int notRefused;

    Ledger() {
        for (Mode mode : Mode.values()) {
            counts.put(mode, new int[3]);
        }
    }

    /**
     * One answer. {@code expected}: the statuses the caller must get (e.g. {@link #REFUSED} for a stranger on a
     * tenant-only operation); {@code null} when any answer below 500 may be right, as long as nothing of the
     * victim's is in it. A 429 is always a finding: the limit answered, so the wall was not tried.
     */
    void record(Mode mode, String operation, String caller, Call call, int status, Set<Integer> expected,
            List<String> leaked) {
        int[] c = counts.get(mode);
        c[0]++;
        if (status >= 400 && status < 500) {
            c[1]++;
        } else if (status < 400) {
            c[2]++;
        }
        perOperation.merge(operation, 1, Integer::sum);
        String where = mode + " " + caller + " " + call + " → " + status;
        if (status >= 500) {
            serverErrors++;
            findings.add("server error: " + where);
        }
        if (status == 429) {
            findings.add("rate-limited, so not tried: " + where);
        } else if (expected != null && !expected.contains(status)) {
            notRefused++;
            findings.add("expected " + expected + ": " + where);
        }
        if (!leaked.isEmpty()) {
            leaks++;
            findings.add("LEAK: " + where + " showed " + leaked);
        }
    }

    int attempts() {
        return counts.values().stream().mapToInt(c -> c[0]).sum();
    }

    int attempts(Mode mode) {
        return counts.get(mode)[0];
    }

    int refused(Mode mode) {
        return counts.get(mode)[1];
    }

    int answered(Mode mode) {
        return counts.get(mode)[2];
    }

    int leaks() {
        return leaks;
    }

    int serverErrors() {
        return serverErrors;
    }

    int notRefused() {
        return notRefused;
    }

    int operations() {
        return perOperation.size();
    }

    List<String> findings() {
        return findings;
    }

    String summary(String what) {
        StringBuilder text = new StringBuilder(what + ": " + attempts() + " attempts over " + operations() + " "
                + "operations or pages");
        counts.forEach((mode, c) -> text.append("\n  ").append(mode.label).append(": ").append(c[0])
                .append(" attempts, ").append(c[1]).append(" refused (4xx), ").append(c[2]).append(" answered"));
        text.append("\n  leaks: ").append(leaks).append(", server errors: ").append(serverErrors)
                .append(", not refused where they must be: ").append(notRefused);
        return text.toString();
    }
}
