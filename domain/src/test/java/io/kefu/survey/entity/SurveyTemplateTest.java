package io.kefu.survey.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.i18n.LocalizedName;
import io.kefu.problem.KefuException;
import io.kefu.workspace.entity.Code;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Template versions and the answers a version takes, without a container. */
class SurveyTemplateTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-30T17:00:00Z"), ZoneOffset.UTC);
    private final LocalizedName name = new LocalizedName("满意度调查", "Satisfaction survey");

    private static List<QuestionDraft> questions() {
        return List.of(
                new QuestionDraft(QuestionKind.RATING, true, "满意吗？", "Satisfied?", List.of()),
                new QuestionDraft(QuestionKind.NPS, false, "推荐吗？", "Recommend?", List.of()),
                new QuestionDraft(QuestionKind.SINGLE, true, "渠道？", "Channel?", List.of(
                        new LocalizedText("电话", "Phone"), new LocalizedText("网上", "Online"))),
                new QuestionDraft(QuestionKind.MULTIPLE, false, "改进？", "Improve?", List.of(
                        new LocalizedText("速度", "Speed"), new LocalizedText("态度", "Attitude"),
                        new LocalizedText("质量", "Quality"))),
                new QuestionDraft(QuestionKind.TEXT, false, "建议？", "Suggestions?", List.of()));
    }

    private SurveyTemplate template() {
        return SurveyTemplate.create(new Code("satisfaction"), name, questions(), clock);
    }

    private static AnswerInput score(int position, Integer score) {
        return new AnswerInput(position, score, null, null);
    }

    private static AnswerInput choose(int position, Integer... options) {
        return new AnswerInput(position, null, List.of(options), null);
    }

    @Test
    void anUnansweredVersionIsEditedInPlace() {
        SurveyTemplate template = template();
        SurveyTemplate revised = template.revise(name, questions().subList(0, 2), false, clock);
        assertSame(template, revised);
        assertEquals(1, revised.versionNo());
        assertEquals(2, revised.questions().size());
    }

    @Test
    void editingAnAnsweredVersionMakesTheNextUnpublishedVersionAndLeavesItAlone() {
        SurveyTemplate template = template();
        template.publish(clock);
        SurveyTemplate next = template.revise(new LocalizedName("新版", "New"), questions().subList(0, 1), true,
                clock);
        assertNotSame(template, next);
        assertEquals(2, next.versionNo());
        assertEquals("satisfaction", next.code().value());
        assertFalse(next.isPublished());
        assertEquals(1, next.questions().size());
        assertEquals(5, template.questions().size(), "the answered version keeps its questions");
        assertEquals("满意度调查", template.name().zh());
        assertTrue(template.isPublished());
    }

    @Test
    void refusesQuestionsWithoutBothLanguagesOrWithTooFewOptions() {
        KefuException none = assertThrows(KefuException.class, () -> SurveyTemplate.create(new Code("x"), name,
                List.of(), clock));
        assertEquals("survey.questions.none", none.messageKey());
        KefuException bad = assertThrows(KefuException.class, () -> SurveyTemplate.create(new Code("x"), name,
                List.of(new QuestionDraft(QuestionKind.RATING, true, "满意吗？", " ", List.of()),
                        new QuestionDraft(QuestionKind.SINGLE, true, "渠道？", "Channel?",
                                List.of(new LocalizedText("电话", "Phone")))), clock));
        assertEquals(List.of("questions[1].textEn", "questions[2].options"),
                bad.fieldFailures().stream().map(KefuException::field).toList());
    }

    @Test
    void takesValidAnswersAndLeavesOutOptionalOnes() {
        SurveyTemplate template = template();
        SurveyResponse response = SurveyResponse.about(null, null, template, ResponseChannel.POST_CASE, null,
                List.of(score(1, 5), choose(3, 1), choose(4, 2, 0, 2), new AnswerInput(5, null, null, " 很好 ")),
                ZoneId.of("Asia/Shanghai"), clock);
        assertEquals("2026-12", response.period(), "the month in the tenant's zone");
        List<Answer> answers = response.answers();
        assertEquals(5, answers.size(), "one answer per chosen option");
        assertEquals(5, answers.get(0).score());
        assertEquals(1, answers.get(1).choice());
        assertEquals(List.of(0, 2), answers.subList(2, 4).stream().map(Answer::choice).collect(Collectors.toList()));
        assertEquals("很好", answers.get(4).text());
    }

    @Test
    void reportsEveryQuestionAtFaultAtOnce() {
        SurveyTemplate template = template();
        KefuException e = assertThrows(KefuException.class, () -> SurveyResponse.about(null, null, template,
                ResponseChannel.POST_CASE, null, List.of(score(2, 11), choose(3, 0, 1), choose(4, 3)),
                ZoneId.of("UTC"), clock));
        assertEquals(List.of("q1", "q2", "q3", "q4"), e.fieldFailures().stream().map(KefuException::field).toList());
        assertEquals(List.of("survey.answer.required", "survey.answer.range", "survey.answer.one",
                "survey.answer.option"), e.fieldFailures().stream().map(KefuException::messageKey).toList());
    }

    @Test
    void refusesAnswersToQuestionsTheVersionDoesNotHave() {
        SurveyTemplate template = template();
        KefuException e = assertThrows(KefuException.class, () -> template.answers(null,
                List.of(score(1, 3), score(9, 3))));
        assertEquals("survey.answer.unknown", e.messageKey());
        KefuException twice = assertThrows(KefuException.class, () -> template.answers(null,
                List.of(score(1, 3), score(1, 4))));
        assertEquals("survey.answer.twice", twice.messageKey());
    }

    @Test
    void ratingTakesOneToFiveAndNpsZeroToTen() {
        SurveyTemplate template = template();
        assertThrows(KefuException.class, () -> template.answers(null, List.of(score(1, 0), choose(3, 0))));
        assertEquals(3, template.answers(null, List.of(score(1, 1), score(2, 0), choose(3, 0))).size());
        assertEquals(3, template.answers(null, List.of(score(1, 5), score(2, 10), choose(3, 0))).size());
    }
}
