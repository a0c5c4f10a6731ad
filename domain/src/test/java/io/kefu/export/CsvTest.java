package io.kefu.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one CSV codec: what Excel reads safely, and what Excel writes, read back. */
class CsvTest {

    private static final List<List<Object>> ROWS = List.of(
            List.of("部门", "Responses", "NPS"),
            Arrays.asList("工程, 维修", 3, 25.0),
            Arrays.asList("=HYPERLINK(\"x\")", null, -20.5),
            List.of("+86 138", "-1 day", "@SUM(A1)"));

    @Test
    void writesUtf8WithAByteOrderMarkQuotesSeparatorsAndDefusesFormulas() {
        String csv = new String(Csv.write(ROWS), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF部门,Responses,NPS\r\n"), "a byte-order mark for Excel");
        assertTrue(csv.contains("\"工程, 维修\",3,25.0\r\n"), csv);
        assertTrue(csv.contains("\"'=HYPERLINK(\"\"x\"\")\",,-20.5\r\n"), csv);
        assertTrue(csv.contains("'+86 138,'-1 day,'@SUM(A1)\r\n"), csv);
    }

    @Test
    void whatItWritesReadsBackCellForCell() throws CharacterCodingException {
        List<List<String>> read = Csv.read(Csv.decode(Csv.write(List.of(List.of("名称", "多行\n文字", "\"引号\"")))), 10);
        assertEquals(List.of(List.of("名称", "多行\n文字", "\"引号\"")), read);
    }

    @Test
    void decodesUtf8FirstThenGb18030() throws CharacterCodingException {
        assertEquals("楼栋,房号", Csv.decode("\uFEFF楼栋,房号".getBytes(StandardCharsets.UTF_8)));
        assertEquals("楼栋,房号", Csv.decode("楼栋,房号".getBytes(Charset.forName("GBK"))));
        assertEquals("䶮", Csv.decode("䶮".getBytes(Charset.forName("GB18030"))));
        assertThrows(CharacterCodingException.class, () -> Csv.decode(new byte[] {(byte) 0xFF, (byte) 0xFE}));
    }

    @Test
    void keepsBlankRowsSoRowNumbersMatchTheSpreadsheetAndStopsAtTheLimit() {
        assertEquals(List.of(List.of("a"), List.of(""), List.of("b")), Csv.read("a\n\nb\n", 10));
        assertEquals(2, Csv.read("1\n2\n3\n4\n", 2).size());
        assertThrows(IllegalArgumentException.class, () -> Csv.read("a,\"never closed\n", 10));
    }
}
