package io.kefu.complaint.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.problem.KefuException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CaseNumberTest {

    @Test
    void printsYearMonthAndAFourDigitSerial() {
        assertEquals("202611-0042", new CaseNumber(YearMonth.of(2026, 11), 42).toString());
        assertEquals("202612-12345", new CaseNumber(YearMonth.of(2026, 12), 12_345).toString(), "grows, never wraps");
    }

    @Test
    void theMonthIsTheTenantsMonthNotUtcs() {
        Instant lateNovemberInUtc = Instant.parse("2026-11-30T16:30:00Z"); // 00:30 on 1 December in Shanghai
        assertEquals(YearMonth.of(2026, 12), CaseNumber.monthOf(lateNovemberInUtc, ZoneId.of("Asia/Shanghai")));
        assertEquals(YearMonth.of(2026, 11), CaseNumber.monthOf(lateNovemberInUtc, ZoneId.of("Europe/London")));
        assertEquals(YearMonth.of(2027, 1), CaseNumber.monthOf(Instant.parse("2026-12-31T16:00:00Z"),
                ZoneId.of("Asia/Shanghai")), "the year turns with the month");
    }

    @Test
    void parsesWhatItPrints() {
        CaseNumber number = new CaseNumber(YearMonth.of(2026, 1), 7);
        assertEquals(Optional.of(number), CaseNumber.parse(number.toString()));
        assertEquals(Optional.of(number), CaseNumber.parse(" 202601-0007 "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "202613-0001", "202600-0001", "202611-001", "202611-0000", "2026-11-0042",
            "202611-1234567", "202611-00a2", "1 OR 1=1"})
    void anythingElseIsNoCaseNumber(String text) {
        assertTrue(CaseNumber.parse(text).isEmpty(), text);
    }

    @Test
    void serialsStartAtOne() {
        assertThrows(KefuException.class, () -> new CaseNumber(YearMonth.of(2026, 11), 0));
        assertThrows(KefuException.class, () -> new CaseNumber(YearMonth.of(2026, 11), CaseNumber.MAX_SERIAL + 1));
    }
}
