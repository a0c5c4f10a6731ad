package io.kefu.phrase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.phrase.ForbiddenPhrases.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ForbiddenPhrasesTest {

    private final ForbiddenPhrases phrases = ForbiddenPhrases.regulations();

    @Test
    void findsAForbiddenChinesePhraseWithItsPositionAndAPoliteAlternative() {
        String reply = "您好，这个问题我不知道，您去问保安吧。";
        List<Finding> findings = phrases.findIn(reply);
        assertEquals(1, findings.size());
        Finding finding = findings.get(0);
        assertEquals("不知道", reply.substring(finding.start(), finding.end()), "the phrase can be highlighted");
        assertFalse(finding.rule().suggestion().isBlank());
    }

    @Test
    void reportsEveryOccurrenceInReadingOrder() {
        List<Finding> findings = phrases.findIn("等一会儿！我不知道，不归我管。");
        assertEquals(List.of("等一会儿", "不知道", "不归我管"),
                findings.stream().map(f -> f.rule().phrase()).toList());
    }

    @Test
    void doesNotHitInsideALongerCourteousWord() {
        assertTrue(phrases.findIn("不知道您明天上午是否方便？我们安排师傅上门。").isEmpty());
        assertTrue(phrases.findIn("非常抱歉，我们不会再让这种情况发生。").isEmpty());
        assertEquals(1, phrases.findIn("不知道您是否方便，反正我不知道。").size(), "the rude one is still found");
    }

    @Test
    void findsEnglishPhrasesAsWholeWordsInAnyCase() {
        assertEquals(1, phrases.findIn("Sorry, I DON'T KNOW.").size());
        assertEquals(1, phrases.findIn("That is not my job!").size());
        assertEquals(1, phrases.findIn("I don’t know").size());
        assertTrue(phrases.findIn("I don't knowingly delay repairs.").isEmpty());
        assertTrue(phrases.findIn("This is not my jobsite.").isEmpty());
    }

    @Test
    void readsFullWidthFormsAsTheirPlainLetters() {
        assertEquals(1, phrases.findIn("ＣＡＬＭ ＤＯＷＮ please").size());
        assertEquals(1, phrases.findIn("喂,干什么").size(), "half-width comma written by a hurried hand");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "您好，请问有什么可以帮您？", "Thank you, we will call you back by 5 pm."})
    void politeRepliesPass(String reply) {
        assertTrue(phrases.findIn(reply).isEmpty());
    }
}
