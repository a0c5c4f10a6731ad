package io.kefu.survey.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.i18n.LocalizedName;
import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import io.kefu.resident.entity.Grade;
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
                nov1, nov30, true, Segment.of(List.of("3栋, 5栋"), List.of("a", "B")), "building=3", clock);
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
                new LocalizedName("甲", "A"), template(false), nov1, nov30, true, Segment.everyone(), null, clock));
        assertEquals("campaign.template.unpublished", unpublished.messageKey());
        KefuException dates = assertThrows(KefuException.class, () -> Campaign.plan(new Code("x"),
                new LocalizedName("甲", "A"), template(true), nov30, nov1, true, Segment.everyone(), null, clock));
        assertEquals("closesOn", dates.field());
    }

    @Test
    void everyCampaignGetsItsOwnUnguessableLinkAndKeepsItsSegment() {
        Campaign a = campaign();
        Campaign b = campaign();
        assertTrue(a.linkKey().matches("^[A-Za-z0-9_-]{43}$"));
        assertNotEquals(a.linkKey(), b.linkKey());
        assertEquals("building=3", a.note());
        assertEquals(List.of("3栋", "5栋"), a.segment().buildings());
        assertEquals(List.of("A", "B"), a.segment().gradeNames());
    }

    @Test
    void aSegmentTakesTheRegistersBuildingsRegardlessOfCaseAndItsGrades() {
        Segment segment = Segment.of(List.of("Tower 2、tower 2，3栋"), List.of(" a ", ""));
        assertEquals(List.of("Tower 2", "3栋"), segment.buildings(), "one building once, as first written");
        assertTrue(segment.includes("TOWER 2", Grade.A));
        assertFalse(segment.includes("TOWER 2", Grade.B));
        assertFalse(segment.includes("TOWER 2", null), "an ungraded customer is not of grade A");
        assertFalse(segment.includes("5栋", Grade.A));
        assertTrue(Segment.everyone().includes("5栋", null));
        assertTrue(Segment.of(List.of("3栋"), List.of()).includes("3栋", null));
    }

    @Test
    void refusesAnUnknownGradeAndAnOverlongBuildingAtOnce() {
        KefuException refused = assertThrows(KefuException.class,
                () -> Segment.of(List.of("x".repeat(51)), List.of("VIP")));
        assertEquals(List.of("buildings", "grades"),
                refused.fieldFailures().stream().map(KefuException::field).toList());
    }

    @Test
    void anInvitationIsAnsweredOnce() {
        CampaignInvitation invitation = new CampaignInvitation(campaign(), 7L, "3栋 1502", Grade.A);
        assertTrue(CampaignInvitation.isKey(invitation.key()));
        invitation.answer(clock);
        KefuException twice = assertThrows(KefuException.class, () -> invitation.answer(clock));
        assertEquals(Failure.CONFLICT, twice.failure());
        assertEquals("campaign.answered", twice.messageKey());
    }
}
