package io.kefu.portal.i18n;

import io.kefu.portal.identity.SafeRedirect;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /lang?to=en&back=/t/riverside-mall/}: remembers the chosen language for a year and returns to the
 * page the visitor came from. A plain link rather than a form post, so it works on every page, even one whose
 * view has expired. Only local paths are accepted as {@code back}, so this is no open redirect.
 */
@WebServlet("/lang")
public class LanguageSwitch extends HttpServlet {

    private static final int ONE_YEAR = 365 * 24 * 3600;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Locale> chosen = Languages.match(request.getParameter("to"));
        if (chosen.isPresent()) {
            Cookie cookie = new Cookie(Languages.COOKIE, Languages.tag(chosen.get()));
            cookie.setPath("/");
            cookie.setMaxAge(ONE_YEAR);
            cookie.setHttpOnly(true);
            cookie.setAttribute("SameSite", "Lax");
            // Secure like the session cookie: also behind a TLS-terminating proxy (SessionLifetime decides).
            cookie.setSecure(request.isSecure() || request.getServletContext().getSessionCookieConfig().isSecure());
            response.addCookie(cookie);
        }
        response.sendRedirect(request.getContextPath() + SafeRedirect.localPath(request.getParameter("back")));
    }
}
