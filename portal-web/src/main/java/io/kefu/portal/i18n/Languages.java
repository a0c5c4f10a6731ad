package io.kefu.portal.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages Kefu speaks, and how a tag from a cookie or a header maps onto them. */
public final class Languages {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale DEFAULT = CHINESE;
    public static final List<Locale> SUPPORTED = List.of(CHINESE, ENGLISH);
    public static final String COOKIE = "kefu-lang";

    private Languages() {
    }

    /** Any Chinese tag means simplified Chinese, any English tag means English, anything else nothing. */
    public static Optional<Locale> match(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
    }

    /** The best supported language of an {@code Accept-Language} header, or empty. */
    public static Optional<Locale> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            return Locale.LanguageRange.parse(header).stream()
                    .map(range -> match(range.getRange()))
                    .flatMap(Optional::stream)
                    .findFirst();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The tag stored in the cookie and used in links: {@code zh-CN} or {@code en}. */
    public static String tag(Locale locale) {
        return locale.toLanguageTag();
    }
}
