package io.kefu.problem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Text is stored only when it can be shown as it was sent. */
class FieldsTest {

    @Test
    void keepsEveryScriptEmojiAndLineBreak() {
        String text = "楼上漏水 🚰\n\tLeak — Straße <script>alert(1)</script>";
        assertEquals(text, Fields.optional(text, "description", 5_000));
    }

    @Test
    void refusesTextThatCannotBeShownAndSaysWhere() {
        for (String bad : new String[] {"a\uD800b", "a\uDC00b", "a\u0000b", "a\u001Bb", "a\u0085b", "a\uFFFEb",
                "a\uFFFDb", "a\uDBFF\uDFFFb"}) {
            KefuException refused = assertThrows(KefuException.class, () -> Fields.optional(bad, "text", 100),
                    () -> "accepted " + bad.codePoints().mapToObj(Integer::toHexString).toList());
            assertEquals("text", refused.field());
            assertEquals("field.text.unshowable", refused.messageKey());
            assertArrayEquals(new Object[] {2}, refused.arguments());
        }
    }
}
