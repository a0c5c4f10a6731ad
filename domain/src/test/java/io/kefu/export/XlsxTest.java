package io.kefu.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Workbooks read back with the library: typed cells, a sheet per section, a bold frozen header. */
class XlsxTest {

    @Test
    void aSheetPerSectionWithTypedCellsThatOpensInTheLibrary() throws IOException {
        List<List<?>> cases = new ArrayList<>();
        for (int i = 1; i <= 500; i++) {
            cases.add(Arrays.asList("KF-" + i, LocalDate.of(2026, 11, 1 + i % 30), i % 7 == 0, i * 1.5,
                    i == 1 ? "=1+1" : null));
        }
        byte[] xlsx = Xlsx.write(List.of(
                new Xlsx.Sheet("汇总", List.of("部门", "件数", "占比"), List.of(List.of("工程部", 12, 0.6))),
                new Xlsx.Sheet("案件/明细:11月", List.of("编号", "登记", "超期", "时长", "备注"), cases),
                new Xlsx.Sheet("汇总", List.of(), List.of(List.of(LocalDateTime.of(2026, 12, 1, 8, 30))))));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals(3, workbook.getNumberOfSheets());
            assertEquals("汇总", workbook.getSheetName(0));
            assertEquals("案件 明细 11月", workbook.getSheetName(1), "characters Excel refuses are replaced");
            assertEquals("汇总 (2)", workbook.getSheetName(2), "names stay unique");

            Sheet summary = workbook.getSheetAt(0);
            assertTrue(workbook.getFontAt(summary.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold());
            assertEquals(1, summary.getPaneInformation().getHorizontalSplitPosition(), "header stays in view");
            assertEquals(CellType.NUMERIC, summary.getRow(1).getCell(1).getCellType());
            assertEquals(12, summary.getRow(1).getCell(1).getNumericCellValue());

            Sheet detail = workbook.getSheetAt(1);
            assertEquals(500, detail.getLastRowNum(), "the header and 500 rows");
            Cell registered = detail.getRow(1).getCell(1);
            assertTrue(DateUtil.isCellDateFormatted(registered), "a date, not a number");
            assertEquals(LocalDate.of(2026, 11, 2), registered.getLocalDateTimeCellValue().toLocalDate());
            assertEquals(CellType.BOOLEAN, detail.getRow(7).getCell(2).getCellType());
            assertEquals(750.0, detail.getRow(500).getCell(3).getNumericCellValue());
            Cell text = detail.getRow(1).getCell(4);
            assertEquals(CellType.STRING, text.getCellType(), "text that looks like a formula stays text");
            assertEquals("=1+1", text.getStringCellValue());
            assertFalse(detail.getRow(2).getCell(4) != null, "null is an empty cell");

            Cell stamp = workbook.getSheetAt(2).getRow(0).getCell(0);
            assertEquals(LocalDateTime.of(2026, 12, 1, 8, 30), stamp.getLocalDateTimeCellValue());
        }
    }

    @Test
    void chineseCountsDoubleForColumnWidths() {
        assertEquals(4, Xlsx.displayWidth("工程"));
        assertEquals(3, Xlsx.displayWidth("NPS"));
        Set<String> taken = new HashSet<>();
        assertEquals("Sheet", Xlsx.uniqueName("", taken));
        assertEquals("Sheet (2)", Xlsx.uniqueName(null, taken));
    }
}
