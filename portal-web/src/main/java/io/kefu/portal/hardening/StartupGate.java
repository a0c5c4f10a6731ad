package io.kefu.portal.hardening;

import io.kefu.portal.i18n.Languages;
import io.kefu.portal.i18n.LocaleSelection;
import io.kefu.portal.i18n.Messages;
import io.kefu.portal.problem.Problem;
import io.kefu.portal.problem.ProblemResponses;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Until the node is ready ({@link NodeReadiness}), every request but health checks and static files is answered
 * 503 with {@code Retry-After}: a problem document on the API, a plain page in the visitor's language elsewhere.
 * The page is written here, not by Faces, so it needs nothing that may not be up yet (database, sessions); it
 * speaks the visitor's language (their choice, else the browser's; no tenant is known yet).
 *
 * <p>Before the application is deployed at all, Payara would answer with its own pages; the start commands
 * keep the port closed until then instead (see {@code src/main/payara}).
 */
public class StartupGate extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final int RETRY_AFTER_SECONDS = 10;

    @Inject
    NodeReadiness readiness;

    @Inject
    LocaleSelection language;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (readiness.isReady() || Refusal.path(request).startsWith("/health")
                || SecurityHeaders.isStaticResource(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        if (Refusal.isApi(request)) {
            ProblemResponses.send(request, response, Problem.of(503, "node.starting"));
            return;
        }
        Locale locale = language.getLocale();
        byte[] page = page(locale, request.getContextPath()).getBytes(StandardCharsets.UTF_8);
        response.setStatus(503);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Language", Languages.tag(locale));
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
    }

    static String page(Locale locale, String contextPath) {
        String title = escape(Messages.get(locale, "starting.title"));
        return "<!DOCTYPE html><html lang=\"" + Languages.tag(locale) + "\"><head><meta charset=\"utf-8\"/>"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/><title>" + title
                + "</title><link rel=\"stylesheet\" href=\"" + contextPath
                + "/jakarta.faces.resource/kefu.css.xhtml?ln=kefu\"/></head>"
                + "<body class=\"kefu\"><main class=\"kefu-main\">"
                + "<div class=\"kefu-card\" id=\"starting\"><h1>" + title + "</h1><p>"
                + escape(Messages.get(locale, "starting.detail")) + "</p></div></main></body></html>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
