package io.kefu.resident.control;

import io.kefu.problem.KefuException;
import io.kefu.resident.entity.Grade;
import io.kefu.resident.entity.Resident;
import io.kefu.resident.entity.Unit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rows of a resident file checked one by one. The header row names the columns (in English or in the
 * Chinese an office's own sheets use, in any order; other columns are ignored); without the four required
 * columns the file is not a resident list and nothing is taken from it. Every other problem belongs to one row,
 * which is refused with its number and reason while the others go on.
 */
public final class ResidentList {

    /** The columns a resident file may have; the first alias is the one the template and reports use. */
    public enum Column {
        BUILDING(true, "building", "楼栋", "楼号", "楼宇"),
        UNIT(true, "unit", "房号", "单元", "门牌", "unit_no"),
        AREA(false, "area", "面积", "area_m2", "建筑面积"),
        NAME(true, "name", "姓名", "业主姓名", "客户姓名"),
        PHONE(true, "phone", "电话", "手机", "联系电话", "手机号"),
        EMAIL(false, "email", "e-mail", "邮箱", "电子邮箱"),
        GRADE(false, "grade", "等级", "客户等级");

        final boolean required;
        final Set<String> aliases;

        Column(boolean required, String... aliases) {
            this.required = required;
            this.aliases = Set.of(aliases);
        }

        public String header() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A row that passed every check. */
    public record Entry(int row, String building, String unit, BigDecimal area, String name, String phone,
            String email, Grade grade) {

        public String unitKey() {
            return Unit.key(building, unit);
        }

        public String residentKey() {
            return phone + "\u0000" + unitKey();
        }
    }

    /** A refused row: its number, the column at fault and the reason as a message key with arguments. */
    public record Rejection(int row, String field, String messageKey, List<Object> arguments) {
    }

    public record Checked(List<Entry> entries, List<Rejection> rejections) {

        public int rows() {
            return entries.size() + rejections.size();
        }
    }

    static final Pattern PHONE = Pattern.compile("^\\+?[0-9]{5,15}$");
    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    static final BigDecimal MAX_AREA = new BigDecimal("100000");

    private ResidentList() {
    }

    /** Checks a file's rows (header first); a missing or unreadable header throws, row problems do not. */
    public static Checked check(List<ImportFile.Row> rows) {
        if (rows.isEmpty()) {
            throw KefuException.invalid("file", "import.header.missing", requiredHeaders());
        }
        Map<Column, Integer> columns = header(rows.get(0));
        List<Entry> entries = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (ImportFile.Row row : rows.subList(1, rows.size())) {
            if (row.isBlank()) {
                continue;
            }
            Object checked = entry(row, columns);
            if (checked instanceof Rejection rejection) {
                rejections.add(rejection);
            } else {
                Entry entry = (Entry) checked;
                Integer first = seen.putIfAbsent(entry.residentKey(), entry.row());
                if (first != null) {
                    rejections.add(new Rejection(entry.row(), Column.PHONE.header(), "import.row.duplicate",
                            List.of(first)));
                } else {
                    entries.add(entry);
                }
            }
        }
        return new Checked(entries, rejections);
    }

    /** "building, unit, name, phone": what a header must name at least. */
    public static String requiredHeaders() {
        return java.util.Arrays.stream(Column.values()).filter(c -> c.required).map(Column::header)
                .collect(Collectors.joining(", "));
    }

    static Map<Column, Integer> header(ImportFile.Row header) {
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        for (int i = 0; i < header.cells().size(); i++) {
            String name = header.cell(i).toLowerCase(Locale.ROOT).replace(" ", "");
            for (Column column : Column.values()) {
                if (column.aliases.contains(name) && columns.putIfAbsent(column, i) != null) {
                    throw KefuException.invalid("file", "import.header.duplicate", column.header());
                }
            }
        }
        String missing = java.util.Arrays.stream(Column.values()).filter(c -> c.required && !columns.containsKey(c))
                .map(Column::header).collect(Collectors.joining(", "));
        if (!missing.isEmpty()) {
            throw KefuException.invalid("file", "import.header.missing", missing);
        }
        return columns;
    }

    private static Object entry(ImportFile.Row row, Map<Column, Integer> columns) {
        String building = cell(row, columns, Column.BUILDING);
        String unit = cell(row, columns, Column.UNIT);
        String name = cell(row, columns, Column.NAME);
        String phone = cell(row, columns, Column.PHONE).replaceAll("[\\s()-]", "");
        String email = cell(row, columns, Column.EMAIL);
        String area = cell(row, columns, Column.AREA);
        String grade = cell(row, columns, Column.GRADE);
        if (name.isEmpty()) {
            return rejection(row, Column.NAME, "import.row.required");
        }
        if (name.length() > Resident.NAME_MAXLENGTH) {
            return rejection(row, Column.NAME, "import.row.too.long", Resident.NAME_MAXLENGTH);
        }
        if (phone.isEmpty()) {
            return rejection(row, Column.PHONE, "import.row.required");
        }
        if (!PHONE.matcher(phone).matches()) {
            return rejection(row, Column.PHONE, "import.row.phone.invalid", cell(row, columns, Column.PHONE));
        }
        if (building.isEmpty()) {
            return rejection(row, Column.BUILDING, "import.row.required");
        }
        if (building.length() > Unit.BUILDING_MAXLENGTH) {
            return rejection(row, Column.BUILDING, "import.row.too.long", Unit.BUILDING_MAXLENGTH);
        }
        if (unit.isEmpty()) {
            return rejection(row, Column.UNIT, "import.row.required");
        }
        if (unit.length() > Unit.NUMBER_MAXLENGTH) {
            return rejection(row, Column.UNIT, "import.row.too.long", Unit.NUMBER_MAXLENGTH);
        }
        if (!email.isEmpty() && (email.length() > Resident.EMAIL_MAXLENGTH || !EMAIL.matcher(email).matches())) {
            return rejection(row, Column.EMAIL, "import.row.email.invalid", email);
        }
        BigDecimal areaValue = null;
        if (!area.isEmpty()) {
            try {
                areaValue = new BigDecimal(area);
            } catch (NumberFormatException e) {
                return rejection(row, Column.AREA, "import.row.area.invalid", area);
            }
            if (areaValue.signum() <= 0 || areaValue.compareTo(MAX_AREA) >= 0 || areaValue.scale() > 2) {
                return rejection(row, Column.AREA, "import.row.area.invalid", area);
            }
        }
        Grade gradeValue = null;
        if (!grade.isEmpty()) {
            gradeValue = Grade.parse(grade).orElse(null);
            if (gradeValue == null) {
                return rejection(row, Column.GRADE, "import.row.grade.unknown", grade);
            }
        }
        return new Entry(row.number(), building, unit, areaValue, name, phone, email.isEmpty() ? null : email,
                gradeValue);
    }

    private static String cell(ImportFile.Row row, Map<Column, Integer> columns, Column column) {
        Integer index = columns.get(column);
        return index == null ? "" : row.cell(index);
    }

    private static Rejection rejection(ImportFile.Row row, Column column, String key, Object... arguments) {
        return new Rejection(row.number(), column.header(), key, List.of(arguments));
    }
}
