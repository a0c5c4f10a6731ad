package io.kefu.problem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class KefuExceptionTest {

    @Test
    void refusesAMissingValueWithoutFailingItself() {
        KefuException refused = KefuException.invalid("departmentCode", "department.not.found", (Object) null);
        assertEquals("departmentCode", refused.field());
        assertArrayEquals(new Object[] {""}, refused.arguments());
    }

    @Test
    void keepsTheValuesAMessageShows() {
        KefuException refused = KefuException.invalid("restDays", "field.choice.invalid", "FUNDAY", 3);
        assertArrayEquals(new Object[] {"FUNDAY", 3}, refused.arguments());
    }
}
