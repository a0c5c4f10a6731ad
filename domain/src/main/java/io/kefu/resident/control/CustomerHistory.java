package io.kefu.resident.control;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A customer's whole history (cases, callbacks, survey answers, courtesy visits) as one list, newest first. Each
 * kind lives in its own table; the boundary reads the newest entries of each, enough to fill the page asked for,
 * and {@link #page} merges them: the n-th page of the merged list only ever needs the first (n+1)·size entries of
 * each kind.
 */
public final class CustomerHistory {

    /** Pages beyond this are not served: a record's page is for reading, exports are for everything. */
    public static final int MAX_PAGES = 50;

    public enum Type {
        /** A case filed by the customer: the case page, by number. */
        CASE,
        /** The callback after one of the customer's cases was resolved: the callback page, by key. */
        CALLBACK,
        /** A survey answered about one of the customer's cases: the case page. */
        SURVEY,
        /** A courtesy visit (回访) to the customer's phone number, from a plan: the callback page. */
        COURTESY
    }

    /**
     * One entry. {@code code} is a status, outcome or channel name the page translates; {@code caseNumber} and
     * {@code callbackKey} say where the entry links to; {@code text} is a short excerpt or the unit visited;
     * {@code score} a survey's average score.
     */
    public record Entry(Type type, Instant at, String caseNumber, String callbackKey, String code, String text,
            Double score) implements Serializable {
    }

    /** One page of the history: its entries, which page, its size and how many entries there are in all. */
    public record Page(List<Entry> entries, int page, int size, long total) implements Serializable {

        public boolean hasNext() {
            return (long) (page + 1) * size < total && page + 1 < MAX_PAGES;
        }

        public boolean hasPrevious() {
            return page > 0;
        }
    }

    /** Newest first; at the same instant a case before what followed from it, then by link, so paging is stable. */
    static final Comparator<Entry> NEWEST_FIRST = Comparator.comparing(Entry::at, Comparator.reverseOrder())
            .thenComparing(Entry::type)
            .thenComparing(e -> e.caseNumber() == null ? "" : e.caseNumber())
            .thenComparing(e -> e.callbackKey() == null ? "" : e.callbackKey());

    private CustomerHistory() {
    }

    /** The page (from 0) a reader asked for, kept within what is served. */
    public static int page(int asked) {
        return Math.max(0, Math.min(asked, MAX_PAGES - 1));
    }

    /** How many of each kind's newest entries the boundary must read to fill page {@code page}. */
    public static int needed(int page, int size) {
        return (page(page) + 1) * size;
    }

    /**
     * Page {@code page} of the merged history, given each kind's newest {@link #needed} entries (in any order)
     * and the total number of entries of all kinds.
     */
    public static Page page(List<List<Entry>> newestOfEachKind, int page, int size, long total) {
        int wanted = page(page);
        List<Entry> all = new ArrayList<>();
        newestOfEachKind.forEach(all::addAll);
        all.sort(NEWEST_FIRST);
        int from = Math.min(all.size(), wanted * size);
        int to = Math.min(all.size(), from + size);
        return new Page(List.copyOf(all.subList(from, to)), wanted, size, total);
    }
}
