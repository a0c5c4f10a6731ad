package io.kefu.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Excel workbooks (.xlsx) with typed cells: numbers stay numbers a spreadsheet can compute with, dates are
 * dates, text is text (never a formula, so nothing in it runs when the file is opened). A sheet per section;
 * each sheet's header row is bold and stays in view while scrolling. Rows are streamed to the file a hundred
 * at a time, so a month of cases needs no more memory than a page of them.
 */
public final class Xlsx {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Rows kept in memory while writing; older ones are already in the (compressed) temporary file. */
    private static final int WINDOW = 100;
    /** Column widths are guessed from this many rows: enough for a header and the first figures. */
    private static final int WIDTH_SAMPLE = 200;
    private static final int MAX_WIDTH_CHARS = 60;

    /**
     * One sheet: its name (cut to Excel's 31 characters, characters Excel refuses replaced), an optional header
     * row and the rows. A cell is a {@link Number}, {@link LocalDate}, {@link LocalDateTime}, {@link Boolean},
     * null (empty) or anything else as its text.
     */
    public record Sheet(String name, List<String> header, List<? extends List<?>> rows) {

        public Sheet {
            header = header == null ? List.of() : List.copyOf(header);
        }
    }

    private Xlsx() {
    }

    /** A workbook of one sheet without a header row. */
    public static byte[] write(String sheetName, List<? extends List<?>> rows) {
        return write(List.of(new Sheet(sheetName, List.of(), rows)));
    }

    public static byte[] write(List<Sheet> sheets) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        try {
            workbook.setCompressTempFiles(true);
            Styles styles = new Styles(workbook);
            Set<String> names = new HashSet<>();
            for (Sheet sheet : sheets) {
                fill(workbook.createSheet(uniqueName(sheet.name(), names)), sheet, styles);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
        }
    }

    private static void fill(org.apache.poi.ss.usermodel.Sheet target, Sheet sheet, Styles styles) {
        int[] widths = new int[0];
        int next = 0;
        if (!sheet.header().isEmpty()) {
            Row row = target.createRow(next++);
            widths = writeRow(row, sheet.header(), styles, widths);
            for (Cell cell : row) {
                cell.setCellStyle(styles.header);
            }
            target.createFreezePane(0, 1);
        }
        for (List<?> values : sheet.rows()) {
            Row row = target.createRow(next++);
            int[] measured = writeRow(row, values, styles, widths);
            if (next <= WIDTH_SAMPLE) {
                widths = measured;
            }
        }
        for (int column = 0; column < widths.length; column++) {
            target.setColumnWidth(column, Math.min(MAX_WIDTH_CHARS, Math.max(8, widths[column] + 2)) * 256);
        }
    }

    /** Writes one row and answers the column widths (in character widths) widened by its cells. */
    private static int[] writeRow(Row row, List<?> values, Styles styles, int[] widths) {
        int[] wider = widths.length >= values.size() ? widths : Arrays.copyOf(widths, values.size());
        for (int column = 0; column < values.size(); column++) {
            Object value = values.get(column);
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(column);
            String shown;
            if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
                shown = number.toString();
            } else if (value instanceof LocalDateTime time) {
                cell.setCellValue(time);
                cell.setCellStyle(styles.dateTime);
                shown = "yyyy-mm-dd hh:mm";
            } else if (value instanceof LocalDate date) {
                cell.setCellValue(date);
                cell.setCellStyle(styles.date);
                shown = "yyyy-mm-dd";
            } else if (value instanceof Boolean flag) {
                cell.setCellValue(flag);
                shown = flag.toString();
            } else {
                shown = value.toString();
                cell.setCellValue(shown);
            }
            wider[column] = Math.max(wider[column], displayWidth(shown));
        }
        return wider;
    }

    /** Chinese characters take two columns' width, as in a terminal. */
    static int displayWidth(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); i++) {
            width += Character.UnicodeScript.of(text.charAt(i)) == Character.UnicodeScript.HAN
                    || text.charAt(i) >= 0xFF00 && text.charAt(i) <= 0xFFEF ? 2 : 1;
        }
        return width;
    }

    static String uniqueName(String wanted, Set<String> taken) {
        String base = WorkbookUtil.createSafeSheetName(wanted == null || wanted.isBlank() ? "Sheet" : wanted);
        String name = base;
        for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
            String suffix = " (" + n + ")";
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        return name;
    }

    /** The few cell styles a workbook shares (Excel allows about 64,000, so never one per cell). */
    private static final class Styles {

        final CellStyle header;
        final CellStyle date;
        final CellStyle dateTime;

        Styles(SXSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            short dateFormat = workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd");
            short dateTimeFormat = workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm");
            date = workbook.createCellStyle();
            date.setDataFormat(dateFormat);
            dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(dateTimeFormat);
        }
    }
}
