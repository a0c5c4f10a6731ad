package io.kefu.survey.entity;

import io.kefu.problem.Fields;
import io.kefu.problem.KefuException;
import io.kefu.resident.entity.Grade;
import io.kefu.resident.entity.Unit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which residents a campaign is for, in the register's terms: the buildings (or areas, as the register names them:
 * "3栋", "A区") and the customer grades. An empty list means no limit on that side; both empty is every resident on
 * the register. Buildings compare as the register does, regardless of case.
 */
public record Segment(List<String> buildings, Set<Grade> grades) {

    public static final int BUILDINGS_MAXLENGTH = 500;
    private static final Pattern SEPARATORS = Pattern.compile("[,，、;；\\n]");

    public Segment {
        buildings = List.copyOf(buildings);
        grades = grades.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(grades));
    }

    public static Segment everyone() {
        return new Segment(List.of(), Set.of());
    }

    /**
     * The segment an admin wrote: buildings separated by commas (also "，", "、", ";" or lines), each as long as a
     * building of the register may be; grades as A, B or C. Every fault reported at once.
     */
    public static Segment of(Collection<String> buildingTexts, Collection<String> gradeTexts) {
        List<String> buildings = new ArrayList<>();
        Set<Grade> grades = EnumSet.noneOf(Grade.class);
        KefuException.checkAll(
                () -> {
                    Map<String, String> seen = new LinkedHashMap<>();
                    for (String text : buildingTexts == null ? List.<String>of() : buildingTexts) {
                        for (String part : SEPARATORS.split(text == null ? "" : text)) {
                            String building = Fields.optional(part, "buildings", Unit.BUILDING_MAXLENGTH);
                            if (building != null) {
                                seen.putIfAbsent(building.toLowerCase(Locale.ROOT), building);
                            }
                        }
                    }
                    buildings.addAll(seen.values());
                    if (String.join(",", buildings).length() > BUILDINGS_MAXLENGTH) {
                        throw KefuException.invalid("buildings", "field.too.long", BUILDINGS_MAXLENGTH);
                    }
                },
                () -> {
                    for (String text : gradeTexts == null ? List.<String>of() : gradeTexts) {
                        if (text == null || text.isBlank()) {
                            continue;
                        }
                        grades.add(Grade.parse(text).orElseThrow(
                                () -> KefuException.invalid("grades", "campaign.grade.invalid", text.strip())));
                    }
                });
        return new Segment(buildings, grades);
    }

    /** As stored: "3栋,5栋" and "AB"; null for no limit. */
    static Segment stored(String buildings, String grades) {
        List<String> b = buildings == null || buildings.isEmpty() ? List.of() : List.of(buildings.split(","));
        Set<Grade> g = EnumSet.noneOf(Grade.class);
        if (grades != null) {
            grades.chars().forEach(c -> g.add(Grade.valueOf(String.valueOf((char) c))));
        }
        return new Segment(b, g);
    }

    String storedBuildings() {
        return buildings.isEmpty() ? null : String.join(",", buildings);
    }

    String storedGrades() {
        return grades.isEmpty() ? null : String.join("", gradeNames());
    }

    /** Whether a register entry of {@code building} with {@code grade} (null: ungraded) is in the segment. */
    public boolean includes(String building, Grade grade) {
        boolean inBuilding = buildings.isEmpty() || buildings.stream().anyMatch(b -> b.equalsIgnoreCase(building));
        return inBuilding && (grades.isEmpty() || grade != null && grades.contains(grade));
    }

    public boolean isEveryone() {
        return buildings.isEmpty() && grades.isEmpty();
    }

    /** The buildings lower-cased, as the register's query compares them. */
    public List<String> buildingKeys() {
        return buildings.stream().map(b -> b.toLowerCase(Locale.ROOT)).toList();
    }

    /** The buildings as a page lists them: "3栋, 5栋". */
    public String buildingsText() {
        return String.join(", ", buildings);
    }

    /** The grades as a page lists them: "A/B". */
    public String gradesText() {
        return String.join("/", gradeNames());
    }

    /** The grades' names in order: "A", "B". */
    public List<String> gradeNames() {
        return grades.stream().sorted().map(Grade::name).toList();
    }
}
