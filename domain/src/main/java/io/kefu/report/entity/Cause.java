package io.kefu.report.entity;

import java.util.List;

/**
 * A main cause of a quarter's complaints (docs/REPORTS.md, "Main causes"): a top category, a unit or a resident
 * with the same category two or more times, or a building where one category keeps coming back; with its valid
 * complaints' count and case numbers, and the supervisor's analysis once written.
 *
 * @param key names the cause across reports and actions: {@code CATEGORY|leak}, {@code UNIT|3栋|1502|leak},
 *        {@code RESIDENT|13800138000|leak}, {@code BUILDING|5栋|lift}
 * @param place the unit ("3栋 1502"), the resident's phone or the building; {@code null} for a category
 * @param caseNumbers the numbers of the cases, registered first first (at most {@link #MAX_NUMBERS})
 */
public record Cause(String key, Kind kind, String categoryCode, String place, long count, List<String> caseNumbers,
        String analysis) {

    public static final int KEY_MAXLENGTH = 200;
    /** A top category of a big office has thousands of cases; a report lists this many of them. */
    public static final int MAX_NUMBERS = 100;
    private static final String SEPARATOR = "|";

    /** What kind of cause. */
    public enum Kind {
        CATEGORY, UNIT, RESIDENT, BUILDING
    }

    /** The parts of a cause's key: what the effectiveness check looks for again in the next quarter. */
    public record Key(Kind kind, String building, String unit, String phone, String categoryCode) {

        public static Key parse(String key) {
            String[] parts = key == null ? new String[0] : key.split("\\|", -1);
            try {
                Kind kind = Kind.valueOf(parts[0]);
                return switch (kind) {
                    case CATEGORY -> new Key(kind, null, null, null, parts[1]);
                    case UNIT -> new Key(kind, parts[1], parts[2], null, parts[3]);
                    case RESIDENT -> new Key(kind, null, null, parts[1], parts[2]);
                    case BUILDING -> new Key(kind, parts[1], null, null, parts[2]);
                };
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException malformed) {
                throw io.kefu.problem.KefuException.invalid("causes", "action.cause.unknown", key);
            }
        }
    }

    public static String categoryKey(String category) {
        return String.join(SEPARATOR, Kind.CATEGORY.name(), category);
    }

    public static String unitKey(String building, String unit, String category) {
        return String.join(SEPARATOR, Kind.UNIT.name(), building, unit, category);
    }

    public static String residentKey(String phone, String category) {
        return String.join(SEPARATOR, Kind.RESIDENT.name(), phone, category);
    }

    public static String buildingKey(String building, String category) {
        return String.join(SEPARATOR, Kind.BUILDING.name(), building, category);
    }

    /** The same cause with the resident's phone masked, for a reader below their record's level. */
    public Cause placeMasked() {
        return new Cause(key, kind, categoryCode, io.kefu.confidentiality.control.Mask.phone(place), count,
                caseNumbers, analysis);
    }

    /** The same cause with the supervisor's analysis. */
    public Cause analysed(String text) {
        return new Cause(key, kind, categoryCode, place, count, caseNumbers, text);
    }
}
