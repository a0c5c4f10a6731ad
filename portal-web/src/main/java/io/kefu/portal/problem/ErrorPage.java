package io.kefu.portal.problem;

import io.kefu.portal.identity.SafeRedirect;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The error and expired-view pages: a title and an explanation by status (or by the reason a filter gave),
 * an incident id for unexpected failures (the details go to the log only), and the way back.
 */
@Named
@RequestScoped
public class ErrorPage {

    /** Request attribute naming the message key that explains an error page (e.g. a suspension). */
    public static final String REASON = "kefu.error.reason";
    /** Request attribute naming the message key of a specific title for that reason, if there is one. */
    public static final String REASON_TITLE = "kefu.error.reason.title";
    private static final Logger LOG = Logger.getLogger(ErrorPage.class.getName());
    private static final Set<Integer> EXPLAINED = Set.of(400, 403, 404, 405, 414, 503);

    @Inject
    HttpServletRequest request;

    private String incident;

    public int getStatus() {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return status instanceof Integer code ? code : 500;
    }

    public String getTitleKey() {
        if (request.getAttribute(REASON_TITLE) instanceof String key) {
            return key;
        }
        int status = getStatus();
        return "error.title." + (EXPLAINED.contains(status) ? status : 500);
    }

    public String getDetailKey() {
        Object reason = request.getAttribute(REASON);
        if (reason instanceof String key) {
            return key;
        }
        int status = getStatus();
        return "error.detail." + (EXPLAINED.contains(status) ? status : 500);
    }

    /** Only for unexpected failures: logs the exception once under a fresh id that the page shows. */
    public String getIncident() {
        if (incident == null && getStatus() >= 500 && getStatus() != 503) {
            incident = UUID.randomUUID().toString().substring(0, 8);
            Object thrown = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            LOG.log(Level.SEVERE, "Incident " + incident + " at "
                    + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                    thrown instanceof Throwable t ? t : null);
        }
        return incident;
    }

    /**
     * Back to the page whose view expired, fetched fresh: the failed request's address when the container
     * forwarded here, else the page the browser came from (PrimeFaces redirects here, for ajax and full posts
     * alike, and the browser sends that page as referrer). Only addresses of this site.
     */
    public String getBack() {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String u ? u : refererPath();
        String local = path.substring(Math.min(path.length(), request.getContextPath().length()));
        return request.getContextPath() + SafeRedirect.localPath(local.isEmpty() ? "/" : local);
    }

    private String refererPath() {
        try {
            URI referer = URI.create(String.valueOf(request.getHeader("Referer")));
            boolean sameSite = request.getServerName().equalsIgnoreCase(referer.getHost())
                    && referer.getRawPath() != null && referer.getRawPath().startsWith(request.getContextPath());
            return sameSite ? referer.getRawPath() : "/";
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
