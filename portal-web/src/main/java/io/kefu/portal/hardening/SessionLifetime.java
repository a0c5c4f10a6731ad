package io.kefu.portal.hardening;

import io.kefu.portal.identity.PortalAuthentication;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.time.Clock;
import java.time.Duration;

/**
 * How long a session lives: ended after {@code kefu.session.idle-timeout} without a request, and at the latest
 * {@code kefu.session.absolute-timeout} after its sign-in (a stolen session cookie stops working even if it is
 * kept busy). Both are enforced by the container itself: after every request of a signed-in session its idle
 * limit is cut to the time left before the absolute limit, so the container ends the session at whichever comes
 * first, before the next request is authenticated.
 *
 * <p>Also marks the session cookie {@code Secure} when the portal is served over https ({@code SameSite=Lax} is
 * in {@code payara-web.xml}: Payara ignores {@code web.xml}'s cookie attributes). The session id is renewed at
 * sign-in by the login form and the Keycloak callback; anonymous pages keep no state and make no session.
 */
@WebListener
public class SessionLifetime implements ServletContextListener, HttpSessionListener, HttpSessionAttributeListener,
        ServletRequestListener {

    /** Session attribute: when its user signed in (epoch milliseconds). */
    static final String SIGNED_IN_AT = "kefu.signedInAt";

    @Inject
    HardeningSettings settings;

    @Inject
    Clock clock;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (settings.isHttps()) {
            event.getServletContext().getSessionCookieConfig().setSecure(true);
        }
    }

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        event.getSession().setMaxInactiveInterval(seconds(settings.idleTimeout()));
    }

    @Override
    public void attributeAdded(HttpSessionBindingEvent event) {
        signedIn(event);
    }

    @Override
    public void attributeReplaced(HttpSessionBindingEvent event) {
        signedIn(event);
    }

    private void signedIn(HttpSessionBindingEvent event) {
        if (PortalAuthentication.SESSION_USER.equals(event.getName())) {
            event.getSession().setAttribute(SIGNED_IN_AT, clock.millis());
        }
    }

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        if (!(event.getServletRequest() instanceof HttpServletRequest request)) {
            return;
        }
        try {
            HttpSession session = request.getSession(false);
            if (session != null && session.getAttribute(SIGNED_IN_AT) instanceof Long signedInAt) {
                long left = signedInAt + settings.absoluteTimeout().toMillis() - clock.millis();
                if (left < 1000) {
                    session.invalidate();
                } else {
                    session.setMaxInactiveInterval(
                            (int) Math.min(seconds(settings.idleTimeout()), (left + 999) / 1000));
                }
            }
        } catch (IllegalStateException invalidated) {
            // Logged out during this request: nothing left to limit.
        }
    }

    private static int seconds(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, duration.toSeconds()));
    }
}
