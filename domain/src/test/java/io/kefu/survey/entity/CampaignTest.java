package io.kefu.survey.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.i18n.LocalizedName;
import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import io.kefu.workspace.entity.Code;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Campaigns take answers between their dates, of a published version, through an unguessable link. */
class CampaignTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-24T02:00:00Z"), ZoneOffset.UTC);
    private final LocalDate nov1 = LocalDate.of(2026, 11, 1);
    private final LocalDate nov30 = LocalDate.of(2026, 11, 30);

    private SurveyTemplate template(boolean published) {
        SurveyTemplate t = SurveyTemplate.create(new Code("forum"), new LocalizedName("业主座谈", "Residents' forum"),
                List.of(new QuestionDraft(QuestionKind.RATING, true, "满意吗？", "Satisfied?", List.of())), clock);
        if (published) {
            t.publish(clock);
        }
        return t;
    }

    private Campaign campaign() {
        return Campaign.plan(new Code("autumn-2026"), new LocalizedName("秋季调查", "Autumn survey"), template(true),
                nov1, nov30, true, "building=3", clock);
    }

    @Test
    void takesAnswersFromTheOpeningToTheClosingDayIncluded() {
        Campaign c = campaign();
        c.checkOpen(nov1);
        c.checkOpen(nov30);
        assertEquals(Failure.CONFLICT, assertThrows(KefuException.class, () -> c.checkOpen(nov1.minusDays(1)))
                .failure());
        KefuException closed = assertThrows(KefuException.class, () -> c.checkOpen(nov30.plusDays(1)));
        assertEquals(Failure.GONE, closed.failure());
        assertEquals("campaign.closed", closed.messageKey());
    }

    @Test
    void closingEarlyEndsItYesterday() {
        Campaign c = campaign();
        c.close(LocalDate.of(2026, 11, 24));
        assertTrue(c.isOpen(LocalDate.of(2026, 11, 23)));
        assertFalse(c.isOpen(LocalDate.of(2026, 11, 24)));
    }

    @Test
    void needsAPublishedVersionAndDatesInOrder() {
        KefuException unpublished = assertThrows(KefuException.class, () -> Campaign.plan(new Code("x"),
                new LocalizedName("甲", "A"), template(false), nov1, nov30, true, null, clock));
        assertEquals("campaign.template.unpublished", unpublished.messageKey());
        KefuException dates = assertThrows(KefuException.class, () -> Campaign.plan(new Code("x"),
                new LocalizedName("甲", "A"), template(true), nov30, nov1, true, null, clock));
        assertEquals("closesOn", dates.field());
    }

    @Test
    void everyCampaignGetsItsOwnUnguessableLinkAndKeepsItsSegment() {
        Campaign a = campaign();
        Campaign b = campaign();
        assertTrue(a.linkKey().matches("^[A-Za-z0-9_-]{43}$"));
        assertNotEquals(a.linkKey(), b.linkKey());
        assertEquals("building=3", a.segment());
    }
}
