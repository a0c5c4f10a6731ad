package io.kefu.portal.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kefu.phrase.ForbiddenPhrases;
import org.junit.jupiter.api.Test;

/** The refused reply as the dialog shows it: every forbidden phrase marked, everything else escaped. */
class CasePageTest {

    @Test
    void marksEachForbiddenPhraseAndEscapesTheRest() {
        String html = CasePage.highlight("<b>这个我不知道</b>，你自己看着办", ForbiddenPhrases.regulations());
        assertEquals("&lt;b&gt;这个我<mark class=\"kefu-forbidden\">不知道</mark>&lt;/b&gt;，"
                + "<mark class=\"kefu-forbidden\">你自己看着办</mark>", html);
    }

    @Test
    void aCourteousReplyStaysPlainText() {
        assertEquals("不知道您是否方便明天上午在家？&amp;", CasePage.highlight("不知道您是否方便明天上午在家？&",
                ForbiddenPhrases.regulations()));
    }
}
