package io.kefu.compensation.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.complaint.entity.Actor;
import io.kefu.complaint.entity.CaseKind;
import io.kefu.complaint.entity.CaseNumber;
import io.kefu.complaint.entity.Channel;
import io.kefu.complaint.entity.Complaint;
import io.kefu.complaint.entity.Intake;
import io.kefu.complaint.entity.ServiceLevel;
import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Approval by authority (核决权限): who may approve which amount, four eyes, and refusal with a reason. */
class AuthorityLimitsTest {

    private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
    private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    private final Actor staff = Actor.staff("huijing.staff");
    private final Actor colleague = Actor.staff("huijing.staff2");
    private final Actor supervisor = Actor.supervisor("huijing.supervisor");
    private final CompensationPolicy policy = CompensationPolicy.defaults();

    private Compensation proposed(String yuan) {
        Complaint complaint = Complaint.register(new CaseNumber(YearMonth.of(2026, 11), 42),
                new Intake(CaseKind.COMPLAINT, "noise", "电梯困人一小时", "3栋2单元1502", "王女士", "13800138000",
                        null, "赔偿损失", false),
                Channel.PHONE, "huijing.staff", new ServiceLevel.Deadlines(T0.plus(Duration.ofHours(7)),
                        T0.plus(Duration.ofDays(21))), clock);
        return new Compensation(complaint, 1, CompensationType.COMPENSATION, Amount.parseYuan(yuan, "amount"),
                "电梯故障困人，赔偿误工", staff, clock);
    }

    @Test
    void staffApproveUpToTheirLimitExactly() {
        Compensation p = proposed("200");
        p.approve(colleague, policy.limitOf(Authority.STAFF), clock);
        assertEquals(Compensation.State.APPROVED, p.state());
        assertEquals("huijing.staff2", p.decidedBy());
        assertEquals(T0, p.decidedAt());
    }

    @Test
    void refusesApprovalBeyondTheApproversLimit() {
        Compensation p = proposed("200.01");
        KefuException e = assertThrows(KefuException.class,
                () -> p.approve(colleague, policy.limitOf(Authority.STAFF), clock));
        assertEquals(Failure.FORBIDDEN, e.failure());
        assertEquals("compensation.over.limit", e.messageKey());
        assertEquals(List.of("200.01", "200.00"), List.of(e.arguments()));
        assertEquals(Compensation.State.PROPOSED, p.state(), "nothing decided");
    }

    @Test
    void supervisorLimitCoversWhatStaffCannot() {
        Compensation p = proposed("2000");
        p.approve(supervisor, policy.limitOf(Authority.SUPERVISOR), clock);
        assertEquals(Compensation.State.APPROVED, p.state());
        Compensation more = proposed("2000.01");
        assertThrows(KefuException.class, () -> more.approve(supervisor, policy.limitOf(Authority.SUPERVISOR), clock));
    }

    @Test
    void theManagerIsUnlimitedByDefault() {
        assertNull(policy.limitOf(Authority.MANAGER));
        Compensation p = proposed("1000000");
        p.approve(Actor.supervisor("huijing.manager"), policy.limitOf(Authority.MANAGER), clock);
        assertEquals(Compensation.State.APPROVED, p.state());
    }

    @Test
    void nobodyApprovesTheirOwnProposalWhateverTheirLimit() {
        Compensation p = proposed("10");
        KefuException e = assertThrows(KefuException.class, () -> p.approve(staff, null, clock));
        assertEquals(Failure.FORBIDDEN, e.failure());
        assertEquals("compensation.self.approval", e.messageKey());
        assertFalse(p.decidableBy(staff, null));
        assertTrue(p.decidableBy(colleague, 1_000L));
    }

    @Test
    void refusalNeedsAReasonAndIsFinal() {
        Compensation p = proposed("100");
        KefuException blank = assertThrows(KefuException.class,
                () -> p.refuse(supervisor, policy.limitOf(Authority.SUPERVISOR), "  ", clock));
        assertEquals("reason", blank.field());
        assertEquals(Compensation.State.PROPOSED, p.state());
        p.refuse(supervisor, policy.limitOf(Authority.SUPERVISOR), "已免除当月物业费，不再赔偿", clock);
        assertEquals(Compensation.State.REFUSED, p.state());
        assertEquals("已免除当月物业费，不再赔偿", p.decisionNote());
        KefuException again = assertThrows(KefuException.class, () -> p.approve(colleague, null, clock));
        assertEquals(Failure.CONFLICT, again.failure());
    }

    @Test
    void amountsAreWholeFenAndSensible() {
        assertEquals(150_050L, Amount.parseYuan("1,500.50", "amount"));
        assertEquals(150_000L, Amount.parseYuan("１５００", "amount"));
        assertEquals(150_000L, Amount.parseYuan("1500.000", "amount"));
        for (String bad : List.of("0", "-5", "1.005", "abc", "1e3x", "1000000.01")) {
            KefuException e = assertThrows(KefuException.class, () -> Amount.parseYuan(bad, "amount"), bad);
            assertEquals("amount", e.field(), bad);
        }
        assertEquals("0.01", Amount.format(1));
    }

    @Test
    void limitsGoUpTheLadderAndPromiseWordsMatchLikePhrases() {
        CompensationPolicy p = CompensationPolicy.defaults();
        KefuException e = assertThrows(KefuException.class, () -> p.change(50_000, 40_000, null, List.of("赔偿您")));
        assertEquals("supervisorLimit", e.field());
        p.change(10_000, 50_000, 500_000L, List.of(" 赔偿您 ", "refund you", "赔偿您"));
        assertEquals(500_000L, p.limitOf(Authority.MANAGER));
        assertEquals(List.of("赔偿您", "refund you"), p.promiseWords());
        assertEquals(1, p.promises().findIn("我们会赔偿您的损失").size());
        assertEquals(1, p.promises().findIn("We will REFUND YOU today").size());
        assertTrue(p.promises().findIn("we refund yours").isEmpty(), "whole words in Latin script");
    }
}
