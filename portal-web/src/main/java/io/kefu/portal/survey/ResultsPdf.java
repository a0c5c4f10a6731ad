package io.kefu.portal.survey;

import io.kefu.export.PdfDocument;
import io.kefu.portal.i18n.Messages;
import io.kefu.survey.boundary.SurveyResults;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results of a template version as a printable summary: the totals, each question's figures and every
 * breakdown as tables, signed by whoever made it (and a line for the reviewer), on the tenant's letterhead.
 * The same figures as the CSV and Excel downloads, in the reader's language.
 */
public final class ResultsPdf {

    /** Who asked for the summary, and the day it was made in the tenant's zone: the "prepared by" line. */
    public record Preparer(String name, LocalDate on) {
    }

    private ResultsPdf() {
    }

    public static byte[] render(SurveyResults.Summary summary,
            Map<SurveyResults.By, List<SurveyResults.Group>> breakdowns, Locale locale, String tenantName, byte[] logo,
            Preparer preparer) {
        PdfDocument pdf = PdfDocument.a4(locale, text(locale, "report.page"))
                .tenant(tenantName, logo)
                .noRows(text(locale, "report.noRows"))
                .title(text(locale, "survey.results.pdf.title"))
                .subtitle(Messages.get(locale, "survey.results.pdf.subtitle", summary.template().name().in(locale),
                        String.valueOf(summary.template().versionNo()), preparer.on().toString()));
        pdf.table(text(locale, "survey.results.pdf.totals"), List.of(text(locale, "survey.results.sent"),
                text(locale, "survey.results.responses"), text(locale, "survey.results.rate")),
                List.of(Arrays.asList(summary.invitationsSent(), summary.responses(),
                        summary.responseRate() == null ? null : summary.responseRate() * 100)));
        List<List<?>> questions = new ArrayList<>();
        for (SurveyResults.QuestionResult result : summary.questions()) {
            questions.add(Arrays.asList(result.question().position(), result.question().text(locale),
                    text(locale, "survey.kind." + result.question().kind()), result.answered(), result.average(),
                    result.nps()));
        }
        pdf.table(text(locale, "survey.results.questions"), List.of(text(locale, "survey.results.position"),
                text(locale, "survey.results.question"), text(locale, "survey.results.kind"),
                text(locale, "survey.results.answered"), text(locale, "survey.results.average"), "NPS"), questions);
        breakdowns.forEach((by, groups) -> {
            List<List<?>> rows = new ArrayList<>();
            for (SurveyResults.Group group : groups) {
                rows.add(Arrays.asList(group.key() == null ? text(locale, "survey.results.noGroup") : group.key(),
                        group.responses(), group.averageRating(), group.nps()));
            }
            pdf.table(text(locale, "survey.by." + by), List.of(text(locale, "survey.by." + by),
                    text(locale, "survey.results.responses"), text(locale, "survey.results.averageRating"), "NPS"),
                    rows);
        });
        return pdf.signatures(text(locale, "report.signature.date"), List.of(
                new PdfDocument.Signature(text(locale, "report.signature.preparedBy"), preparer.name(), preparer.on()),
                new PdfDocument.Signature(text(locale, "report.signature.reviewedBy"), null, null)))
                .render();
    }

    private static String text(Locale locale, String key) {
        return Messages.get(locale, key);
    }
}
