package io.kefu.resident.control;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.xmlbeans.XmlException;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTWorkbookPr;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.WorkbookDocument;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an .xlsx workbook as rows of text, read with Apache POI's streaming (SAX) reader so that
 * only the shared strings and the rows read so far are in memory. "First" is the first tab Excel shows, in the
 * workbook's order, not the part named sheet1.xml (a moved tab keeps its part name). Text is what the cell
 * shows without the phonetic guide Japanese and Chinese Excel can add (東京, not 東京トウキョウ); a number is
 * the number typed (a phone number Excel shows as 1.38E+10 gives its digits back); a date or time (any date
 * format, the 1904 calendar of old Mac workbooks included) is ISO text, 2024-03-14 or 2024-03-14 09:30.
 */
final class FirstSheet {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private FirstSheet() {
    }

    /** At most {@code limit} rows; a cell beyond {@code maxColumns} makes the file malformed. */
    static List<ImportFile.Row> rows(byte[] content, int limit, int maxColumns) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(content))) {
            XSSFReader reader = new XSSFReader(pkg);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw ImportFile.malformed();
            }
            Rows rows = new Rows(limit, maxColumns);
            XSSFSheetXMLHandler handler = new XSSFSheetXMLHandler(reader.getStylesTable(),
                    new ReadOnlySharedStringsTable(pkg, false), rows, new Shown(date1904(reader)), false);
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(handler);
                parser.parse(new InputSource(sheet));
            } catch (Enough full) {
                // The caller learns from the count that the file is too long; reading on would only cost memory.
            }
            return rows.rows;
        } catch (OpenXML4JException | SAXException | ParserConfigurationException | XmlException e) {
            throw ImportFile.malformed();
        }
    }

    private static boolean date1904(XSSFReader reader) throws IOException, OpenXML4JException, XmlException {
        try (InputStream workbook = reader.getWorkbookData()) {
            CTWorkbookPr properties = WorkbookDocument.Factory.parse(workbook).getWorkbook().getWorkbookPr();
            return properties != null && properties.getDate1904();
        }
    }

    /** Stops the parser once enough rows are read. */
    private static final class Enough extends RuntimeException {

        Enough() {
            super(null, null, false, false);
        }
    }

    /** What a cell shows, as text: dates as ISO dates, other numbers as typed. */
    private static final class Shown extends DataFormatter {

        private final boolean date1904;

        Shown(boolean date1904) {
            this.date1904 = date1904;
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime time = DateUtil.getLocalDateTime(value, date1904, true);
                return time.toLocalTime().equals(LocalTime.MIDNIGHT) ? time.toLocalDate().toString()
                        : time.format(DATE_TIME);
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }

    /** Collects the rows, filling the gaps between cells with empty text. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

        final List<ImportFile.Row> rows = new ArrayList<>();
        private final int limit;
        private final int maxColumns;
        private TreeMap<Integer, String> cells;
        private int number;

        Rows(int limit, int maxColumns) {
            this.limit = limit;
            this.maxColumns = maxColumns;
        }

        @Override
        public void startRow(int rowNum) {
            number = rowNum + 1;
            cells = new TreeMap<>();
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int column = new CellReference(reference).getCol();
            if (column >= maxColumns) {
                throw ImportFile.malformed();
            }
            cells.put(column, formattedValue == null ? "" : formattedValue.strip());
        }

        @Override
        public void endRow(int rowNum) {
            List<String> row = new ArrayList<>();
            int last = cells.isEmpty() ? -1 : cells.lastKey();
            for (int c = 0; c <= last; c++) {
                row.add(cells.getOrDefault(c, ""));
            }
            rows.add(new ImportFile.Row(number, row));
            if (rows.size() >= limit) {
                throw new Enough();
            }
        }
    }
}
