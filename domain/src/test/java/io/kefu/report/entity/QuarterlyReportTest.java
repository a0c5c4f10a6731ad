package io.kefu.report.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kefu.complaint.entity.Actor;
import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The quarterly report's workflow and its revisions, without a container. */
class QuarterlyReportTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-10-08T02:00:00Z"), ZoneOffset.UTC);
    private static final Quarter Q3 = Quarter.parse("2026-Q3");
    private static final Actor DESK = Actor.supervisor("desk");
    private static final Actor BOSS = Actor.supervisor("boss");

    @Test
    void theSubmitterDoesNotApproveTheirOwnReport() {
        QuarterlyReport report = QuarterlyReport.firstDraft(Q3, CLOCK);
        report.submit(BOSS, CLOCK);
        KefuException own = assertThrows(KefuException.class, () -> report.approve(BOSS, "{}", CLOCK));
        assertEquals(Failure.CONFLICT, own.failure());
        assertEquals("report.quarterly.approve.ownSubmission", own.messageKey());
        assertEquals(QuarterlyReport.Status.SUBMITTED, report.status(), "nothing changed");
        assertNull(report.snapshot());
        report.approve(DESK, "{}", CLOCK);
        assertEquals(QuarterlyReport.Status.PUBLISHED, report.status());
    }

    @Test
    void aCorrectionIsTheNextRevisionAsADraftWithItsReasonAndTheOldOneStaysAsApproved() {
        QuarterlyReport first = published("{\"figures\":1}");
        QuarterlyReport second = first.revise(DESK, "  漏计了 9 月 30 日晚的投诉  ", CLOCK);
        assertEquals(2, second.revision());
        assertEquals(Q3, second.quarter());
        assertEquals(QuarterlyReport.Status.DRAFT, second.status());
        assertEquals("漏计了 9 月 30 日晚的投诉", second.reason(), "stripped");
        assertNull(second.snapshot(), "a draft is counted live");
        assertNull(second.preparedBy());
        assertEquals(CLOCK.instant(), second.createdAt());
        assertEquals(QuarterlyReport.Status.PUBLISHED, first.status());
        assertEquals("{\"figures\":1}", first.snapshot(), "the published revision is kept");
        assertEquals(1, first.revision());
        assertNull(first.reason());

        second.submit(DESK, CLOCK);
        second.approve(BOSS, "{\"figures\":2}", CLOCK);
        assertEquals(3, second.revise(BOSS, "再更正", CLOCK).revision(), "a correction of a correction");
    }

    @Test
    void aCorrectionNeedsAReasonOfAtMostAThousandCharacters() {
        QuarterlyReport published = published("{}");
        for (String missing : new String[] {null, "", "   "}) {
            KefuException e = assertThrows(KefuException.class, () -> published.revise(DESK, missing, CLOCK));
            assertEquals(Failure.INVALID, e.failure());
            assertEquals("reason", e.field());
            assertEquals("field.required", e.messageKey());
        }
        KefuException tooLong = assertThrows(KefuException.class,
                () -> published.revise(DESK, "因".repeat(QuarterlyReport.REASON_MAXLENGTH + 1), CLOCK));
        assertEquals("reason", tooLong.field());
        assertEquals("field.too.long", tooLong.messageKey());
        assertEquals(2, published.revise(DESK, "因".repeat(QuarterlyReport.REASON_MAXLENGTH), CLOCK).revision());
    }

    @Test
    void onlyAPublishedReportIsCorrectedAndOnlyBySupervisors() {
        QuarterlyReport draft = QuarterlyReport.firstDraft(Q3, CLOCK);
        KefuException notPublished = assertThrows(KefuException.class, () -> draft.revise(DESK, "改", CLOCK));
        assertEquals(Failure.CONFLICT, notPublished.failure());
        assertEquals("report.quarterly.revise.notPublished", notPublished.messageKey());
        draft.submit(DESK, CLOCK);
        assertThrows(KefuException.class, () -> draft.revise(DESK, "改", CLOCK), "submitted, not published");
        QuarterlyReport published = published("{}");
        KefuException staff = assertThrows(KefuException.class,
                () -> published.revise(Actor.staff("clerk"), "改", CLOCK));
        assertEquals(Failure.FORBIDDEN, staff.failure());
    }

    private static QuarterlyReport published(String document) {
        QuarterlyReport report = QuarterlyReport.firstDraft(Q3, CLOCK);
        report.submit(DESK, CLOCK);
        report.approve(BOSS, document, CLOCK);
        return report;
    }
}
