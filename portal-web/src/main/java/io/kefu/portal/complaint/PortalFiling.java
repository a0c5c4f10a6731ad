package io.kefu.portal.complaint;

import io.kefu.complaint.boundary.Filing;
import io.kefu.complaint.entity.Channel;
import io.kefu.complaint.entity.IdempotencyKey;
import io.kefu.complaint.entity.Intake;
import io.kefu.complaint.entity.Upload;
import io.kefu.portal.api.PublicLimits;
import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.function.Supplier;

/**
 * The one way a filing comes in, from the intake page and from the API alike: who files (a staff member
 * registering a phone or visit case, or a resident online, signed in or not), and for residents the public limits
 * (per address and per tenant) and the honeypot field a person never fills, before the domain's {@link Filing}.
 */
@RequestScoped
public class PortalFiling {

    @Inject
    Filing filing;

    @Inject
    CallerActor caller;

    @Inject
    PublicLimits limits;

    @Inject
    HttpServletRequest request;

    /**
     * Files the intake. {@code channel} is how a staff member received the case (phone when not given; a resident
     * gives none and files online); the unit of the register is named by staff only; {@code honeypot} is the hidden
     * field's content;
     * {@code submitKey} makes a repeated submission give back the first filing. The intake and the channel are
     * read after the limits: a flood of malformed filings counts against them like any other.
     */
    public Filing.Filed file(Supplier<Intake> intake, Supplier<Channel> channel, String unitBuilding,
            String unitNumber, String honeypot, List<Upload> uploads, String submitKey) {
        boolean staff = caller.isStaff();
        if (!staff) {
            limits.check(PublicLimits.Use.FILING, request);
            if (honeypot != null && !honeypot.isBlank()) {
                throw new KefuException(Failure.INVALID, "intake.refused");
            }
        }
        Intake checked = intake.get();
        Channel received = channel.get();
        // A resident names no channel (online); one who does is using a staff-only field, which the filing refuses.
        Filing.Filer filer = staff ? Filing.Filer.staff(caller.get().username(), received)
                : new Filing.Filer(caller.resident(), received == null ? Channel.ONLINE : received);
        // A resident naming a unit is refused by the filing itself, with the field named.
        return filing.file(checked, filer.about(unitBuilding, unitNumber), staff, uploads,
                IdempotencyKey.ofNullable(submitKey));
    }
}
