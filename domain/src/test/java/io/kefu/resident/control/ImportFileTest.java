package io.kefu.resident.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kefu.problem.KefuException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportFileTest {

    @Test
    void readsCsvWithByteOrderMarkQuotesAndRowNumbers() {
        byte[] csv = ("\uFEFFname,phone\r\n\"Wang, Li\",138\r\n\r\n\"He said \"\"hi\"\"\",139").getBytes(StandardCharsets.UTF_8);
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
    void readsTheFirstSheetOfAWorkbookWithNumbersAsTyped() throws Exception {
        byte[] xlsx = Workbooks.xlsx(List.of(List.of("name", "phone"), List.of("张三", 13800138000L),
                List.of("李四", 1.38001381E10)));
        List<ImportFile.Row> rows = ImportFile.read(xlsx);
        assertEquals(3, rows.size());
        assertEquals(List.of("张三", "13800138000"), rows.get(1).cells());
        assertEquals("13800138100", rows.get(2).cell(1), "Excel's scientific notation gives back the digits");
    }

    @Test
    void refusesAWorkbookWithACellFarToTheRightInsteadOfFillingMemory() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                    + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>name</t></is></c>"
                    + "<c r=\"ZZZZZZZ1\"><v>1</v></c></row></sheetData></worksheet>").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        KefuException e = assertThrows(KefuException.class, () -> ImportFile.read(bytes.toByteArray()));
        assertEquals("import.file.malformed", e.messageKey());
        assertEquals(Integer.MAX_VALUE, ImportFile.column("ZZZZZZZZZZ1"), "no overflow into a small number");
    }

    @Test
    void refusesWhatIsNeitherCsvNorWorkbook() {
        byte[] pdf = {'%', 'P', 'D', 'F', '-', 1, 2, (byte) 0xC3, (byte) 0x28};
        KefuException e = assertThrows(KefuException.class, () -> ImportFile.read(pdf));
        assertEquals("import.file.malformed", e.messageKey());
        assertEquals("file", e.field());
        assertThrows(KefuException.class, () -> ImportFile.read(new byte[] {'P', 'K', 3, 4, 0, 0, 0}));
        assertThrows(KefuException.class, () -> ImportFile.read(new byte[0]));
        assertThrows(KefuException.class, () -> ImportFile.read("a,\"unclosed\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void columnLettersCountFromOne() {
        assertEquals(1, ImportFile.column("A1"));
        assertEquals(27, ImportFile.column("AA10"));
    }
}
