package io.kefu.export;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Kefu's one CSV codec, for every list it writes and every file it imports: RFC 4180 (comma, double quotes,
 * CRLF). Written as UTF-8 with a byte-order mark, so that Excel shows Chinese instead of mojibake; read as
 * UTF-8 (with or without the mark) or, when the bytes are not UTF-8, as GB18030, the encoding Excel on a
 * Chinese Windows saves "CSV (逗号分隔)" in (GBK is a part of it).
 */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    /** GB18030 maps every GBK byte sequence to the same character, so one decoder covers both. */
    private static final Charset GB18030 = Charset.forName("GB18030");

    private static final CSVFormat WRITE = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();
    /** A blank line is a row a spreadsheet counts: kept, so that row numbers match what the user sees. */
    private static final CSVFormat READ = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false)
            .setIgnoreSurroundingSpaces(true).get();

    private Csv() {
    }

    /** The rows as CSV bytes; numbers as they are, text defused (see {@link #defused}), nulls empty. */
    public static byte[] write(List<? extends List<?>> rows) {
        StringBuilder out = new StringBuilder().append(BYTE_ORDER_MARK);
        try (CSVPrinter printer = new CSVPrinter(out, WRITE)) {
            for (List<?> row : rows) {
                List<Object> cells = new ArrayList<>(row.size());
                for (Object value : row) {
                    cells.add(value == null ? "" : value instanceof Number ? value : defused(value.toString()));
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Text that a spreadsheet program would run as a formula when the file is opened (a leading =, +, - or @,
     * "CSV injection") gets a leading apostrophe, which makes it plain text there; anything else is unchanged.
     */
    public static String defused(String text) {
        return !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /**
     * The text of a CSV file: UTF-8 when the bytes are valid UTF-8 (a leading byte-order mark dropped), else
     * GB18030. Throws {@link CharacterCodingException} when they are neither.
     */
    public static String decode(byte[] content) throws CharacterCodingException {
        String text;
        try {
            text = strictly(StandardCharsets.UTF_8, content);
        } catch (CharacterCodingException notUtf8) {
            text = strictly(GB18030, content);
        }
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }

    private static String strictly(Charset charset, byte[] content) throws CharacterCodingException {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
    }

    /**
     * The records of CSV text, at most {@code limit} of them (a longer file is cut there: the caller knows it is
     * too long by the count). Record n is row n as a spreadsheet shows it, blank rows included, even when a
     * quoted cell spans lines. Throws {@link IllegalArgumentException} for text that is not CSV (a quote never
     * closed, text after a closing quote).
     */
    public static List<List<String>> read(String text, int limit) {
        List<List<String>> records = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(READ).get()) {
            for (CSVRecord record : parser) {
                records.add(record.toList());
                if (records.size() >= limit) {
                    break;
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new IllegalArgumentException("not CSV", e);
        }
        return records;
    }
}
