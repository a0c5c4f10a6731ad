package io.kefu.portal.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LanguagesTest {

    @Test
    void anyChineseMeansSimplifiedChineseAndAnyEnglishMeansEnglish() {
        assertEquals(Optional.of(Locale.SIMPLIFIED_CHINESE), Languages.match("zh-TW"));
        assertEquals(Optional.of(Locale.SIMPLIFIED_CHINESE), Languages.match("zh_CN"));
        assertEquals(Optional.of(Locale.ENGLISH), Languages.match("en-GB"));
        assertTrue(Languages.match("fr").isEmpty());
        assertTrue(Languages.match("").isEmpty());
        assertTrue(Languages.match(null).isEmpty());
    }

    @Test
    void picksTheFirstSpokenLanguageOfAnAcceptLanguageHeader() {
        assertEquals(Optional.of(Locale.ENGLISH), Languages.fromAcceptLanguage("fr-FR,fr;q=0.9,en;q=0.8,zh;q=0.5"));
        assertEquals(Optional.of(Locale.SIMPLIFIED_CHINESE), Languages.fromAcceptLanguage("zh-CN,zh;q=0.9"));
        assertTrue(Languages.fromAcceptLanguage("de, fr").isEmpty());
        assertTrue(Languages.fromAcceptLanguage(";;;garbage===").isEmpty());
    }
}
