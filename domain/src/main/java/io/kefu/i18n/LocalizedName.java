package io.kefu.i18n;

import io.kefu.problem.Fields;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Locale;

/** A name shown to residents and staff in Chinese or English; both are required. */
@Embeddable
public class LocalizedName {

    public static final int MAX_LENGTH = 100;

    @Column(name = "name_zh", nullable = false, length = MAX_LENGTH)
    private String zh;

    @Column(name = "name_en", nullable = false, length = MAX_LENGTH)
    private String en;

    protected LocalizedName() {
        // for JPA
    }

    public LocalizedName(String zh, String en) {
        this.zh = Fields.text(zh, "nameZh", MAX_LENGTH);
        this.en = Fields.text(en, "nameEn", MAX_LENGTH);
    }

    public String in(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? zh : en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }
}
