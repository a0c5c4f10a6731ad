package io.kefu.callback.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.complaint.entity.Actor;
import io.kefu.identity.entity.Role;
import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A tenant's callback rules and its courtesy visit plans. */
class CallbackPolicyAndPlanTest {

    @Test
    void defaultsFollowTheRegulations() {
        CallbackPolicy p = CallbackPolicy.defaults();
        assertEquals(48, p.dueHours());
        assertEquals(3, p.maxAttempts());
        assertEquals(60, p.retryMinutes(), "three calls in a row are not three tries");
        assertTrue(p.onlineConfirmationCounts());
        assertEquals(10, p.validTargetPermille(), "valid complaints below 1%");
        assertTrue(p.mayCall(Actor.staff("a")));
        assertTrue(p.mayCall(Actor.supervisor("b")));
    }

    @Test
    void onlyTheRolesThePolicyNamesMayCallBack() {
        CallbackPolicy p = CallbackPolicy.defaults();
        p.change(24, 2, 30, Set.of(Role.SUPERVISOR), false, 5);
        assertFalse(p.mayCall(Actor.staff("a")));
        assertTrue(p.mayCall(Actor.supervisor("b")));
        assertFalse(p.onlineConfirmationCounts());
    }

    @Test
    void barsTheResolverFromTheirOwnCallbackOnlyWhenThePolicySaysSo() {
        CallbackPolicy p = CallbackPolicy.defaults();
        p.checkCaller(Actor.staff("wang"), "wang");
        p.decide(false, null);
        KefuException own = assertThrows(KefuException.class, () -> p.checkCaller(Actor.staff("wang"), "wang"));
        assertEquals("callback.resolver.not.allowed", own.messageKey());
        assertEquals(Failure.FORBIDDEN, own.failure());
        assertThrows(KefuException.class, () -> p.checkCaller(Actor.supervisor("wang"), "wang"),
                "a supervisor who resolved the case is its resolver too");
        p.checkCaller(Actor.staff("chen"), "wang");
        p.checkCaller(Actor.staff("wang"), null);
        assertFalse(p.reopenPendingSupervisorOnly(), "left out: unchanged");
    }

    @Test
    void leavesTheReopeningOfAPendingCaseToSupervisorsOnlyWhenThePolicySaysSo() {
        CallbackPolicy p = CallbackPolicy.defaults();
        p.checkReopenBeforeCallback(Actor.staff("wang"));
        p.decide(null, true);
        KefuException refused = assertThrows(KefuException.class,
                () -> p.checkReopenBeforeCallback(Actor.staff("wang")));
        assertEquals("callback.reopen.supervisor.only", refused.messageKey());
        p.checkReopenBeforeCallback(Actor.supervisor("li"));
        assertTrue(p.resolverMayCallBack(), "left out: unchanged");
    }

    @Test
    void refusesABadPolicyAsAWholeAndKeepsTheOldOne() {
        CallbackPolicy p = CallbackPolicy.defaults();
        KefuException refused = assertThrows(KefuException.class,
                () -> p.change(0, 11, -1, Set.of(Role.RESIDENT), true, 1001));
        assertEquals(List.of("dueHours", "maxAttempts", "retryMinutes", "validTargetPermille", "callerRoles"),
                refused.fieldFailures().stream().map(KefuException::field).toList());
        assertEquals(48, p.dueHours());
        assertEquals(3, p.maxAttempts());
        assertThrows(KefuException.class, () -> p.change(null, 3, 60, Set.of(), true, 10));
    }

    @Test
    void aPlanReadsOneTargetALineAndNamesTheLineAtFault() {
        CourtesyPlan plan = new CourtesyPlan("经理年度拜访", 12, LocalDate.of(2027, 1, 10), null,
                "张先生, 138 0013 8000, 1栋101\n\n李女士，+85291234567\r\n王经理, 021-12345678, 商铺 B12");
        assertEquals(List.of(new CourtesyPlan.Target("张先生", "13800138000", "1栋101"),
                new CourtesyPlan.Target("李女士", "+85291234567", null),
                new CourtesyPlan.Target("王经理", "02112345678", "商铺 B12")), plan.targets());
        KefuException bad = assertThrows(KefuException.class, () -> new CourtesyPlan("x", 3, LocalDate.of(2027, 1, 1),
                null, "张先生, 13800138000\n李女士, 12345"));
        assertEquals("targets", bad.field());
        assertEquals(2, bad.arguments()[0], "the second line is wrong");
    }

    @Test
    void aRoundIsDueOnItsDayAndTheNextComesEveryMonthsLater() {
        CourtesyPlan plan = new CourtesyPlan("季度回访", 3, LocalDate.of(2027, 1, 10), "huijing.staff",
                "张先生, 13800138000");
        assertFalse(plan.isDue(LocalDate.of(2027, 1, 9)));
        assertTrue(plan.isDue(LocalDate.of(2027, 1, 10)));
        assertEquals(LocalDate.of(2027, 1, 10), plan.advance());
        assertEquals(LocalDate.of(2027, 4, 10), plan.nextDue());
        plan.change("季度回访", 3, LocalDate.of(2027, 4, 10), null, "张先生, 13800138000", false);
        assertFalse(plan.isDue(LocalDate.of(2027, 5, 1)), "an inactive plan makes no rounds");
        assertThrows(KefuException.class, () -> plan.change("季度回访", 0, LocalDate.of(2027, 4, 10), null,
                "张先生, 13800138000", true));
    }
}
