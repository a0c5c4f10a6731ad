package io.kefu.portal.guard;

import io.kefu.audit.boundary.AuditLog;
import io.kefu.identity.boundary.Accounts;
import io.kefu.identity.boundary.Caller;
import io.kefu.portal.tenancy.TenantPath;
import io.kefu.ratelimit.LoginThrottle;
import io.kefu.tenancy.boundary.Tenants;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.tenancy.entity.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Every password login (the login form and HTTP Basic) goes through here: the throttle first ({@link LoginThrottle}:
 * during a wait the password is not checked at all), then the check, then the count. A failure is written to
 * the audit log of the tenant it was tried at (its login page or its API) and, for the operator, to the server
 * log with the client's address. Unknown usernames take exactly the same path as wrong passwords.
 */
@ApplicationScoped
public class LoginThrottling {

    private static final Logger LOG = Logger.getLogger(LoginThrottling.class.getName());

    /** Where the password came from; named in the audit log. */
    public enum Channel { FORM, BASIC }

    /** What became of one attempt: the caller, a plain failure, or a wait before the next attempt. */
    public record Outcome(Optional<Caller> caller, long retryAfterSeconds) {

        static Outcome delayed(long seconds) {
            return new Outcome(Optional.empty(), seconds);
        }

        public boolean delayed() {
            return retryAfterSeconds > 0;
        }
    }

    @Inject
    LoginThrottle throttle;

    @Inject
    Accounts accounts;

    @Inject
    ClientAddress clientAddress;

    @Inject
    AuditLog auditLog;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    Tenants tenants;

    public Outcome authenticate(HttpServletRequest request, String username, char[] password, Channel channel) {
        String address = clientAddress.of(request);
        LoginThrottle.Admission admission = throttle.admit(username, ClientAddress.limitKey(address));
        if (!admission.admitted()) {
            return Outcome.delayed(admission.retryAfterSeconds());
        }
        Optional<Caller> caller = accounts.authenticate(username, password);
        if (caller.isPresent()) {
            throttle.succeeded(admission);
            return new Outcome(caller, 0);
        }
        throttle.failed(admission);
        record(request, username, address, channel);
        return new Outcome(Optional.empty(), 0);
    }

    private void record(HttpServletRequest request, String username, String address, Channel channel) {
        String via = channel.name().toLowerCase(Locale.ROOT);
        Optional<TenantRef> tenant = tenantTriedAt(request);
        LOG.warning(() -> "Failed login for \"" + printable(username) + "\" from " + address + " (" + via
                + tenant.map(t -> ", tenant " + t.slug().value()).orElse("") + ")");
        tenant.ifPresent(t -> currentTenant.runAs(t, () -> {
            auditLog.recordFailedLogin(username, address, via);
            return null;
        }));
    }

    /**
     * The tenant whose login page or API was used: already resolved for pages; for HTTP Basic, which is checked
     * before the tenant filter runs, read from the path. None for the platform's login and {@code /api/v1/me}.
     */
    private Optional<TenantRef> tenantTriedAt(HttpServletRequest request) {
        if (currentTenant.isSet()) {
            return currentTenant.find();
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return TenantPath.parse(path).filter(TenantPath::hasValidSlug).flatMap(p -> tenants.findBySlug(p.slug()))
                .filter(TenantRef::isActive);
    }

    /** A username as typed, safe for one log line (no line breaks or other control characters, not too long). */
    static String printable(String username) {
        String value = username == null ? "" : username;
        value = value.length() > 64 ? value.substring(0, 64) + "…" : value;
        return value.replaceAll("\\p{Cntrl}", "?");
    }
}
