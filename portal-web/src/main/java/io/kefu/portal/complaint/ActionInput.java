package io.kefu.portal.complaint;

/**
 * The body of an action; each action reads the fields it needs (see API.md). {@code text}, {@code note},
 * {@code reason} and {@code resolution} are the same free text under the name each action uses.
 */
public record ActionInput(Long version, String text, String note, String reason, String resolution,
        String categoryCode, String kind, String severity, String departmentCode, String toUser, String replyBy) {

    String freeText() {
        for (String value : new String[] {text, resolution, reason, note}) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
