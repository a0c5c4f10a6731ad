package io.kefu.export;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * An A4 report as PDF: the tenant's logo and name at the top, a title, then sections of headed tables of
 * figures and paragraphs, a signature block (who prepared, reviewed and signed, with dates) and "第 x 页 / 共 y
 * 页" (or "Page x of y") at the foot of every page. All text in the bundled CJK font ({@link CjkFont}), so
 * Chinese shows on any machine. Text comes translated from the caller; numbers are formatted for the locale.
 *
 * <pre>{@code
 * byte[] pdf = PdfDocument.a4(Locale.SIMPLIFIED_CHINESE, "第 {0} 页 / 共 {1} 页")
 *         .tenant("汇景物业", logoBytes).title("客诉案件统计表").subtitle("2026年11月")
 *         .table("按责任部门", List.of("部门", "件数", "占比 %"), rows)
 *         .signatures("日期", List.of(new Signature("制表人", "张三", LocalDate.of(2026, 12, 1))))
 *         .render();
 * }</pre>
 */
public final class PdfDocument {

    public static final String MEDIA_TYPE = "application/pdf";

    /** One signer: the role (制表人, 审核, 阅签), the name and the date; a null name or date leaves a line to sign on. */
    public record Signature(String role, String name, LocalDate date) {
    }

    /**
     * One cell of a form's grid ({@link #form}): a printed label (shaded) or what was entered, over {@code span}
     * columns, at least {@code height} points tall so that a blank form leaves room to write by hand.
     */
    public record FormCell(String text, int span, boolean label, float height) {

        public FormCell {
            if (span < 1) {
                throw new IllegalArgumentException("a form cell spans at least one column");
            }
        }

        public static FormCell label(String text) {
            return new FormCell(text, 1, true, 0);
        }

        /** An entry over {@code span} columns; null prints as an empty box. */
        public static FormCell value(String text, int span) {
            return new FormCell(text == null ? "" : text, span, false, 0);
        }

        /** The same cell, at least {@code points} tall. */
        public FormCell tall(float points) {
            return new FormCell(text, span, label, points);
        }
    }

    private static final float MARGIN = 42;
    private static final float FOOTER_Y = 24;
    private static final float LOGO_HEIGHT = 36;
    private static final Color RULE = new Color(0x99, 0x99, 0x99);
    private static final Color HEADER_FILL = new Color(0xEE, 0xF1, 0xF5);
    private static final int MAX_FRACTION_DIGITS = 2;
    private static final float CELL_PADDING = 4;
    private static final Color FORM_RULE = new Color(0x33, 0x33, 0x33);
    private static final float FORM_ROW_HEIGHT = 24;
    private static final float MAX_COLUMN_POINTS = 240;
    /** Simulated bold strokes the outline: its text is a little wider than the regular weight's. */
    private static final float BOLD_WIDENING = 1.06f;

    private final Locale locale;
    private final String pageLabel;
    private final List<Section> sections = new ArrayList<>();
    private String tenantName;
    private byte[] logo;
    private String title = "";
    private String subtitle;
    private String noRows = "—";
    private boolean landscape;

    private PdfDocument(Locale locale, String pageLabel) {
        this.locale = locale;
        this.pageLabel = pageLabel;
    }

    /**
     * A new document for readers of {@code locale}; {@code pageLabel} is the footer with {0} for the page and {1}
     * for the number of pages, as translated ("第 {0} 页 / 共 {1} 页", "Page {0} of {1}").
     */
    public static PdfDocument a4(Locale locale, String pageLabel) {
        return new PdfDocument(locale, pageLabel);
    }

    /** The tenant's name, and its logo as PNG, JPEG or WebP bytes (null: none). */
    public PdfDocument tenant(String name, byte[] logoImage) {
        this.tenantName = name;
        this.logo = logoImage;
        return this;
    }

    public PdfDocument title(String text) {
        this.title = text;
        return this;
    }

    /** A4 turned on its side, for tables of many columns (a month's cases with every attribute). */
    public PdfDocument landscape() {
        this.landscape = true;
        return this;
    }

    /** A line under the title: the period, the version, when it was made. */
    public PdfDocument subtitle(String text) {
        this.subtitle = text;
        return this;
    }

    /**
     * What a table without rows says in its one row ("无数据", "No data"), so that an empty table reads as empty
     * and not as a table whose rows went missing.
     */
    public PdfDocument noRows(String text) {
        this.noRows = text;
        return this;
    }

    /**
     * A table under its heading. A cell is a {@link Number} (formatted for the locale, right-aligned), null
     * (empty) or text. The header row repeats on every page the table runs over.
     */
    public PdfDocument table(String heading, List<String> columns, List<? extends List<?>> rows) {
        sections.add(new Table(heading, List.copyOf(columns), List.copyOf(rows)));
        return this;
    }

    /**
     * A form as offices print it: a ruled grid under its heading (none when blank), the columns' relative
     * {@code widths}, each row's cells spanning columns to fill it. Labels are shaded and set in bold; a row is
     * never split over two pages, so a box and what it holds stay together.
     */
    public PdfDocument form(String heading, float[] widths, List<List<FormCell>> rows) {
        List<List<FormCell>> copied = rows.stream().map(List::copyOf).toList();
        for (List<FormCell> row : copied) {
            if (row.stream().mapToInt(FormCell::span).sum() != widths.length) {
                throw new IllegalArgumentException("a form row must fill its " + widths.length + " columns: " + row);
            }
        }
        sections.add(new Form(heading, widths.clone(), copied));
        return this;
    }

    public PdfDocument paragraph(String text) {
        sections.add(new Text(text));
        return this;
    }

    /** The signature block, side by side; {@code dateLabel} is "日期" or "Date". */
    public PdfDocument signatures(String dateLabel, List<Signature> signatures) {
        sections.add(new Signatures(dateLabel, List.copyOf(signatures)));
        return this;
    }

    public byte[] render() {
        return numberPages(layOut());
    }

    private sealed interface Section permits Table, Text, Signatures, Form {
    }

    private record Form(String heading, float[] widths, List<List<FormCell>> rows) implements Section {
    }

    private record Table(String heading, List<String> columns, List<List<?>> rows) implements Section {
    }

    private record Text(String text) implements Section {
    }

    private record Signatures(String dateLabel, List<Signature> signatures) implements Section {
    }

    private byte[] layOut() {
        BaseFont font = CjkFont.get();
        Fonts fonts = new Fonts(font);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(landscape ? PageSize.A4.rotate() : PageSize.A4, MARGIN, MARGIN, MARGIN,
                MARGIN + FOOTER_Y);
        PdfWriter.getInstance(document, out);
        document.addTitle(title);
        document.addCreator("Kefu");
        document.open();
        document.add(letterhead(fonts));
        Paragraph heading = new Paragraph(title, fonts.title);
        heading.setAlignment(Element.ALIGN_CENTER);
        heading.setSpacingBefore(6);
        document.add(heading);
        if (subtitle != null && !subtitle.isBlank()) {
            Paragraph line = new Paragraph(subtitle, fonts.muted);
            line.setAlignment(Element.ALIGN_CENTER);
            document.add(line);
        }
        for (Section section : sections) {
            if (section instanceof Table table) {
                add(document, table, fonts);
            } else if (section instanceof Text text) {
                Paragraph paragraph = new Paragraph(text.text(), fonts.body);
                paragraph.setSpacingBefore(6);
                paragraph.setLeading(15);
                document.add(paragraph);
            } else if (section instanceof Signatures block) {
                document.add(signatureBlock(block, fonts));
            } else if (section instanceof Form form) {
                add(document, form, fonts);
            }
        }
        document.close();
        return out.toByteArray();
    }

    /** Logo on the left, the tenant's name beside it, a rule underneath. */
    private PdfPTable letterhead(Fonts fonts) {
        PdfPTable head = new PdfPTable(new float[] {1, 5});
        head.setWidthPercentage(100);
        Image image = logoImage();
        PdfPCell logoCell = image == null ? new PdfPCell(new Phrase("")) : new PdfPCell(image, false);
        logoCell.setBorder(Rectangle.BOTTOM);
        logoCell.setBorderColor(RULE);
        logoCell.setPaddingBottom(6);
        logoCell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        head.addCell(logoCell);
        PdfPCell name = new PdfPCell(new Phrase(tenantName == null ? "" : tenantName, fonts.tenant));
        name.setBorder(Rectangle.BOTTOM);
        name.setBorderColor(RULE);
        name.setPaddingBottom(6);
        name.setHorizontalAlignment(Element.ALIGN_RIGHT);
        name.setVerticalAlignment(Element.ALIGN_MIDDLE);
        head.addCell(name);
        return head;
    }

    /**
     * The logo scaled to the letterhead, or null. The logo was proven to decode when it was uploaded; should it
     * still not load, the report is worth more without it than not at all.
     */
    private Image logoImage() {
        if (logo == null || logo.length == 0) {
            return null;
        }
        try {
            Image image;
            try {
                image = Image.getInstance(logo);
            } catch (IOException | RuntimeException notPngNorJpeg) {
                // WebP, which the PDF library does not read: decoded by ImageIO (the TwelveMonkeys plug-in).
                BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(logo));
                if (decoded == null) {
                    return null;
                }
                image = Image.getInstance(decoded, null);
            }
            image.scaleToFit(LOGO_HEIGHT * 4, LOGO_HEIGHT);
            return image;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private void add(Document document, Table table, Fonts fonts) {
        heading(document, table.heading(), fonts);
        int columns = Math.max(1, table.columns().size());
        NumberFormat numbers = NumberFormat.getNumberInstance(locale);
        numbers.setMaximumFractionDigits(MAX_FRACTION_DIGITS);
        PdfPTable grid = new PdfPTable(widths(table, columns, fonts, numbers));
        grid.setWidthPercentage(100);
        grid.setHeaderRows(table.columns().isEmpty() ? 0 : 1);
        for (String column : table.columns()) {
            PdfPCell cell = new PdfPCell(new Phrase(column, fonts.bold));
            cell.setBackgroundColor(HEADER_FILL);
            cell.setBorderColor(RULE);
            cell.setPadding(CELL_PADDING);
            grid.addCell(cell);
        }
        for (List<?> row : table.rows()) {
            for (int c = 0; c < columns; c++) {
                Object value = c < row.size() ? row.get(c) : null;
                boolean number = value instanceof Number;
                PdfPCell cell = new PdfPCell(new Phrase(text(value, numbers), fonts.body));
                cell.setBorderColor(RULE);
                cell.setPadding(CELL_PADDING);
                cell.setHorizontalAlignment(number ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
                grid.addCell(cell);
            }
        }
        if (table.rows().isEmpty()) {
            PdfPCell none = new PdfPCell(new Phrase(noRows, fonts.muted));
            none.setColspan(columns);
            none.setBorderColor(RULE);
            none.setPadding(CELL_PADDING);
            none.setHorizontalAlignment(Element.ALIGN_CENTER);
            grid.addCell(none);
        }
        document.add(grid);
    }

    private void add(Document document, Form form, Fonts fonts) {
        PdfPTable grid = new PdfPTable(form.widths());
        grid.setWidthPercentage(100);
        grid.setSpacingBefore(8);
        grid.setSplitRows(false);
        // A form fits a page: moved whole to the next one rather than split, its heading row kept with it.
        grid.setKeepTogether(true);
        if (form.heading() != null && !form.heading().isBlank()) {
            PdfPCell heading = new PdfPCell(new Phrase(form.heading(), fonts.heading));
            heading.setColspan(form.widths().length);
            heading.setBorder(Rectangle.NO_BORDER);
            heading.setPaddingLeft(0);
            heading.setPaddingTop(4);
            heading.setPaddingBottom(6);
            grid.addCell(heading);
        }
        for (List<FormCell> row : form.rows()) {
            for (FormCell entry : row) {
                PdfPCell cell = new PdfPCell(new Phrase(entry.text(), entry.label() ? fonts.bold : fonts.body));
                cell.setColspan(entry.span());
                cell.setBorderColor(FORM_RULE);
                cell.setBorderWidth(0.75f);
                cell.setPadding(CELL_PADDING + 1);
                cell.setLeading(0, 1.35f);
                cell.setMinimumHeight(Math.max(FORM_ROW_HEIGHT, entry.height()));
                cell.setUseAscender(true);
                cell.setUseDescender(true);
                cell.setVerticalAlignment(entry.label() || entry.height() == 0
                        ? Element.ALIGN_MIDDLE : Element.ALIGN_TOP);
                if (entry.label()) {
                    cell.setBackgroundColor(HEADER_FILL);
                    cell.setHorizontalAlignment(Element.ALIGN_CENTER);
                }
                grid.addCell(cell);
            }
        }
        document.add(grid);
    }

    private static void heading(Document document, String text, Fonts fonts) {
        if (text != null && !text.isBlank()) {
            Paragraph heading = new Paragraph(text, fonts.heading);
            heading.setSpacingBefore(12);
            heading.setSpacingAfter(4);
            document.add(heading);
        }
    }

    /**
     * Column widths in points: each as wide as its header and its widest cell (plus padding), a long text column
     * at most about half the page, so figures and their headers are never broken over lines.
     */
    private float[] widths(Table table, int columns, Fonts fonts, NumberFormat numbers) {
        float[] widths = new float[columns];
        for (int c = 0; c < columns; c++) {
            widths[c] = c < table.columns().size() ? fonts.bold.getBaseFont().getWidthPoint(table.columns().get(c),
                    fonts.bold.getSize()) * BOLD_WIDENING : 0;
        }
        for (List<?> row : table.rows()) {
            for (int c = 0; c < columns && c < row.size(); c++) {
                widths[c] = Math.max(widths[c], fonts.body.getBaseFont().getWidthPoint(text(row.get(c), numbers),
                        fonts.body.getSize()));
            }
        }
        for (int c = 0; c < columns; c++) {
            widths[c] = Math.min(MAX_COLUMN_POINTS, widths[c] + CELL_PADDING * 2 + 2);
        }
        return widths;
    }

    private static String text(Object value, NumberFormat numbers) {
        return value == null ? "" : value instanceof Number ? numbers.format(value) : value.toString();
    }

    private PdfPTable signatureBlock(Signatures block, Fonts fonts) {
        String colon = "zh".equals(locale.getLanguage()) ? "：" : ": ";
        int count = Math.max(1, block.signatures().size());
        PdfPTable table = new PdfPTable(count);
        table.setWidthPercentage(100);
        table.setSpacingBefore(28);
        table.setKeepTogether(true);
        for (Signature signature : block.signatures()) {
            Paragraph content = new Paragraph();
            content.add(new Chunk(signature.role(), fonts.bold));
            content.add(Chunk.NEWLINE);
            content.add(new Chunk(signature.name() == null ? "____________" : signature.name(), fonts.body));
            content.add(Chunk.NEWLINE);
            content.add(new Chunk(block.dateLabel() + colon
                    + (signature.date() == null ? "____________" : signature.date().toString()), fonts.muted));
            PdfPCell cell = new PdfPCell(content);
            cell.setBorder(Rectangle.TOP);
            cell.setBorderColor(RULE);
            cell.setPaddingTop(6);
            cell.setLeading(0, 1.5f);
            table.addCell(cell);
        }
        return table;
    }

    /** The footer of every page, stamped once the number of pages is known. */
    private byte[] numberPages(byte[] pdf) {
        try {
            PdfReader reader = new PdfReader(pdf);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PdfStamper stamper = new PdfStamper(reader, out);
            int pages = reader.getNumberOfPages();
            Font footer = new Font(CjkFont.get(), 9, Font.NORMAL, Color.DARK_GRAY);
            for (int page = 1; page <= pages; page++) {
                Rectangle size = reader.getPageSize(page);
                PdfContentByte over = stamper.getOverContent(page);
                ColumnText.showTextAligned(over, Element.ALIGN_CENTER,
                        new Phrase(MessageFormat.format(pageLabel, page, pages), footer),
                        (size.getLeft() + size.getRight()) / 2, FOOTER_Y, 0);
            }
            stamper.close();
            reader.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sizes and weights used: one typeface, bold simulated by the PDF library where needed. */
    private static final class Fonts {

        final Font title;
        final Font tenant;
        final Font heading;
        final Font bold;
        final Font body;
        final Font muted;

        Fonts(BaseFont font) {
            title = new Font(font, 18, Font.BOLD);
            tenant = new Font(font, 12, Font.NORMAL);
            heading = new Font(font, 12, Font.BOLD);
            bold = new Font(font, 9.5f, Font.BOLD);
            body = new Font(font, 9.5f, Font.NORMAL);
            muted = new Font(font, 9, Font.NORMAL, Color.DARK_GRAY);
        }
    }
}
