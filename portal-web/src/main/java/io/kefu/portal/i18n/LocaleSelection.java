package io.kefu.portal.i18n;

import io.kefu.tenancy.control.CurrentTenant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The language of this page: the visitor's own choice (cookie) wins, then the tenant's default language,
 * then the browser's preference on pages outside any tenant, then Chinese.
 */
@Named("language")
@RequestScoped
public class LocaleSelection {

    @Inject
    HttpServletRequest request;

    @Inject
    CurrentTenant currentTenant;

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            locale = chosen()
                    .or(() -> currentTenant.find().map(t -> Languages.match(Languages.tag(t.defaultLocale())))
                            .flatMap(o -> o))
                    .or(() -> Languages.fromAcceptLanguage(request.getHeader("Accept-Language")))
                    .orElse(Languages.DEFAULT);
        }
        return locale;
    }

    /** The tag for the {@code lang} attribute of the page. */
    public String getTag() {
        return Languages.tag(getLocale());
    }

    public boolean isChinese() {
        return "zh".equals(getLocale().getLanguage());
    }

    private Optional<Locale> chosen() {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies)
                .filter(c -> Languages.COOKIE.equals(c.getName()))
                .map(c -> Languages.match(c.getValue()))
                .flatMap(Optional::stream)
                .findFirst();
    }
}
