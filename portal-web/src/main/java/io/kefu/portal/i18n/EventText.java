package io.kefu.portal.i18n;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A history entry's text as people read it. The history stores codes where the system wrote the text (the
 * outcome a case closed with, a callback attempt's method and result, an escalation's reason) so that it stays
 * language-neutral and the API can show it as is; pages translate those codes here. Free text typed by people is
 * shown unchanged.
 */
@Named
@ApplicationScoped
public class EventText {

    /** "#2 PHONE SATISFIED 4/5: comment", as {@code CallbackAttempt.summary()} writes it. */
    private static final Pattern ATTEMPT = Pattern.compile(
            "^#(\\d+) ([A-Z]+) ([A-Z_]+)(?: (\\d)/5)?(?:: (.*))?$", Pattern.DOTALL);

    /** "#1 REFUND 150.00: reason, proposer or refusal", as {@code Compensation.summary()} writes it. */
    private static final Pattern COMPENSATION = Pattern.compile("^#(\\d+) ([A-Z]+) ([0-9.]+): (.*)$", Pattern.DOTALL);

    public String of(String action, String text) {
        return of(FacesContext.getCurrentInstance().getViewRoot().getLocale(), action, text);
    }

    /** The same outside a page: for a PDF in the reader's language. */
    public static String of(Locale locale, String action, String text) {
        if (text == null) {
            return null;
        }
        return switch (action) {
            case "CLOSE" -> known(locale, "callback.outcome." + text, text);
            case "ESCALATE" -> known(locale, "escalation.reason." + text, text);
            case "CALLBACK" -> attempt(locale, text);
            case "COMPENSATION_PROPOSE", "COMPENSATION_APPROVE", "COMPENSATION_REFUSE" -> compensation(locale, text);
            default -> text;
        };
    }

    private static String attempt(Locale locale, String text) {
        Matcher m = ATTEMPT.matcher(text);
        if (!m.matches()) {
            return text;
        }
        String result = m.group(3).equals("UNREACHED") ? Messages.get(locale, "callback.unreached")
                : known(locale, "callback.satisfaction." + m.group(3), m.group(3));
        return "#" + m.group(1) + " · " + known(locale, "callback.method." + m.group(2), m.group(2)) + " · " + result
                + (m.group(4) == null ? "" : " · " + m.group(4) + "/5") + (m.group(5) == null ? ""
                : ("zh".equals(locale.getLanguage()) ? "：" : ": ") + m.group(5));
    }

    private static String compensation(Locale locale, String text) {
        Matcher m = COMPENSATION.matcher(text);
        return !m.matches() ? text : Messages.get(locale, "compensation.event", m.group(1),
                known(locale, "compensation.type." + m.group(2), m.group(2)), m.group(3), m.group(4));
    }

    private static String known(Locale locale, String key, String fallback) {
        String text = Messages.get(locale, key);
        return text.equals(key) ? fallback : text;
    }
}
