package io.kefu.portal.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Message lookup outside JSF (problem documents, startup output). The same bundle as the pages' {@code msg}.
 * A missing key shows as the key itself, so a gap is visible rather than an exception in an error path.
 */
public final class Messages {

    public static final String BUNDLE = "messages";

    private Messages() {
    }

    public static String get(Locale locale, String key, Object... arguments) {
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, Messages.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            String pattern = bundle.getString(key);
            return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
