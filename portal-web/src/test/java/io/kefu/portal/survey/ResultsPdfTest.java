package io.kefu.portal.survey;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.i18n.LocalizedName;
import io.kefu.survey.boundary.SurveyResults;
import io.kefu.survey.entity.QuestionDraft;
import io.kefu.survey.entity.QuestionKind;
import io.kefu.survey.entity.SurveyTemplate;
import io.kefu.workspace.entity.Code;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The survey summary PDF in both languages: its headings, figures and signature lines; page 1 kept to look at. */
class ResultsPdfTest {

    @Test
    void theSummaryCarriesTheFiguresInTheReadersLanguage() throws IOException {
        SurveyTemplate template = SurveyTemplate.create(new Code("satisfaction"),
                new LocalizedName("满意度回访", "Satisfaction"),
                List.of(new QuestionDraft(QuestionKind.RATING, true, "您对处理结果满意吗？", "Satisfied with the outcome?",
                                List.of()),
                        new QuestionDraft(QuestionKind.NPS, true, "您会推荐我们吗？", "Would you recommend us?", List.of())),
                Clock.systemUTC());
        SurveyResults.Summary summary = new SurveyResults.Summary(template, 40, 31, 30, 0.75, List.of(
                new SurveyResults.QuestionResult(template.questions().get(0), 31, Map.of(5, 20L, 4, 11L), 4.65, null,
                        List.of()),
                new SurveyResults.QuestionResult(template.questions().get(1), 30, Map.of(10, 18L, 6, 3L), null, 50.0,
                        List.of())));
        Map<SurveyResults.By, List<SurveyResults.Group>> breakdowns = new EnumMap<>(SurveyResults.By.class);
        breakdowns.put(SurveyResults.By.DEPARTMENT, List.of(new SurveyResults.Group("工程部", 21, 4.52, 42.9),
                new SurveyResults.Group(null, 10, 4.9, 70.0)));
        breakdowns.put(SurveyResults.By.OWNER, List.of());
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            byte[] pdf = ResultsPdf.render(summary, breakdowns, locale, locale == Locale.ENGLISH ? "Huijing Property"
                    : "汇景物业", null, new ResultsPdf.Preparer("王主管", LocalDate.of(2026, 12, 4)));
            try (PDDocument document = Loader.loadPDF(pdf)) {
                String text = new PDFTextStripper().getText(document);
                boolean zh = locale != Locale.ENGLISH;
                for (String expected : List.of(zh ? "问卷调查结果" : "Survey results", zh ? "汇景物业" : "Huijing Property",
                        zh ? "满意度回访 · 第 1 版 · 2026-12-04 制表" : "Satisfaction · version 1 · made 2026-12-04",
                        "40", "31", "75", "4.65", "50", "工程部", "4.52", "42.9", zh ? "（未指定）" : "(none)",
                        zh ? "制表人" : "Prepared by", "王主管", zh ? "审核" : "Reviewed by",
                        zh ? "第 1 页 / 共 1 页" : "Page 1 of 1")) {
                    assertTrue(text.contains(expected), locale + ": " + expected + " in\n" + text);
                }
                Files.createDirectories(Path.of("target", "pdf"));
                ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 100), "png",
                        Path.of("target", "pdf", "survey-results-" + locale + ".png").toFile());
            }
        }
    }
}
