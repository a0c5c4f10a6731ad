package io.kefu.portal.confidentiality;

import io.kefu.confidentiality.entity.AccessGrant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** A request, grant or break-glass read as the API shows it: by its key and the record's key, never by ids. */
public record GrantJson(String key, String customer, String username, String state, boolean breakGlass,
        String reason, String caseNumber, String requestedAt, String decidedBy, String decidedAt, String note,
        String endsAt) {

    static GrantJson of(AccessGrant g, String customerKey, ZoneId zone) {
        return new GrantJson(g.key(), customerKey, g.username(), g.state().name(), g.isBreakGlass(), g.reason(),
                g.caseNumber(), iso(g.requestedAt(), zone), g.decidedBy(), iso(g.decidedAt(), zone), g.note(),
                iso(g.endsAt(), zone));
    }

    static String iso(OffsetDateTime at, ZoneId zone) {
        return at == null ? null : at.atZoneSameInstant(zone).toOffsetDateTime().toString();
    }
}
