package io.kefu.portal.live;

import io.kefu.identity.boundary.Caller;
import io.kefu.notice.boundary.Notices;
import io.kefu.notice.entity.Notice;
import io.kefu.portal.identity.Access;
import io.kefu.tenancy.control.CurrentTenant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The major-complaint alerts on every staff page (WEB-INF/includes/live-desk.xhtml) and the live stream's address.
 * Request-scoped: read once per render, re-read when the live stream says a notice arrived.
 */
@Named
@RequestScoped
public class LiveAlerts {

    @Inject
    Notices notices;

    @Inject
    Access access;

    @Inject
    CurrentTenant tenant;

    private List<Notice> open;

    /** Whether this page gets the live desk: a staff member or supervisor inside a tenant. */
    public boolean isShown() {
        return tenant.isSet() && access.isLoggedIn() && access.hasAny(io.kefu.identity.entity.Role.STAFF_AREA);
    }

    public List<Notice> getOpen() {
        if (open == null) {
            open = isShown() ? notices.openAlerts(me()) : List.of();
        }
        return open;
    }

    public void acknowledge(long noticeId) {
        notices.acknowledge(me(), noticeId);
        open = null;
    }

    /** The stream of this tenant, relative to the context root. */
    public String getStream() {
        return "/api/v1/tenants/" + tenant.get().slug().value() + "/live";
    }

    private String me() {
        return access.caller().map(Caller::username).orElse("");
    }
}
