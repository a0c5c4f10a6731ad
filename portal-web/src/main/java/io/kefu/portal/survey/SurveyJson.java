package io.kefu.portal.survey;

import io.kefu.survey.boundary.SurveyResults;
import io.kefu.survey.entity.LocalizedText;
import io.kefu.survey.entity.Question;
import io.kefu.survey.entity.SurveySettings;
import io.kefu.survey.entity.SurveyTemplate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON shapes of the survey API. */
public final class SurveyJson {

    private SurveyJson() {
    }

    public record OptionJson(String zh, String en) {
    }

    public record QuestionJson(Integer position, String kind, Boolean required, String textZh, String textEn,
            List<OptionJson> options) {

        static QuestionJson of(Question q) {
            return new QuestionJson(q.position(), q.kind().name(), q.required(), q.textZh(), q.textEn(),
                    q.options().stream().map(o -> new OptionJson(o.zh(), o.en())).toList());
        }
    }

    /** A template version; as input, {@code code} (new templates), names, questions and the version read. */
    public record TemplateJson(String code, Integer versionNo, String nameZh, String nameEn, Boolean published,
            String publishedAt, Boolean answered, Long version, List<QuestionJson> questions) {

        static TemplateJson of(SurveyTemplate t, boolean answered, ZoneId zone) {
            return new TemplateJson(t.code().value(), t.versionNo(), t.name().zh(), t.name().en(), t.isPublished(),
                    t.publishedAt() == null ? null : t.publishedAt().atZone(zone).toOffsetDateTime().toString(),
                    answered, t.version(), t.questions().stream().map(QuestionJson::of).toList());
        }
    }

    public record SettingsJson(Integer postCasePercent, Integer delayHours, Integer validityDays,
            String postCaseTemplate, String callbackTemplate, Long version) {

        static SettingsJson of(SurveySettings s) {
            return new SettingsJson(s.postCasePercent(), s.delayHours(), s.validityDays(), s.postCaseTemplate(),
                    s.callbackTemplate(), s.version());
        }
    }

    /** A question as the resident sees it, in one language; options numbered from 0. */
    public record PublicQuestionJson(int position, String kind, boolean required, String text, int min, int max,
            List<String> options) {

        static PublicQuestionJson of(Question q, Locale locale) {
            return new PublicQuestionJson(q.position(), q.kind().name(), q.required(), q.text(locale),
                    q.kind().min(), q.kind().max(), q.options().stream().map(o -> o.in(locale)).toList());
        }
    }

    public record PublicSurveyJson(String title, String caseNumber, String expiresAt,
            List<PublicQuestionJson> questions) {
    }

    /** One answer: {@code position}, and {@code score}, {@code choices} or {@code text} as the question asks. */
    public record AnswerJson(Integer position, Integer score, List<Integer> choices, String text) {
    }

    public record AnswersJson(List<AnswerJson> answers) {
    }

    public record QuestionResultJson(int position, String kind, String text, long answered, Double average,
            Double nps, Map<String, Long> distribution, List<String> latestTexts) {

        static QuestionResultJson of(SurveyResults.QuestionResult r, Locale locale) {
            Map<String, Long> distribution = new LinkedHashMap<>();
            r.distribution().forEach((value, count) -> distribution.put(String.valueOf(value), count));
            return new QuestionResultJson(r.question().position(), r.question().kind().name(),
                    r.question().text(locale), r.answered(), r.average(), r.nps(), distribution, r.latestTexts());
        }
    }

    public record GroupJson(String key, long responses, Double averageRating, Double nps) {

        static GroupJson of(SurveyResults.Group g) {
            return new GroupJson(g.key(), g.responses(), g.averageRating(), g.nps());
        }
    }

    public record ResultsJson(String code, int versionNo, long invitationsSent, long responses,
            long invitedResponses, Double responseRate, List<QuestionResultJson> questions, String by,
            List<GroupJson> groups) {
    }

    static List<LocalizedText> options(List<OptionJson> options) {
        return options == null ? List.of() : options.stream()
                .map(o -> o == null ? new LocalizedText(null, null) : new LocalizedText(o.zh(), o.en())).toList();
    }
}
