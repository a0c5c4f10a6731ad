package io.kefu.report.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kefu.problem.KefuException;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** What an admin may enter as the customer base: a month like 2026-01 and a positive whole number. */
class CustomerBaseTest {

    @Test
    void countsFromTheFirstDayOfItsMonth() {
        CustomerBase base = new CustomerBase(YearMonth.of(2026, 1), 1_200);
        assertEquals(YearMonth.of(2026, 1), base.from());
        assertEquals(1_200, base.customers());
        base.recount(1_250);
        assertEquals(1_250, base.customers());
    }

    @Test
    void refusesNoneZeroNegativeOrAbsurdCustomersAtTheirField() {
        for (Integer wrong : new Integer[] {null, 0, -5, CustomerBase.MAX_CUSTOMERS + 1}) {
            assertEquals("customers", assertThrows(KefuException.class,
                    () -> new CustomerBase(YearMonth.of(2026, 1), wrong)).field(), String.valueOf(wrong));
        }
    }

    @Test
    void readsMonthsAndRefusesAnythingElseAtTheMonthField() {
        assertEquals(YearMonth.of(2026, 2), CustomerBase.month(" 2026-02 "));
        for (String wrong : new String[] {null, "", "2026-13", "2026-2", "202602", "1999-12", "2026-02-01", "最近"}) {
            assertEquals("month", assertThrows(KefuException.class, () -> CustomerBase.month(wrong)).field(), wrong);
        }
    }
}
