package io.kefu.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.kefu.workspace.entity.Code;
import org.junit.jupiter.api.Test;

class CodeConverterTest {

    private final CodeConverter converter = new CodeConverter();

    @Test
    void menuValueBecomesTheCodeAndBack() {
        Code code = converter.getAsObject(null, null, "engineering");
        assertEquals(new Code("engineering"), code);
        assertEquals("engineering", converter.getAsString(null, null, code));
    }

    @Test
    void nothingChosenIsNoCode() {
        assertNull(converter.getAsObject(null, null, ""));
        assertEquals("", converter.getAsString(null, null, null));
    }
}
