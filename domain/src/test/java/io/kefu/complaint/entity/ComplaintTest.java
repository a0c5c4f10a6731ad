package io.kefu.complaint.entity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.phrase.ForbiddenPhrases;
import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A case's life as the regulations tell it, without a container. */
class ComplaintTest {

    private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
    private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    private final Actor wang = Actor.staff("huijing.staff");
    private final Actor li = Actor.supervisor("huijing.supervisor");
    private final Actor chen = Actor.staff("huijing.staff2");
    private final ForbiddenPhrases phrases = ForbiddenPhrases.regulations();

    private Complaint filed() {
        return Complaint.register(new CaseNumber(YearMonth.of(2026, 11), 42),
                new Intake(CaseKind.COMPLAINT, "noise", "楼上每晚十二点后装修噪音", "3栋2单元1502", "王女士",
                        "138 0013 8000", "wang@example.com", "请物业尽快协调", false),
                Channel.ONLINE, null, new ServiceLevel.Deadlines(T0.plus(Duration.ofHours(7)),
                        T0.plus(Duration.ofDays(21))), clock);
    }

    @Test
    void registersWithNumberDeadlinesAndAPublicFirstEvent() {
        Complaint c = filed();
        assertEquals("202611-0042", c.number().toString());
        assertEquals(CaseStatus.REGISTERED, c.status());
        assertEquals("13800138000", c.contactPhone(), "spaces are not part of a phone number");
        assertEquals(1, c.history().size());
        assertTrue(c.history().get(0).isPublic());
        assertNull(c.owner());
    }

    @Test
    void refusesIncompleteOrMalformedIntakeFieldByField() {
        assertEquals("description", refusedField(new Intake(CaseKind.COMPLAINT, null, "  ", null, null,
                "13800138000", null, null, true)));
        assertEquals("contactPhone", refusedField(new Intake(CaseKind.COMPLAINT, null, "漏水", null, null,
                "12345", null, null, true)));
        assertEquals("contactEmail", refusedField(new Intake(CaseKind.REPAIR, null, "漏水", null, null,
                "+85291234567", "not-mail", null, true)));
        assertEquals("description", refusedField(new Intake(CaseKind.REPAIR, null, "长".repeat(5_001), null, null,
                "13800138000", null, null, true)));
        assertEquals("kind", refusedField(new Intake(null, null, "漏水", null, null, "13800138000", null, null,
                true)));
    }

    @Test
    void aHistoryLineHoldsAFullLengthTextWithWhatItIsAbout() {
        Complaint c = filed();
        c.accept(wang, clock);
        c.route(wang, "engineering", "修".repeat(Complaint.TEXT_MAXLENGTH), clock);
        c.handOver(wang, "huijing.staff2", "换".repeat(Complaint.TEXT_MAXLENGTH), clock);
        assertTrue(c.history().stream().allMatch(e -> e.text() == null
                || e.text().length() <= CaseEvent.BODY_MAXLENGTH), "every line fits its column");

        KefuException tooLong = assertThrows(KefuException.class,
                () -> c.route(li, "engineering", "修".repeat(Complaint.TEXT_MAXLENGTH + 1), clock));
        assertEquals("note", tooLong.field());
    }

    @Test
    void theFirstResponderOwnsTheCaseToTheEnd() {
        Complaint c = filed();
        c.accept(wang, clock);
        assertEquals("huijing.staff", c.owner());
        assertEquals(T0, c.firstRespondedAt());

        KefuException notOwner = assertThrows(KefuException.class, () -> c.route(chen, "engineering", null, clock));
        assertEquals(Failure.FORBIDDEN, notOwner.failure());

        c.route(wang, "engineering", "请工程部上门查看", clock);
        assertEquals(CaseStatus.IN_PROGRESS, c.status());
        assertEquals("huijing.staff", c.owner(), "routing does not move ownership");
        assertEquals("engineering", c.departmentCode());

        c.handOver(wang, "huijing.staff2", "换班，由陈专员跟进", clock);
        assertEquals("huijing.staff2", c.owner());
        assertThrows(KefuException.class, () -> c.handOver(chen, "huijing.staff2", "x", clock));
        assertThrows(KefuException.class, () -> c.handOver(chen, "huijing.staff", "  ", clock), "a reason is required");
    }

    @Test
    void aReplyWithAForbiddenPhraseIsRefusedAndNothingIsRecorded() {
        Complaint c = filed();
        c.accept(wang, clock);
        int before = c.history().size();
        KefuException refused = assertThrows(KefuException.class,
                () -> c.reply(wang, "这个我不知道，你自己看着办。", phrases, clock));
        assertEquals("text", refused.field());
        assertTrue(refused.arguments()[0].toString().contains("不知道"));
        assertEquals(before, c.history().size());

        c.reply(wang, "您好，我们已安排工程部明天上午上门，请您放心。谢谢！", phrases, clock);
        assertEquals(before + 1, c.history().size());
        assertTrue(c.history().get(before).isPublic());
    }

    @Test
    void notesStayInternalAndPromisesMustLieAhead() {
        Complaint c = filed();
        c.accept(wang, clock);
        c.note(chen, "业主情绪较大，注意沟通方式", clock);
        assertFalse(c.history().get(c.history().size() - 1).isPublic());
        assertThrows(KefuException.class, () -> c.promise(wang, T0.minusSeconds(60), null, clock));
        c.promise(wang, T0.plus(Duration.ofHours(4)), "今天下班前答复", clock);
        assertEquals(T0.plus(Duration.ofHours(4)), c.promisedReplyBy());
    }

    @Test
    void notUpheldNeedsAnotherSupervisor() {
        Complaint c = filed();
        c.accept(li, clock);
        c.reject(li, "经核实噪音来自市政施工，非物业责任", clock);
        assertEquals(CaseStatus.REJECTION_REQUESTED, c.status());
        assertThrows(KefuException.class, () -> c.approveRejection(wang, null, clock), "staff cannot approve");
        assertThrows(KefuException.class, () -> c.approveRejection(li, null, clock), "nor the requester");
        c.approveRejection(Actor.supervisor("huijing.manager"), "同意", clock);
        assertEquals(CaseStatus.NOT_UPHELD, c.status());
        assertFalse(c.status().isOpen());
    }

    @Test
    void resolvesReopensAndClosesOnlyByACallbackOutcomeWithEveryStepInTheHistory() {
        Complaint c = filed();
        c.accept(wang, clock);
        c.route(wang, "engineering", null, clock);
        assertThrows(KefuException.class, () -> c.resolve(wang, " ", clock), "what was done is required");
        c.resolve(wang, "已协调楼上业主，装修时间调整为 8:00–18:00", clock);
        assertEquals(CaseStatus.CALLBACK_PENDING, c.status());
        c.reopen(wang, "晚上仍有噪音", clock);
        assertEquals(CaseStatus.IN_PROGRESS, c.status());
        assertNull(c.resolution());
        c.resolve(wang, "已再次上门并签订承诺书", clock);
        assertEquals(Failure.CONFLICT, assertThrows(KefuException.class, () -> c.close(li, null, clock)).failure(),
                "not even a supervisor closes a case without a callback outcome");
        assertEquals(Failure.CONFLICT, assertThrows(KefuException.class,
                () -> c.close(li, CallbackOutcome.NOT_SATISFIED, clock)).failure(), "'not satisfied' never closes");
        assertEquals(CaseStatus.CALLBACK_PENDING, c.status());
        c.recordCallbackAttempt(wang, "#1 PHONE UNREACHED", clock);
        c.close(wang, CallbackOutcome.SATISFIED, clock);
        assertEquals(CaseStatus.CLOSED, c.status());
        assertEquals(CallbackOutcome.SATISFIED, c.callbackOutcome());
        List<String> actions = c.history().stream().map(CaseEvent::action).toList();
        assertEquals(List.of("REGISTER", "ACCEPT", "ROUTE", "RESOLVE", "REOPEN", "RESOLVE", "CALLBACK", "CLOSE"),
                actions);
        assertThrows(KefuException.class, () -> c.resolve(wang, "again", clock), "a closed case is not resolved");
    }

    @Test
    void onlyTheOwnerOrASupervisorReopensACaseAndTheRefusalNamesTheOwner() {
        Complaint c = filed();
        c.accept(wang, clock);
        c.resolve(wang, "已协调楼上业主", clock);
        c.close(wang, CallbackOutcome.UNREACHABLE, clock);

        KefuException notOwner = assertThrows(KefuException.class, () -> c.reopen(chen, "业主来电仍有噪音", clock));
        assertEquals(Failure.FORBIDDEN, notOwner.failure());
        assertEquals("case.not.owner", notOwner.messageKey());
        assertArrayEquals(new Object[] {"huijing.staff"}, notOwner.arguments());
        assertEquals(CaseStatus.CLOSED, c.status(), "nothing moved");
        assertEquals(Failure.FORBIDDEN, assertThrows(KefuException.class, () -> c.reopen(chen, " ", clock))
                .failure(), "refused as not the owner before the missing reason is looked at");

        c.reopen(li, "业主来电仍有噪音", clock);
        assertEquals(CaseStatus.IN_PROGRESS, c.status());
        c.resolve(wang, "再次协调", clock);
        c.reopen(wang, "仍有噪音", clock);
        assertEquals(CaseStatus.IN_PROGRESS, c.status());
    }

    @Test
    void theReopeningCheckRecordsNothingAndNamesAMissingOwnerAsADash() {
        Complaint c = filed();
        KefuException unowned = assertThrows(KefuException.class, () -> c.checkReopening(chen));
        assertEquals("case.not.owner", unowned.messageKey());
        assertArrayEquals(new Object[] {"-"}, unowned.arguments());
        c.checkReopening(li);
        c.accept(wang, clock);
        c.checkReopening(wang);
        assertEquals(2, c.history().size(), "registered and accepted: a check records nothing");
    }

    @Test
    void aCallbackThatFindsTheResidentNotSatisfiedReopensTheCaseWhoeverCalled() {
        Complaint c = filed();
        c.accept(wang, clock);
        c.resolve(wang, "已协调楼上业主", clock);
        c.reopenAfterCallback(chen, "业主表示晚上仍有噪音", clock);
        assertEquals(CaseStatus.IN_PROGRESS, c.status());
        assertNull(c.resolution());
        CaseEvent last = c.history().get(c.history().size() - 1);
        assertEquals(List.of("REOPEN", "huijing.staff2", "业主表示晚上仍有噪音"), List.of(last.action(), last.actor(),
                last.text()));
    }

    @Test
    void overdueWhenOpenAndPastItsDeadline() {
        Complaint c = filed();
        assertFalse(c.isOverdue(T0.plus(Duration.ofHours(1))));
        assertTrue(c.isOverdue(T0.plus(Duration.ofHours(8))), "no first response in time");
        c.accept(wang, clock);
        assertFalse(c.isOverdue(T0.plus(Duration.ofHours(8))));
        assertTrue(c.isOverdue(T0.plus(Duration.ofDays(22))));
        c.withdraw("已自行解决", clock);
        assertFalse(c.isOverdue(T0.plus(Duration.ofDays(22))), "a withdrawn case is not overdue");
    }

    private String refusedField(Intake intake) {
        return assertThrows(KefuException.class, () -> Complaint.register(new CaseNumber(YearMonth.of(2026, 11), 1),
                intake, Channel.PHONE, "huijing.staff", new ServiceLevel.Deadlines(T0, T0), clock)).field();
    }
}
