package io.kefu.resident.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kefu.problem.KefuException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTPhoneticRun;

class ImportFileTest {

    @Test
    void readsCsvWithByteOrderMarkQuotesAndRowNumbers() {
        byte[] csv = ("\uFEFFname,phone\r\n\"Wang, Li\",138\r\n\r\n\"He said \"\"hi\"\"\",139")
                .getBytes(StandardCharsets.UTF_8);
        List<ImportFile.Row> rows = ImportFile.read(csv);
        assertEquals(List.of("name", "phone"), rows.get(0).cells(), "the mark is not part of the first header");
        assertEquals(List.of("Wang, Li", "138"), rows.get(1).cells());
        assertEquals(4, rows.get(3).number());
        assertEquals("He said \"hi\"", rows.get(3).cell(0));
    }

    @Test
    void readsCsvWithoutByteOrderMark() {
        assertEquals("姓名", ImportFile.read("姓名,电话\n张三,13800138000\n".getBytes(StandardCharsets.UTF_8))
                .get(0).cell(0));
    }

    @Test
    void aQuotedCellOverTwoLinesIsOneRowAsInASpreadsheet() {
        List<ImportFile.Row> rows = ImportFile.read("name,note\n张三,\"一楼\n东侧\"\n李四,x\n"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("一楼\n东侧", rows.get(1).cell(1));
        assertEquals(3, rows.get(2).number(), "李四 is the third row, not the fourth line");
    }

    /** Excel on a Chinese Windows saves "CSV (逗号分隔)" in GBK; issue 18. */
    @Test
    void readsCsvThatExcelSavedInGbkOrGb18030() {
        String text = "楼栋,房号,姓名,电话\r\n1栋,101,张三,13800138000\r\n2栋,202,欧阳䶮,13900139000\r\n";
        for (String charset : List.of("GBK", "GB18030")) {
            byte[] bytes = (charset.equals("GBK") ? text.replace("欧阳䶮", "欧阳娜") : text)
                    .getBytes(Charset.forName(charset));
            List<ImportFile.Row> rows = ImportFile.read(bytes);
            assertEquals(List.of("楼栋", "房号", "姓名", "电话"), rows.get(0).cells(), charset);
            assertEquals("张三", rows.get(1).cell(2), charset);
            assertEquals(charset.equals("GBK") ? "欧阳娜" : "欧阳䶮", rows.get(2).cell(2), charset);
        }
    }

    @Test
    void readsTheFirstSheetOfAWorkbookWithNumbersAsTyped() throws Exception {
        byte[] xlsx = Workbooks.xlsx(List.of(List.of("name", "phone"), List.of("张三", 13800138000L),
                List.of("李四", 1.38001381E10)));
        List<ImportFile.Row> rows = ImportFile.read(xlsx);
        assertEquals(3, rows.size());
        assertEquals(List.of("张三", "13800138000"), rows.get(1).cells());
        assertEquals("13800138100", rows.get(2).cell(1), "Excel's scientific notation gives back the digits");
    }

    /** The first tab a user sees, not the part named sheet1.xml; issue 18. */
    @Test
    void theFirstSheetIsTheFirstTabInTheWorkbooksOrder() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Workbooks.fill(workbook.createSheet("说明"), List.of(List.of("这一页是填写说明")));
            Workbooks.fill(workbook.createSheet("住户"), List.of(List.of("楼栋", "房号"), List.of("1栋", 101)));
            workbook.setSheetOrder("住户", 0);
            List<ImportFile.Row> rows = ImportFile.read(Workbooks.bytes(workbook));
            assertEquals(List.of("楼栋", "房号"), rows.get(0).cells());
            assertEquals(List.of("1栋", "101"), rows.get(1).cells());
        }
    }

    /** A phonetic guide (furigana / pinyin) is not part of the cell's text; issue 18. */
    @Test
    void phoneticGuidesAreNotAppendedToTheText() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet("Sheet1");
            XSSFRichTextString tokyo = new XSSFRichTextString("東京");
            CTPhoneticRun guide = tokyo.getCTRst().addNewRPh();
            guide.setSb(0);
            guide.setEb(2);
            guide.setT("トウキョウ");
            sheet.createRow(0).createCell(0).setCellValue("building");
            sheet.createRow(1).createCell(0).setCellValue(tokyo);
            List<ImportFile.Row> rows = ImportFile.read(Workbooks.bytes(workbook));
            assertEquals("東京", rows.get(1).cell(0));
        }
    }

    /** A date cell is a date, in whatever format Excel shows it, not its serial number (45365); issue 18. */
    @Test
    void datesComeOutAsDatesNotSerialNumbers() throws Exception {
        for (boolean date1904 : List.of(false, true)) {
            try (XSSFWorkbook workbook = new XSSFWorkbook()) {
                workbook.getCTWorkbook().addNewWorkbookPr().setDate1904(date1904);
                XSSFSheet sheet = workbook.createSheet("Sheet1");
                CellStyle builtIn = workbook.createCellStyle();
                builtIn.setDataFormat((short) 14);
                CellStyle chinese = workbook.createCellStyle();
                chinese.setDataFormat(workbook.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
                CellStyle withTime = workbook.createCellStyle();
                withTime.setDataFormat(workbook.createDataFormat().getFormat("yyyy/m/d h:mm"));
                Row row = sheet.createRow(0);
                row.createCell(0).setCellValue(LocalDate.of(2024, 3, 14));
                row.getCell(0).setCellStyle(builtIn);
                row.createCell(1).setCellValue(LocalDate.of(2023, 12, 31));
                row.getCell(1).setCellStyle(chinese);
                row.createCell(2).setCellValue(LocalDateTime.of(2024, 3, 14, 9, 30));
                row.getCell(2).setCellStyle(withTime);
                row.createCell(3).setCellValue(45365);
                List<String> cells = ImportFile.read(Workbooks.bytes(workbook)).get(0).cells();
                assertEquals(List.of("2024-03-14", "2023-12-31", "2024-03-14 09:30", "45365"), cells,
                        "1904 calendar: " + date1904);
            }
        }
    }

    @Test
    void refusesAWorkbookWithACellFarToTheRightInsteadOfFillingMemory() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Row row = workbook.createSheet("Sheet1").createRow(0);
            row.createCell(0).setCellValue("name");
            row.createCell(16_000).setCellValue(1);
            KefuException e = assertThrows(KefuException.class, () -> ImportFile.read(Workbooks.bytes(workbook)));
            assertEquals("import.file.malformed", e.messageKey());
        }
    }

    @Test
    void refusesAZipBombBeforeUnpackingIt() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i <= ImportFile.MAX_UNPACKED_BYTES / zeros.length; i++) {
                zip.write(zeros);
            }
        }
        assertEquals(true, bytes.size() < 1024 * 1024, "small when packed");
        KefuException e = assertThrows(KefuException.class, () -> ImportFile.read(bytes.toByteArray()));
        assertEquals("import.file.malformed", e.messageKey());
    }

    @Test
    void refusesWhatIsNeitherCsvNorWorkbook() {
        byte[] pdf = {'%', 'P', 'D', 'F', '-', 0, 1, 2, (byte) 0xC3, (byte) 0x28};
        KefuException e = assertThrows(KefuException.class, () -> ImportFile.read(pdf));
        assertEquals("import.file.malformed", e.messageKey());
        assertEquals("file", e.field());
        assertThrows(KefuException.class, () -> ImportFile.read(new byte[] {'P', 'K', 3, 4, 0, 0, 0}));
        assertThrows(KefuException.class, () -> ImportFile.read(new byte[0]));
        assertThrows(KefuException.class, () -> ImportFile.read("a,\"unclosed\n".getBytes(StandardCharsets.UTF_8)));
        assertThrows(KefuException.class, () -> ImportFile.read(new byte[] {'a', ',', (byte) 0x81, '\n'}),
                "neither UTF-8 nor GB18030");
    }
}
