package io.kefu.resident.control;

import io.kefu.export.Csv;
import io.kefu.problem.KefuException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A spreadsheet as rows of text cells, read from a CSV file (UTF-8 with or without a byte-order mark, or GB18030
 * as Excel on a Chinese Windows saves it; see {@link Csv}) or from the first sheet of an Excel workbook (.xlsx,
 * see {@link FirstSheet}). Anything else — a PDF renamed .csv, bytes that are no text, a broken workbook — is
 * {@code import.file.malformed}. Row numbers are those a spreadsheet program shows: the header is row 1.
 */
public final class ImportFile {

    /** Text rows a file may carry, header included; more is refused as a whole rather than half read. */
    public static final int MAX_ROWS = 20_000;
    /** A workbook larger than this when unpacked is refused (a zip bomb is small when packed). */
    static final long MAX_UNPACKED_BYTES = 64L * 1024 * 1024;
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
            text = Csv.decode(content);
        } catch (CharacterCodingException e) {
            throw malformed();
        }
        if (text.indexOf('\u0000') >= 0) {
            throw malformed();
        }
        List<List<String>> records;
        try {
            records = Csv.read(text, MAX_ROWS + 1);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        List<Row> rows = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            rows.add(new Row(i + 1, records.get(i).stream().map(String::strip).toList()));
        }
        return rows;
    }

    static List<Row> xlsx(byte[] content) {
        try {
            if (unpackedSize(content) > MAX_UNPACKED_BYTES) {
                throw malformed();
            }
            return FirstSheet.rows(content, MAX_ROWS + 1, MAX_COLUMNS);
        } catch (IOException | RuntimeException e) {
            if (e instanceof KefuException k) {
                throw k;
            }
            throw malformed();
        }
    }

    /**
     * What the workbook's parts add up to once unpacked, counted by unpacking (a zip's own size fields can lie),
     * and stopping as soon as the limit is passed: the library unpacks a package into memory when it opens it.
     */
    static long unpackedSize(byte[] content) throws IOException {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    total += n;
                    if (total > MAX_UNPACKED_BYTES) {
                        return total;
                    }
                }
            }
        }
        return total;
    }

    static KefuException malformed() {
        return KefuException.invalid("file", "import.file.malformed");
    }
}
