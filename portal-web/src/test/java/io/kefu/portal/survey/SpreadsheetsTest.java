package io.kefu.portal.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** Results downloads: CSV that spreadsheet programs read safely, and a well-formed Excel package. */
class SpreadsheetsTest {

    private static final List<List<Object>> ROWS = List.of(
            List.of("部门", "Responses", "NPS"),
            Arrays.asList("工程, 维修", 3, 25.0),
            Arrays.asList("=HYPERLINK(\"x\")", null, -20.5));

    @Test
    void csvQuotesSeparatorsAndDefusesFormulas() {
        String csv = new String(Spreadsheets.csv(ROWS), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF部门,Responses,NPS\r\n"), "a byte-order mark for Excel");
        assertTrue(csv.contains("\"工程, 维修\",3,25.0\r\n"));
        assertTrue(csv.contains("\"'=HYPERLINK(\"\"x\"\")\",,-20.5\r\n"), csv);
    }

    @Test
    void xlsxIsAPackageWithOneSheetOfInlineStringsAndNumbers() throws IOException {
        byte[] xlsx = Spreadsheets.xlsx("results", ROWS);
        List<String> parts = new ArrayList<>();
        String sheet = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                parts.add(entry.getName());
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    sheet = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertEquals(List.of("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                "xl/worksheets/sheet1.xml"), parts);
        assertTrue(sheet.contains("<c r=\"A2\" t=\"inlineStr\"><is><t>工程, 维修</t></is></c><c r=\"B2\"><v>3</v></c>"));
        assertTrue(sheet.contains("=HYPERLINK(&quot;x&quot;)"));
        assertEquals("AA", Spreadsheets.column(26));
    }
}
