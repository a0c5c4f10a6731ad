package io.kefu.portal.workload;

import io.kefu.complaint.entity.CaseStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The inbox filters behind a workload's figures, as query strings that the staff inbox's address and
 * {@code GET /complaints} share: a person's open cases, and their overdue ones.
 */
public final class WorkloadLinks {

    private static final String OPEN = Arrays.stream(CaseStatus.values()).filter(CaseStatus::isOpen).map(Enum::name)
            .collect(Collectors.joining(","));

    private WorkloadLinks() {
    }

    public static String open(String owner) {
        return "owner=" + encode(owner) + "&status=" + encode(OPEN);
    }

    public static String overdue(String owner) {
        return "owner=" + encode(owner) + "&overdue=true";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
