package io.kefu.resident.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kefu.problem.KefuException;
import io.kefu.resident.entity.Grade;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResidentListTest {

    private static ResidentList.Checked check(String csv) {
        return ResidentList.check(ImportFile.read(csv.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void takesGoodRowsAndReportsEachBadRowByNumberAndReason() {
        ResidentList.Checked checked = check("""
                building,unit,area,name,phone,email,grade
                1栋,101,89.5,张三,138 0013 8000,zhang@example.com,a
                1栋,102,,,13800138001,,
                1栋,103,,李四,12ab,,
                1栋,104,,王五,13800138003,,Z
                1栋,105,-3,赵六,13800138004,,
                1栋,101,,张三丰,13800138000,,B
                """);
        assertEquals(1, checked.entries().size());
        ResidentList.Entry first = checked.entries().get(0);
        assertEquals("13800138000", first.phone(), "spaces in a phone number are layout, not digits");
        assertEquals(Grade.A, first.grade());
        assertEquals(List.of(3, 4, 5, 6, 7), checked.rejections().stream().map(ResidentList.Rejection::row).toList());
        assertEquals(List.of("import.row.required", "import.row.phone.invalid", "import.row.grade.unknown",
                "import.row.area.invalid", "import.row.duplicate"),
                checked.rejections().stream().map(ResidentList.Rejection::messageKey).toList());
        assertEquals(List.of(2), checked.rejections().get(4).arguments(), "names the row it repeats");
    }

    @Test
    void readsChineseHeadersInAnyOrderAndIgnoresOtherColumns() {
        ResidentList.Checked checked = check("备注,电话,姓名,房号,楼栋\nx,13800138000,张三,201,2栋\n");
        assertEquals(1, checked.entries().size());
        assertEquals("2栋", checked.entries().get(0).building());
        assertNull(checked.entries().get(0).grade());
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsNotAResidentList() {
        KefuException e = assertThrows(KefuException.class, () -> check("name,phone\n张三,13800138000\n"));
        assertEquals("import.header.missing", e.messageKey());
        assertEquals(List.of("building, unit"), List.of(e.arguments()));
        assertThrows(KefuException.class, () -> check(""));
    }

    @Test
    void blankRowsAreSkippedNotRejected() {
        ResidentList.Checked checked = check("building,unit,name,phone\n,,,\n1,2,张三,13800138000\n");
        assertEquals(0, checked.rejections().size());
        assertEquals(3, checked.entries().get(0).row());
    }
}
