package io.kefu.portal.api;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kefu.workspace.entity.Code;
import java.lang.annotation.Annotation;
import org.junit.jupiter.api.Test;

class CodeParamsTest {

    @Test
    void refusesACodeParameterThatDoesNotSayWhatItNames() {
        assertThrows(IllegalStateException.class,
                () -> new CodeParams().getConverter(Code.class, Code.class, new Annotation[0]));
    }

    @Test
    void leavesOtherTypesToJersey() {
        assertNull(new CodeParams().getConverter(String.class, String.class, new Annotation[0]));
    }
}
