package io.kefu.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDVectorFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

/**
 * The PDF foundation, read back with another library (PDFBox): the Chinese text and figures are there as text,
 * every font is embedded (so no installed font is needed to show it), pages are numbered "x of y", and page 1
 * is rendered to {@code target/pdf/} to be looked at.
 */
class PdfDocumentTest {

    private static final Path OUT = Path.of("target", "pdf");

    @Test
    void aChineseReportCarriesItsTextFiguresLogoAndEmbeddedFontOnA4() throws IOException {
        byte[] pdf = PdfDocument.a4(Locale.SIMPLIFIED_CHINESE, "第 {0} 页 / 共 {1} 页")
                .tenant("汇景物业服务有限公司", logo())
                .title("客诉案件统计表")
                .subtitle("2026年11月 · 第 2 版")
                .table("按责任部门", List.of("责任部门", "件数", "占比 %", "平均满意度"), List.of(
                        List.of("工程部", 1234, 61.7, 4.25),
                        List.of("保洁外包（外部）", 566, 28.3, 3.5),
                        Arrays.asList("客服中心", 200, 10.0, null)))
                .paragraph("主要原因：地下车库渗水反复出现，已由工程部制定纠正措施。")
                .signatures("日期", List.of(new PdfDocument.Signature("制表人", "张三", LocalDate.of(2026, 12, 1)),
                        new PdfDocument.Signature("审核", "李四", LocalDate.of(2026, 12, 3)),
                        new PdfDocument.Signature("阅签", null, null)))
                .render();

        assertTrue(new String(pdf, 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF-"));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(1, document.getNumberOfPages());
            PDRectangle a4 = document.getPage(0).getMediaBox();
            assertEquals(595, a4.getWidth(), 1);
            assertEquals(842, a4.getHeight(), 1);
            String text = new PDFTextStripper().getText(document);
            for (String expected : List.of("汇景物业服务有限公司", "客诉案件统计表", "2026年11月", "按责任部门", "工程部",
                    "1,234", "61.7", "4.25", "保洁外包（外部）", "566", "28.3", "主要原因", "制表人", "张三",
                    "2026-12-01", "审核", "李四", "阅签", "第 1 页 / 共 1 页")) {
                assertTrue(text.contains(expected), expected + " in:\n" + text);
            }
            assertEmbeddedFontsOnly(document);
            assertGlyphsAreTheFontsOwn(document);
            assertTrue(hasImage(document.getPage(0).getResources()), "the logo");
            render(document, "report-zh.png");
            Files.write(OUT.resolve("report-zh.pdf"), pdf);
        }
    }

    @Test
    void aLongTableRunsOverPagesWithItsHeaderRepeatedAndEveryPageNumbered() throws IOException {
        List<List<?>> rows = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            rows.add(List.of("KF-202611-" + String.format("%04d", i), "Leak in car park " + i, i * 3));
        }
        byte[] pdf = PdfDocument.a4(Locale.ENGLISH, "Page {0} of {1}").tenant("Riverside Mall", null)
                .noRows("No data").title("Monthly complaint statistics")
                .table("Cases", List.of("Number", "Subject", "Hours"), rows)
                .table("Reopened", List.of("Reopened number", "Reason"), List.of())
                .signatures("Date",
                        List.of(new PdfDocument.Signature("Prepared by", "Ann Lee", LocalDate.of(2026, 12, 1))))
                .render();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertTrue(pages >= 3, "120 rows take several pages: " + pages);
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= pages; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(document);
                assertTrue(text.contains("Page " + page + " of " + pages), text);
                assertTrue(text.contains("Number") && text.contains("Hours"), "header on page " + page);
            }
            String all = new PDFTextStripper().getText(document);
            assertTrue(all.contains("KF-202611-0120") && all.contains("360"), "the last row");
            assertTrue(all.contains("Reopened number"), "an empty table still shows its header");
            assertTrue(all.contains("Reopened number Reason\nNo data"), "and says it is empty: " + all);
            assertTrue(all.contains("Date: 2026-12-01"), all);
            assertFalse(hasImage(document.getPage(0).getResources()), "no logo given, none drawn");
            assertEmbeddedFontsOnly(document);
            render(document, "report-en.png");
        }
    }

    /** Every font on every page is embedded (a subset): nothing depends on the fonts of the reader's machine. */
    private static void assertEmbeddedFontsOnly(PDDocument document) throws IOException {
        int fonts = 0;
        for (PDPage page : document.getPages()) {
            PDResources resources = page.getResources();
            for (COSName name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                assertTrue(font.isEmbedded(), font.getName() + " is embedded");
                assertTrue(font.getName().contains("NotoSansSC"), font.getName());
                fonts++;
            }
        }
        assertTrue(fonts > 0);
    }

    /**
     * Each character is drawn with the bundled font's own glyph for it: text extraction alone would pass a PDF
     * whose embedded glyphs are blank or wrong (as a CID-keyed .otf came out), so every drawn outline is compared
     * with the outline the font file has for that character.
     */
    private static void assertGlyphsAreTheFontsOwn(PDDocument document) throws IOException {
        TrueTypeFont original;
        try (InputStream in = PdfDocumentTest.class.getResourceAsStream(CjkFont.RESOURCE)) {
            original = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
        }
        CmapLookup cmap = original.getUnicodeCmapLookup();
        List<TextPosition> drawn = new ArrayList<>();
        PDFTextStripper collector = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                drawn.add(text);
            }
        };
        collector.getText(document);
        int chinese = 0;
        for (TextPosition position : drawn) {
            String character = position.getUnicode();
            if (character.isBlank()) {
                continue;
            }
            Rectangle2D expected = original.getGlyph().getGlyph(cmap.getGlyphId(character.codePointAt(0))).getPath()
                    .getBounds2D();
            Rectangle2D actual = ((PDVectorFont) position.getFont()).getPath(position.getCharacterCodes()[0])
                    .getBounds2D();
            assertFalse(actual.isEmpty(), "a visible glyph for " + character);
            assertEquals(expected, actual, "the font's own glyph for " + character);
            chinese += Character.UnicodeScript.of(character.codePointAt(0)) == Character.UnicodeScript.HAN ? 1 : 0;
        }
        assertTrue(chinese > 50, "Chinese glyphs checked: " + chinese);
    }

    private static boolean hasImage(PDResources resources) throws IOException {
        for (COSName name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof PDImageXObject) {
                return true;
            }
        }
        return false;
    }

    private static void render(PDDocument document, String name) throws IOException {
        Files.createDirectories(OUT);
        BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 110);
        ImageIO.write(page, "png", OUT.resolve(name).toFile());
    }

    /** A small PNG logo drawn here: a blue square with an orange bar. */
    private static byte[] logo() throws IOException {
        BufferedImage image = new BufferedImage(120, 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x1f, 0x6f, 0xeb));
        g.fillRect(0, 0, 120, 60);
        g.setColor(new Color(0xf5, 0x9e, 0x0b));
        g.fillRect(10, 40, 100, 10);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
