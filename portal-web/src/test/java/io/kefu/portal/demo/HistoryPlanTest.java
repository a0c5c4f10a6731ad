package io.kefu.portal.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.callback.entity.Satisfaction;
import io.kefu.complaint.entity.CaseKind;
import io.kefu.complaint.entity.Channel;
import io.kefu.complaint.entity.Severity;
import io.kefu.complaint.entity.SlaPolicy;
import io.kefu.deadline.WorkingCalendar;
import io.kefu.portal.demo.HistoryPlan.Act;
import io.kefu.portal.demo.HistoryPlan.Case;
import io.kefu.portal.demo.HistoryPlan.Step;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HistoryPlanTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final WorkingCalendar CALENDAR = WorkingCalendar.officeHours(SHANGHAI, Set.of(), Set.of());
    private static final HistoryPlan.Rules RULES = new HistoryPlan.Rules(CALENDAR,
            SlaPolicy.regulations(CALENDAR.workingDay()), 48, 3, 60);
    private static final Instant NOW = ZonedDateTime.of(2026, 12, 4, 10, 30, 0, 0, SHANGHAI).toInstant();
    private static final List<Case> PLAN = plan(NOW);

    private static List<Case> plan(Instant now) {
        return HistoryPlan.of(DemoHistory.SEED, HistoryProfile.huijing(DemoHistory.SEED), RULES, now);
    }

    @Test
    void theSameSeedAndMonthGiveTheSameOffice() {
        assertEquals(PLAN, plan(NOW));
        assertNotEquals(PLAN, HistoryPlan.of(7, HistoryProfile.huijing(DemoHistory.SEED), RULES, NOW));
    }

    @Test
    void thePastLooksTheSameWhicheverDayOfTheMonthTheDemoStarts() {
        Instant later = NOW.plus(Duration.ofDays(12));
        List<Case> laterPlan = plan(later);
        // Started later, the demo has the same cases up to now, each with the same steps up to now, and more.
        List<Case> upToNow = laterPlan.stream().filter(c -> c.registeredAt().isBefore(NOW))
                .map(c -> new Case(c.registeredAt(), c.kind(), c.category(), c.department(), c.severity(), c.channel(),
                        c.resident(), c.description(), c.registeredBy(),
                        c.steps().stream().filter(s -> s.at().isBefore(NOW)).toList()))
                .toList();
        assertEquals(PLAN, upToNow);
        assertTrue(laterPlan.size() > PLAN.size() + 50);
    }

    @Test
    void sixMonthsAndThisMonthUpToNowInOrder() {
        Map<YearMonth, Long> perMonth = PLAN.stream().collect(Collectors.groupingBy(c -> c.month(SHANGHAI),
                Collectors.counting()));
        YearMonth current = YearMonth.from(NOW.atZone(SHANGHAI));
        for (int back = 0; back <= HistoryPlan.MONTHS; back++) {
            assertTrue(perMonth.getOrDefault(current.minusMonths(back), 0L) > (back == 0 ? 5 : 200),
                    "cases in " + current.minusMonths(back) + ": " + perMonth);
        }
        assertEquals(HistoryPlan.MONTHS + 1, perMonth.size());
        assertTrue(PLAN.size() > 1_500 && PLAN.size() < 3_000, "a few thousand with the mall: " + PLAN.size());
        for (int i = 1; i < PLAN.size(); i++) {
            assertTrue(!PLAN.get(i).registeredAt().isBefore(PLAN.get(i - 1).registeredAt()));
        }
        for (Case c : PLAN) {
            assertTrue(c.registeredAt().isBefore(NOW));
            assertTrue(c.steps().stream().allMatch(s -> s.at().isBefore(NOW) && s.at().isAfter(c.registeredAt())));
            for (int i = 1; i < c.steps().size(); i++) {
                assertTrue(!c.steps().get(i).at().isBefore(c.steps().get(i - 1).at()), c.toString());
            }
        }
    }

    @Test
    void everyKindChannelAndSeverityFewMajors() {
        assertEquals(EnumSet.allOf(CaseKind.class), PLAN.stream().map(Case::kind).collect(Collectors.toSet()));
        assertEquals(EnumSet.allOf(Channel.class), PLAN.stream().map(Case::channel).collect(Collectors.toSet()));
        long majors = PLAN.stream().filter(c -> c.severity() == Severity.MAJOR).count();
        assertTrue(majors > 0 && majors < PLAN.size() / 50, "majors: " + majors);
        assertTrue(PLAN.stream().filter(c -> c.kind() == CaseKind.REPAIR).count() > PLAN.size() / 4);
        assertTrue(PLAN.stream().map(Case::category).distinct().count() >= 9);
    }

    @Test
    void staffRegisterInOfficeHoursAndMondaysAreBusiest() {
        for (Case c : PLAN.stream().filter(c -> c.channel() != Channel.ONLINE).toList()) {
            ZonedDateTime at = c.registeredAt().atZone(SHANGHAI);
            assertTrue(CALENDAR.isWorkingDay(at.toLocalDate()), c.toString());
            assertTrue(!at.toLocalTime().isBefore(LocalTime.of(9, 0)) && at.toLocalTime().isBefore(
                    LocalTime.of(18, 0)), c.toString());
        }
        Map<DayOfWeek, Long> perDay = PLAN.stream().collect(Collectors.groupingBy(
                c -> c.registeredAt().atZone(SHANGHAI).getDayOfWeek(), Collectors.counting()));
        for (DayOfWeek other : List.of(DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            assertTrue(perDay.get(DayOfWeek.MONDAY) > perDay.get(other) * 1.15, perDay.toString());
        }
        assertTrue(perDay.get(DayOfWeek.SUNDAY) < perDay.get(DayOfWeek.FRIDAY) / 2, perDay.toString());
    }

    @Test
    void theSideRoadsOfTheLifeCycleAllHappen() {
        int n = PLAN.size();
        assertShare("withdrawn", count(c -> c.has(Act.WITHDRAW)), n, 1, 8);
        assertShare("not upheld", count(c -> c.has(Act.APPROVE_REJECTION)), n, 1, 6);
        assertShare("not satisfied on the callback", count(c -> c.steps().stream()
                .anyMatch(s -> s.satisfaction() == Satisfaction.NOT_SATISFIED)), n, 2, 10);
        assertShare("reopened after closing", count(c -> c.has(Act.REOPEN)), n, 0.3, 3);
        assertShare("unreachable", count(c -> unanswered(c) >= RULES.maxAttempts()), n, 1, 8);
        assertShare("called back again after no answer", count(c -> unanswered(c) > 0), n, 5, 25);
        assertShare("confirmed online", count(c -> c.has(Act.CONFIRM_ONLINE)), n, 1, 8);
        assertShare("survey answered", count(c -> c.has(Act.SURVEY)), n, 20, 50);
        assertShare("late first response", count(this::lateFirstResponse), n, 3, 12);
        assertShare("resolved late", count(this::resolvedLate), n, 4, 15);
        assertTrue(count(c -> !finished(c)) > 10, "some still open now");
        assertTrue(count(c -> !finished(c) && !c.has(Act.RESOLVE) && resolvedLateOrNotYet(c)) >= 4,
                "some overdue now");
        assertTrue(PLAN.stream().flatMap(c -> c.steps().stream()).filter(s -> s.act() == Act.CALLBACK
                && s.score() != null).map(Step::score).collect(Collectors.toSet()).containsAll(Set.of(1, 3, 4, 5)));
    }

    /** The case itself refuses anybody else (HistoryWriter makes a ".supervisor" a supervisor). */
    @Test
    void theOfficeReopensAClosedCaseAsItsOwnerOrASupervisor() {
        List<Case> reopened = PLAN.stream().filter(c -> c.has(Act.REOPEN)).toList();
        assertTrue(!reopened.isEmpty());
        for (Case c : reopened) {
            String owner = c.steps().stream().filter(s -> s.act() == Act.ACCEPT).findFirst().orElseThrow().actor();
            c.steps().stream().filter(s -> s.act() == Act.REOPEN).forEach(s -> assertTrue(
                    s.actor().equals(owner) || s.actor().endsWith(".supervisor"), s.toString()));
        }
    }

    @Test
    void recurringComplaintsAndOneBuildingWhereOneCategoryKeepsComingBack() {
        List<Case> complaints = PLAN.stream().filter(c -> c.kind() == CaseKind.COMPLAINT).toList();
        long recurring = complaints.stream().filter(c -> complaints.stream().anyMatch(o -> o != c
                && o.resident().location().equals(c.resident().location()) && o.category().equals(c.category())
                && Duration.between(o.registeredAt(), c.registeredAt()).toDays() >= 0
                && Duration.between(o.registeredAt(), c.registeredAt()).toDays() < 90)).count();
        assertTrue(recurring >= 5, "recurring: " + recurring);
        Map<String, Long> facilitiesPerBuilding = PLAN.stream().filter(c -> c.category().equals("facilities"))
                .collect(Collectors.groupingBy(c -> c.resident().building(), Collectors.counting()));
        long hotSpot = facilitiesPerBuilding.get("5栋");
        facilitiesPerBuilding.forEach((building, count) -> assertTrue(building.equals("5栋") || count * 3 < hotSpot,
                facilitiesPerBuilding.toString()));
    }

    private boolean lateFirstResponse(Case c) {
        Instant due = RULES.sla().levelFor(c.kind(), c.severity()).deadlines(c.registeredAt(), CALENDAR, List.of())
                .firstResponseDue();
        return c.steps().stream().filter(s -> s.act() == Act.ACCEPT).anyMatch(s -> s.at().isAfter(due));
    }

    private boolean resolvedLate(Case c) {
        Instant due = RULES.sla().levelFor(c.kind(), c.severity()).deadlines(c.registeredAt(), CALENDAR, List.of())
                .resolutionDue();
        return c.steps().stream().filter(s -> s.act() == Act.RESOLVE).findFirst().filter(s -> s.at().isAfter(due))
                .isPresent();
    }

    private boolean resolvedLateOrNotYet(Case c) {
        return RULES.sla().levelFor(c.kind(), c.severity()).deadlines(c.registeredAt(), CALENDAR, List.of())
                .resolutionDue().isBefore(NOW);
    }

    private static long unanswered(Case c) {
        return c.steps().stream().filter(s -> s.act() == Act.CALLBACK && s.satisfaction() == null).count();
    }

    private static boolean finished(Case c) {
        if (c.steps().isEmpty()) {
            return false;
        }
        Step last = c.steps().get(c.steps().size() - 1);
        return last.act() == Act.WITHDRAW || last.act() == Act.APPROVE_REJECTION || last.act() == Act.SURVEY
                || last.act() == Act.CONFIRM_ONLINE || (last.act() == Act.CALLBACK && last.satisfaction() != null)
                || unanswered(c) >= RULES.maxAttempts();
    }

    private long count(Predicate<Case> which) {
        return PLAN.stream().filter(which).count();
    }

    private static void assertShare(String what, long count, int total, double leastPercent, double mostPercent) {
        double percent = 100.0 * count / total;
        assertTrue(percent >= leastPercent && percent <= mostPercent,
                what + ": " + count + " of " + total + " (" + String.format("%.1f", percent) + " %)");
    }
}
