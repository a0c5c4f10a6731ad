package io.kefu.resident.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.resident.control.CustomerHistory.Entry;
import io.kefu.resident.control.CustomerHistory.Page;
import io.kefu.resident.control.CustomerHistory.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A customer's history from four tables, merged newest first and paged without reading everything. */
class CustomerHistoryTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private static Entry at(Type type, int hours, String ref) {
        return new Entry(type, T0.plusSeconds(hours * 3600L), type == Type.COURTESY ? null : ref,
                type == Type.CASE || type == Type.SURVEY ? null : "k" + ref, "X", null, null);
    }

    @Test
    void entriesOfEveryKindAreMergedNewestFirst() {
        Page page = CustomerHistory.page(List.of(
                List.of(at(Type.CASE, 1, "a"), at(Type.CASE, 30, "b")),
                List.of(at(Type.CALLBACK, 20, "a")),
                List.of(at(Type.SURVEY, 25, "a")),
                List.of(at(Type.COURTESY, 40, "v"))), 0, 10, 5);

        assertEquals(List.of(Type.COURTESY, Type.CASE, Type.SURVEY, Type.CALLBACK, Type.CASE),
                page.entries().stream().map(Entry::type).toList());
        assertFalse(page.hasNext());
        assertFalse(page.hasPrevious());
    }

    @Test
    void aCaseComesBeforeWhatFollowedFromItAtTheSameInstant() {
        Page page = CustomerHistory.page(List.of(List.of(at(Type.SURVEY, 5, "a")), List.of(at(Type.CASE, 5, "a"))),
                0, 10, 2);

        assertEquals(List.of(Type.CASE, Type.SURVEY), page.entries().stream().map(Entry::type).toList());
    }

    @Test
    void theSecondPageNeedsOnlyTwoPagesOfEachKindAndContinuesWhereTheFirstStopped() {
        List<Entry> cases = new ArrayList<>();
        List<Entry> callbacks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            cases.add(at(Type.CASE, 2 * i, "c" + i));
            callbacks.add(at(Type.CALLBACK, 2 * i + 1, "c" + i));
        }
        int size = 3;
        assertEquals(6, CustomerHistory.needed(1, size));
        List<Entry> first = CustomerHistory.page(List.of(newest(cases, 3), newest(callbacks, 3)), 0, size, 20)
                .entries();
        Page second = CustomerHistory.page(List.of(newest(cases, 6), newest(callbacks, 6)), 1, size, 20);

        assertEquals(List.of(19, 18, 17), first.stream().map(CustomerHistoryTest::hours).toList());
        assertEquals(List.of(16, 15, 14), second.entries().stream().map(CustomerHistoryTest::hours).toList());
        assertTrue(second.hasNext());
        assertTrue(second.hasPrevious());
    }

    @Test
    void pagesBeyondTheCapAreNotServed() {
        assertEquals(CustomerHistory.MAX_PAGES - 1, CustomerHistory.page(10_000));
        assertEquals(0, CustomerHistory.page(-3));
        Page last = CustomerHistory.page(List.of(), CustomerHistory.MAX_PAGES + 5, 10, 100_000);
        assertEquals(CustomerHistory.MAX_PAGES - 1, last.page());
        assertFalse(last.hasNext());
    }

    private static List<Entry> newest(List<Entry> entries, int n) {
        return entries.stream().sorted((a, b) -> b.at().compareTo(a.at())).limit(n).toList();
    }

    private static int hours(Entry e) {
        return (int) ((e.at().getEpochSecond() - T0.getEpochSecond()) / 3600);
    }
}
