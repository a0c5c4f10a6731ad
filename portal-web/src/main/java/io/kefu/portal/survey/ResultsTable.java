package io.kefu.portal.survey;

import io.kefu.survey.boundary.SurveyResults;
import io.kefu.survey.entity.LocalizedText;
import io.kefu.survey.entity.QuestionKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;

/**
 * The results of a template version as one table, for CSV and Excel: the totals, one row per question with
 * its figures and distribution, then the breakdowns. Headings in the reader's language.
 */
public final class ResultsTable {

    private ResultsTable() {
    }

    public static List<List<Object>> rows(SurveyResults.Summary summary,
            Map<SurveyResults.By, List<SurveyResults.Group>> breakdowns, Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle("messages", locale, ResultsTable.class.getClassLoader());
        Function<String, String> text = bundle::getString;
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(text.apply("survey.results.template"), summary.template().code().value(),
                text.apply("survey.results.version"), summary.template().versionNo(),
                summary.template().name().in(locale)));
        rows.add(List.of(text.apply("survey.results.sent"), summary.invitationsSent(),
                text.apply("survey.results.responses"), summary.responses(),
                text.apply("survey.results.rate"), cell(summary.responseRate() == null ? null
                        : summary.responseRate() * 100)));
        rows.add(List.of());
        List<Object> heading = new ArrayList<>(List.of(text.apply("survey.results.position"),
                text.apply("survey.results.question"), text.apply("survey.results.kind"),
                text.apply("survey.results.answered"), text.apply("survey.results.average"), "NPS"));
        heading.add(text.apply("survey.results.distribution"));
        rows.add(heading);
        for (SurveyResults.QuestionResult result : summary.questions()) {
            List<Object> row = new ArrayList<>();
            row.add(result.question().position());
            row.add(result.question().text(locale));
            row.add(text.apply("survey.kind." + result.question().kind()));
            row.add(result.answered());
            row.add(cell(result.average()));
            row.add(cell(result.nps()));
            List<LocalizedText> options = result.question().options();
            result.distribution().forEach((value, count) -> row.add(
                    (result.question().kind() == QuestionKind.SINGLE
                            || result.question().kind() == QuestionKind.MULTIPLE)
                            && value < options.size() ? options.get(value).in(locale) + ": " + count
                            : value + ": " + count));
            rows.add(row);
        }
        breakdowns.forEach((by, groups) -> {
            rows.add(List.of());
            rows.add(List.of(text.apply("survey.by." + by), text.apply("survey.results.responses"),
                    text.apply("survey.results.averageRating"), "NPS"));
            for (SurveyResults.Group group : groups) {
                rows.add(java.util.Arrays.asList(group.key() == null ? text.apply("survey.results.noGroup")
                        : group.key(), group.responses(), cell(group.averageRating()), cell(group.nps())));
            }
        });
        return rows;
    }

    /** Two decimals, as a number the spreadsheet can compute with; empty when there is nothing. */
    private static Object cell(Double value) {
        return value == null ? "" : Math.round(value * 100) / 100.0;
    }
}
