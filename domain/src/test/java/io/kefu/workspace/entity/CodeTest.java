package io.kefu.workspace.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kefu.i18n.LocalizedName;
import io.kefu.problem.KefuException;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "Noise", "-x", "a b", "噪音", "a/b", "x'; drop table department; --"})
    void refusesCodesThatAreNotUrlSafe(String code) {
        assertEquals("code", assertThrows(KefuException.class, () -> new Code(code)).field());
    }

    @Test
    void localizedNamesAnswerInTheReadersLanguage() {
        LocalizedName name = new LocalizedName(" 工程部 ", "Engineering");
        assertEquals("工程部", name.in(Locale.SIMPLIFIED_CHINESE));
        assertEquals("工程部", name.in(Locale.TRADITIONAL_CHINESE));
        assertEquals("Engineering", name.in(Locale.ENGLISH));
        assertEquals("nameEn", assertThrows(KefuException.class, () -> new LocalizedName("工程部", null)).field());
    }
}
