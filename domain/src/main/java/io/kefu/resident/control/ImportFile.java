package io.kefu.resident.control;

import io.kefu.problem.KefuException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A spreadsheet as rows of text cells, read from a CSV file (UTF-8, with or without a byte-order mark, comma
 * separated, RFC 4180 quoting) or from the first sheet of an Excel workbook (.xlsx). The xlsx parts are read
 * directly with StAX, the same way {@code Spreadsheets} writes them, rather than adding a spreadsheet library
 * for one flat sheet. Anything else — a PDF renamed .csv, text that is not UTF-8, a broken workbook — is
 * {@code import.file.malformed}. Row numbers are those a spreadsheet program shows: the header is row 1.
 */
public final class ImportFile {

    /** Text rows a file may carry, header included; more is refused as a whole rather than half read. */
    public static final int MAX_ROWS = 20_000;
    /** A workbook part larger than this when unpacked is refused (a zip bomb is small when packed). */
    static final int MAX_PART_BYTES = 32 * 1024 * 1024;
    /** A register has a handful of columns; a cell reference far to the right is a crafted file, not data. */
    static final int MAX_COLUMNS = 64;

    /** One row of the file: its number as a spreadsheet shows it and its cells, trimmed. */
    public record Row(int number, List<String> cells) {

        public String cell(int index) {
            return index < 0 || index >= cells.size() ? "" : cells.get(index);
        }

        public boolean isBlank() {
            return cells.stream().allMatch(String::isEmpty);
        }
    }

    private ImportFile() {
    }

    /** The rows of a CSV or xlsx file, recognised by its content (a zip is a workbook), never by its name. */
    public static List<Row> read(byte[] content) {
        if (content == null || content.length == 0) {
            throw malformed();
        }
        List<Row> rows = isZip(content) ? xlsx(content) : csv(content);
        if (rows.size() > MAX_ROWS) {
            throw KefuException.invalid("file", "import.file.too.many.rows", MAX_ROWS - 1);
        }
        return rows;
    }

    static boolean isZip(byte[] content) {
        return content.length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    static List<Row> csv(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw malformed();
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.indexOf('\u0000') >= 0) {
            throw malformed();
        }
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int rowStart = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.toString().isBlank()) {
                cell.setLength(0);
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString().strip());
                cell.setLength(0);
                rows.add(new Row(rowStart, List.copyOf(cells)));
                cells.clear();
                line++;
                rowStart = line;
                if (rows.size() > MAX_ROWS) {
                    break;
                }
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw malformed();
        }
        if (cell.length() > 0 || !cells.isEmpty()) {
            cells.add(cell.toString().strip());
            rows.add(new Row(rowStart, List.copyOf(cells)));
        }
        return rows;
    }

    static List<Row> xlsx(byte[] content) {
        Map<String, byte[]> parts = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                if (name.equals("xl/sharedStrings.xml")) {
                    parts.put(name, readLimited(zip));
                } else if (name.matches("xl/worksheets/sheet\\d+\\.xml")) {
                    // Only the first sheet is read: keep one sheet in memory, never all of them.
                    String kept = parts.keySet().stream().filter(n -> n.startsWith("xl/worksheets/")).findFirst()
                            .orElse(null);
                    if (kept == null || sheetNumber(name) < sheetNumber(kept)) {
                        byte[] sheet = readLimited(zip);
                        if (kept != null) {
                            parts.remove(kept);
                        }
                        parts.put(name, sheet);
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw malformed();
        }
        String sheet = parts.keySet().stream().filter(n -> n.startsWith("xl/worksheets/"))
                .min((a, b) -> Integer.compare(sheetNumber(a), sheetNumber(b)))
                .orElseThrow(ImportFile::malformed);
        try {
            List<String> shared = parts.containsKey("xl/sharedStrings.xml")
                    ? sharedStrings(parts.get("xl/sharedStrings.xml")) : List.of();
            return sheet(parts.get(sheet), shared);
        } catch (XMLStreamException | RuntimeException e) {
            if (e instanceof KefuException k) {
                throw k;
            }
            throw malformed();
        }
    }

    private static int sheetNumber(String part) {
        return Integer.parseInt(part.replaceAll("\\D", ""));
    }

    private static byte[] readLimited(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
            if (out.size() > MAX_PART_BYTES) {
                throw new IOException("part too large");
            }
        }
        return out.toByteArray();
    }

    /** A reader that resolves no DTD and no external entity: a workbook is untrusted XML. */
    private static XMLStreamReader reader(byte[] xml) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory.createXMLStreamReader(new ByteArrayInputStream(xml));
    }

    private static List<String> sharedStrings(byte[] xml) throws XMLStreamException {
        List<String> strings = new ArrayList<>();
        XMLStreamReader r = reader(xml);
        StringBuilder current = null;
        boolean inText = false;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "si" -> current = new StringBuilder();
                    case "t" -> inText = true;
                    case "rPh" -> inText = false; // phonetic hints are not part of the value
                    default -> { }
                }
            } else if (event == XMLStreamConstants.CHARACTERS && inText && current != null) {
                current.append(r.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (r.getLocalName().equals("t")) {
                    inText = false;
                } else if (r.getLocalName().equals("si") && current != null) {
                    strings.add(current.toString());
                    current = null;
                }
            }
        }
        return strings;
    }

    private static List<Row> sheet(byte[] xml, List<String> shared) throws XMLStreamException {
        List<Row> rows = new ArrayList<>();
        XMLStreamReader r = reader(xml);
        TreeMap<Integer, String> cells = null;
        int rowNumber = 0;
        int column = 0;
        String type = null;
        StringBuilder value = null;
        boolean inValue = false;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "row" -> {
                        String number = r.getAttributeValue(null, "r");
                        rowNumber = number == null ? rowNumber + 1 : Integer.parseInt(number);
                        cells = new TreeMap<>();
                        column = 0;
                    }
                    case "c" -> {
                        String ref = r.getAttributeValue(null, "r");
                        column = ref == null ? column + 1 : column(ref);
                        if (column < 1 || column > MAX_COLUMNS) {
                            throw new IllegalArgumentException("cell beyond column " + MAX_COLUMNS);
                        }
                        type = r.getAttributeValue(null, "t");
                        value = new StringBuilder();
                    }
                    case "v", "t" -> inValue = true;
                    default -> { }
                }
            } else if (event == XMLStreamConstants.CHARACTERS && inValue && value != null) {
                value.append(r.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                switch (r.getLocalName()) {
                    case "v", "t" -> inValue = false;
                    case "c" -> {
                        if (cells != null && value != null) {
                            cells.put(column, cellText(type, value.toString(), shared));
                        }
                        value = null;
                    }
                    case "row" -> {
                        if (cells != null) {
                            List<String> row = new ArrayList<>();
                            int last = cells.isEmpty() ? 0 : cells.lastKey();
                            for (int c = 1; c <= last; c++) {
                                row.add(cells.getOrDefault(c, "").strip());
                            }
                            rows.add(new Row(rowNumber, row));
                            if (rows.size() > MAX_ROWS) {
                                return rows;
                            }
                        }
                        cells = null;
                    }
                    default -> { }
                }
            }
        }
        return rows;
    }

    private static String cellText(String type, String raw, List<String> shared) {
        if ("s".equals(type)) {
            int index = Integer.parseInt(raw.strip());
            if (index < 0 || index >= shared.size()) {
                throw new IllegalArgumentException("shared string " + index);
            }
            return shared.get(index);
        }
        if (type == null || "n".equals(type)) {
            // Phone numbers typed into Excel become numbers (1.3800138E10): give back the digits typed.
            try {
                return raw.isBlank() ? "" : new BigDecimal(raw.strip()).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                return raw;
            }
        }
        return raw;
    }

    /** "C12" → 3. */
    static int column(String ref) {
        int column = 0;
        for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
            column = column * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
            if (column > MAX_COLUMNS) {
                // Stop before the number can grow (or overflow): such a file is refused as malformed.
                return Integer.MAX_VALUE;
            }
        }
        return column;
    }

    private static KefuException malformed() {
        return KefuException.invalid("file", "import.file.malformed");
    }
}
