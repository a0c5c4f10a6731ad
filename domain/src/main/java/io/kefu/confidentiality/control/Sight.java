package io.kefu.confidentiality.control;

import io.kefu.confidentiality.entity.AccessGrant;
import io.kefu.confidentiality.entity.Basis;
import io.kefu.resident.entity.Confidentiality;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * What the current reader may see of one customer record: its level and, when they may see it unmasked, on which
 * basis (and which grant, with its reason). A case without a record, or an ordinary record, is clear without a
 * basis and is not logged.
 *
 * @param customerId  the record, {@code null} for a case that belongs to none
 * @param basis       why the reader sees it unmasked; {@code null} for an ordinary record or when masked
 */
public record Sight(Long customerId, String customerKey, Confidentiality level, Basis basis, String grantKey,
        String reason) {

    /** A case without a record, or an ordinary record: shown as it is, nothing logged. */
    public static final Sight OPEN = new Sight(null, null, Confidentiality.ORDINARY, null, null, null);

    /** Whether the personal data are shown unmasked. */
    public boolean isClear() {
        return !level.isProtected() || basis != null;
    }

    /** Whether showing them is a read of a protected record, which the read log must hold. */
    public boolean isLogged() {
        return level.isProtected() && basis != null;
    }

    /** The contact as this reader may see it. */
    public Contact apply(Contact contact) {
        return isClear() ? contact : contact.masked();
    }

    /**
     * The rule in one place: a record at or below the reader's clearance is clear on that clearance; above it, an
     * open grant of a supervisor opens it (the one lasting longest), else an open break-glass read; else masked.
     *
     * @param held the reader's grants for this record, in any state (only open ones count)
     */
    public static Sight decide(Long customerId, String customerKey, Confidentiality level,
            Confidentiality clearance, Collection<AccessGrant> held, OffsetDateTime now) {
        if (customerId == null || !level.isProtected()) {
            return new Sight(customerId, customerKey, level == null ? Confidentiality.ORDINARY : level, null, null,
                    null);
        }
        if (clearance.covers(level)) {
            return new Sight(customerId, customerKey, level, Basis.CLEARANCE, null, null);
        }
        Optional<AccessGrant> open = held.stream()
                .filter(g -> g.customerId().equals(customerId) && g.isOpenAt(now))
                .min(Comparator.comparing(AccessGrant::isBreakGlass)
                        .thenComparing(AccessGrant::endsAt, Comparator.reverseOrder()));
        return open.map(g -> new Sight(customerId, customerKey, level, g.isBreakGlass() ? Basis.BREAK_GLASS
                : Basis.GRANT, g.key(), g.reason()))
                .orElseGet(() -> new Sight(customerId, customerKey, level, null, null, null));
    }
}
