package io.kefu.portal.demo;

import io.kefu.callback.entity.Satisfaction;
import io.kefu.complaint.entity.CaseKind;
import io.kefu.complaint.entity.Channel;
import io.kefu.complaint.entity.ServiceLevel;
import io.kefu.complaint.entity.Severity;
import io.kefu.complaint.entity.SlaPolicy;
import io.kefu.deadline.WorkingCalendar;
import io.kefu.portal.demo.HistoryProfile.CategoryProfile;
import io.kefu.portal.demo.HistoryProfile.Person;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What the demo office went through in the last six months: every case, when it came in, and what happened to it
 * step by step — a pure function of the seed, the tenant's profile, its calendar and deadlines, and the current
 * month, so that every fresh demo start shows the same office and a test can check it without a database.
 *
 * <p>The life cycle is drawn on the working calendar: cases arrive in office hours (more on Mondays, a seasonal
 * bump, online filings in the evening and at weekends), are accepted within the hour mostly, routed, resolved in
 * the working time their kind usually takes, and called back; a share is late for its first response or its
 * resolution, reopened after an unhappy callback, closed as not upheld, withdrawn or unreachable. A few units
 * complain of the same thing twice in a quarter, and one building's one category keeps coming back. Steps after
 * {@code now} are cut off, so the newest cases are still open. The plan says what should happen; the deadlines
 * and escalations that follow from it are the domain's, applied by {@link HistoryWriter}.
 */
public final class HistoryPlan {

    /** How many months before the current one the history starts; the current month runs up to now. */
    public static final int MONTHS = 6;

    /** What can happen to a case, in the order the plan lists it. */
    public enum Act {
        ACCEPT, CLASSIFY, ACKNOWLEDGE, ROUTE, REPLY, RESOLVE, REJECT, APPROVE_REJECTION, WITHDRAW,
        /** A callback attempt: reached with a satisfaction and score, or not reached. */
        CALLBACK,
        /** The resident confirms the solution through the tracking link. */
        CONFIRM_ONLINE,
        /** A closed case goes back to work (the fix did not hold). */
        REOPEN,
        /** The resident answers the post-case survey, if the case was sampled for one. */
        SURVEY
    }

    /** One step: when, what, by whom; text, satisfaction and score where the act uses them. */
    public record Step(Instant at, Act act, String actor, String text, Satisfaction satisfaction, Integer score) {

        static Step of(Instant at, Act act, String actor, String text) {
            return new Step(at, act, actor, text, null, null);
        }
    }

    /** One case as it was registered, with its steps up to now in time order. */
    public record Case(Instant registeredAt, CaseKind kind, String category, String department, Severity severity,
            Channel channel, Person resident, String description, String registeredBy, List<Step> steps) {

        public YearMonth month(ZoneId zone) {
            return YearMonth.from(registeredAt.atZone(zone));
        }

        public boolean has(Act act) {
            return steps.stream().anyMatch(s -> s.act() == act);
        }
    }

    /** The tenant's rules the plan needs: its calendar, deadlines and callback policy. */
    public record Rules(WorkingCalendar calendar, SlaPolicy sla, int callbackDueHours, int maxAttempts,
            int retryMinutes) {
    }

    private final HistoryProfile profile;
    private final Rules rules;
    private final Random random;
    private final List<Case> earlier = new ArrayList<>();

    private HistoryPlan(HistoryProfile profile, Rules rules, long seed) {
        this.profile = profile;
        this.rules = rules;
        this.random = new Random(seed);
    }

    /**
     * The cases from the first day of the month {@link #MONTHS} months before {@code now}'s month up to
     * {@code now}, in order of registration.
     */
    public static List<Case> of(long seed, HistoryProfile profile, Rules rules, Instant now) {
        return new HistoryPlan(profile, rules, seed).draw(now);
    }

    private List<Case> draw(Instant now) {
        ZoneId zone = rules.calendar().zone();
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate first = YearMonth.from(today).minusMonths(MONTHS).atDay(1);
        // Every day draws the same way whatever today is: the history of a past day does not depend on when
        // the demo starts within the month, only cutting off at now does.
        List<Case> cases = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            List<Case> ofDay = new ArrayList<>();
            int count = poisson(expected(day));
            for (int i = 0; i < count; i++) {
                ofDay.add(drawCase(day));
            }
            ofDay.sort(Comparator.comparing(Case::registeredAt));
            earlier.addAll(ofDay);
            cases.addAll(ofDay);
        }
        return cases.stream().filter(c -> c.registeredAt().isBefore(now)).map(c -> cutOff(c, now)).toList();
    }

    private double expected(LocalDate day) {
        double base = profile.casesPerWorkingDay() * profile.season()[day.getMonthValue() - 1] / 100.0;
        if (!rules.calendar().isWorkingDay(day)) {
            return base * 0.3;
        }
        return day.getDayOfWeek() == DayOfWeek.MONDAY ? base * 1.4 : base;
    }

    private Case drawCase(LocalDate day) {
        boolean workingDay = rules.calendar().isWorkingDay(day);
        Channel channel = workingDay ? pick(Map.of(Channel.ONLINE, 45, Channel.PHONE, 33, Channel.VISIT, 14,
                Channel.LETTER, 8)) : Channel.ONLINE;
        Instant at = timeOfDay(day, channel);
        CaseKind kind = pick(profile.kinds());
        CategoryProfile category;
        Person resident;
        Case recurring = channel == Channel.ONLINE || kind != CaseKind.COMPLAINT ? null : recentComplaint(at);
        if (recurring != null && random.nextInt(100) < 30) {
            // The same unit with the same trouble again within the quarter: a recurring complaint.
            category = profile.category(recurring.category());
            resident = recurring.resident();
        } else {
            category = categoryFor(kind);
            resident = residentFor(category);
        }
        Severity severity = kind != CaseKind.COMPLAINT ? Severity.ORDINARY
                : pick(Map.of(Severity.ORDINARY, 88, Severity.SERIOUS, 10, Severity.MAJOR, 2));
        String registeredBy = channel == Channel.ONLINE ? null : profile.staff();
        String description = kind == CaseKind.PRAISE ? one(profile.praises()) : one(category.problems());
        List<Step> steps = lifeCycle(at, kind, category, severity, channel, description);
        return new Case(at, kind, category.code(), category.department(), severity, channel, resident, description,
                registeredBy, steps);
    }

    /** Office hours for staff registering a call, letter or visit; residents file online into the evening. */
    private Instant timeOfDay(LocalDate day, Channel channel) {
        int minute;
        if (channel == Channel.ONLINE) {
            minute = 7 * 60 + random.nextInt(15 * 60);
        } else {
            // Two humps: the morning and the afternoon, the lunch break quieter.
            minute = random.nextInt(100) < 55 ? 9 * 60 + random.nextInt(180) : 13 * 60 + 30 + random.nextInt(270);
        }
        return day.atTime(LocalTime.of(minute / 60, minute % 60, random.nextInt(60)))
                .atZone(rules.calendar().zone()).toInstant();
    }

    private Case recentComplaint(Instant at) {
        for (int i = earlier.size() - 1; i >= 0 && i >= earlier.size() - 400; i--) {
            Case c = earlier.get(i);
            if (c.kind() == CaseKind.COMPLAINT && Duration.between(c.registeredAt(), at).toDays() < 80
                    && random.nextInt(8) == 0) {
                return c;
            }
        }
        return null;
    }

    private CategoryProfile categoryFor(CaseKind kind) {
        List<CategoryProfile> fitting = profile.categories().stream().filter(c -> c.kinds().contains(kind)).toList();
        int total = fitting.stream().mapToInt(CategoryProfile::weight).sum();
        int draw = random.nextInt(total);
        for (CategoryProfile c : fitting) {
            draw -= c.weight();
            if (draw < 0) {
                return c;
            }
        }
        throw new IllegalStateException("no category for " + kind);
    }

    /** Anyone on the register; the hot spot's category comes from its building far more often than chance. */
    private Person residentFor(CategoryProfile category) {
        List<Person> people = profile.register();
        if (category.code().equals(profile.hotSpotCategory()) && random.nextInt(100) < 45) {
            List<Person> there = people.stream().filter(p -> p.building().equals(profile.hotSpotBuilding())).toList();
            return there.get(random.nextInt(there.size()));
        }
        return people.get(random.nextInt(people.size()));
    }

    private List<Step> lifeCycle(Instant registered, CaseKind kind, CategoryProfile category, Severity severity,
            Channel channel, String description) {
        WorkingCalendar calendar = rules.calendar();
        ServiceLevel.Deadlines due = rules.sla().levelFor(kind, severity).deadlines(registered, calendar, List.of());
        boolean supervisorOwns = random.nextInt(100) < 15 || severity == Severity.MAJOR;
        String owner = supervisorOwns ? profile.supervisor() : profile.staff();
        List<Step> steps = new ArrayList<>();
        if (random.nextInt(1000) < 15) {
            // Withdrawn before anybody took it: the problem went away by itself.
            steps.add(Step.of(working(registered, minutes(20, 180)), Act.WITHDRAW, null, one(profile.withdrawals())));
            return steps;
        }
        boolean lateResponse = random.nextInt(100) < 6;
        Instant accepted = lateResponse ? working(due.firstResponseDue(), minutes(30, 300))
                : working(registered, severity == Severity.MAJOR ? minutes(5, 40) : minutes(5, 150));
        steps.add(Step.of(accepted, Act.ACCEPT, owner, null));
        Instant t = working(accepted, minutes(1, 10));
        steps.add(Step.of(t, Act.CLASSIFY, owner, null));
        if (severity == Severity.MAJOR) {
            t = working(t, minutes(10, 60));
            steps.add(Step.of(t, Act.ACKNOWLEDGE, profile.supervisor(), null));
        }
        boolean routed = kind != CaseKind.CONSULTATION && kind != CaseKind.PRAISE && category.department() != null;
        if (routed) {
            t = working(t, minutes(2, 30));
            steps.add(Step.of(t, Act.ROUTE, owner, null));
        }
        if (random.nextInt(1000) < 20) {
            steps.add(Step.of(working(t, minutes(60, 900)), Act.WITHDRAW, null, one(profile.withdrawals())));
            return steps;
        }
        if (kind == CaseKind.COMPLAINT && !supervisorOwns && random.nextInt(100) < 9) {
            // Looked into and found groundless (客诉不成立): the owner asks, a supervisor approves.
            Instant asked = working(t, minutes(240, 2400));
            steps.add(Step.of(asked, Act.REJECT, owner, one(profile.rejections())));
            steps.add(Step.of(working(asked, minutes(20, 400)), Act.APPROVE_REJECTION, profile.supervisor(), null));
            return steps;
        }
        if (random.nextInt(100) < 30) {
            t = working(t, minutes(10, 240));
            steps.add(Step.of(t, Act.REPLY, owner, one(profile.replies())));
        }
        // Late ones are late by hours to two weeks of working time, so a few are overdue at any moment.
        boolean lateResolution = random.nextInt(100) < 9;
        Instant resolved = lateResolution ? working(due.resolutionDue(), minutes(60, 5000))
                : earliest(working(t, resolutionTime(kind)), working(due.resolutionDue(), minutes(-120, -10)), t);
        // The fix that answers the problem: the profile lists them in the same order.
        String fix = category.fixes().get(Math.max(0, category.problems().indexOf(description))
                % category.fixes().size());
        steps.add(Step.of(resolved, Act.RESOLVE, owner, fix));
        callback(steps, resolved, owner, channel, 0);
        return steps;
    }

    /** The callback after a resolution; an unhappy resident sends the case back, and it is resolved again. */
    private void callback(List<Step> steps, Instant resolved, String owner, Channel channel, int round) {
        Duration window = Duration.ofHours(rules.callbackDueHours());
        if (channel == Channel.ONLINE && random.nextInt(100) < 8) {
            Instant confirmed = working(resolved, minutes(30, 600));
            steps.add(Step.of(confirmed, Act.CONFIRM_ONLINE, null, one(profile.praises())));
            survey(steps, confirmed);
            return;
        }
        String caller = random.nextInt(100) < 80 ? profile.staff() : profile.supervisor();
        Instant attempt = working(resolved, minutes(30, (int) Math.min(window.toMinutes() / 3, 900)));
        int attempts = 1;
        // A first call goes unanswered now and then; who missed one is harder to reach the next time.
        while (random.nextInt(100) < (attempts == 1 ? 15 : 45)) {
            // Nobody answered; the next try at least the policy's pause later, at another time of day.
            steps.add(new Step(attempt, Act.CALLBACK, caller, null, null, null));
            if (attempts == rules.maxAttempts()) {
                return;
            }
            attempt = working(attempt.plus(Duration.ofMinutes(rules.retryMinutes())), minutes(10, 240));
            attempts++;
        }
        int mood = random.nextInt(100);
        if (round == 0 && mood < 7) {
            steps.add(new Step(attempt, Act.CALLBACK, caller, one(profile.complaintsAboutFix()),
                    Satisfaction.NOT_SATISFIED, 1 + random.nextInt(2)));
            Instant again = working(attempt, minutes(240, 2400));
            steps.add(Step.of(again, Act.RESOLVE, owner, one(profile.secondFixes())));
            callback(steps, again, owner, channel, 1);
            return;
        }
        Satisfaction satisfaction = mood < 20 ? Satisfaction.PARTLY_SATISFIED : Satisfaction.SATISFIED;
        int score = satisfaction == Satisfaction.SATISFIED ? 4 + (random.nextInt(100) < 65 ? 1 : 0) : 3;
        steps.add(new Step(attempt, Act.CALLBACK, caller, satisfaction == Satisfaction.SATISFIED
                ? null : one(profile.complaintsAboutFix()), satisfaction, score));
        survey(steps, attempt);
        if (round == 0 && random.nextInt(1000) < 12) {
            // The fix did not hold: the office reopens the closed case and works it again.
            Instant reopened = working(attempt, minutes(900, 6000));
            steps.add(Step.of(reopened, Act.REOPEN, profile.supervisor(), one(profile.reopenings())));
            Instant again = working(reopened, minutes(240, 1800));
            steps.add(Step.of(again, Act.RESOLVE, owner, one(profile.secondFixes())));
            callback(steps, again, owner, channel, 1);
        }
    }

    /** About four in ten residents answer the survey a day or two after the case closed. */
    private void survey(List<Step> steps, Instant closed) {
        if (random.nextInt(100) < 40) {
            int score = random.nextInt(100) < 80 ? 4 + random.nextInt(2) : 2 + random.nextInt(2);
            steps.add(new Step(closed.plus(Duration.ofMinutes(24 * 60 + random.nextInt(48 * 60))), Act.SURVEY, null,
                    null, null, score));
        }
    }

    private Duration resolutionTime(CaseKind kind) {
        return switch (kind) {
            case CONSULTATION -> minutes(20, 600);
            case REPAIR -> minutes(90, 1800);
            case COMPLAINT -> minutes(240, 4500);
            case SUGGESTION, PRAISE -> minutes(120, 3000);
        };
    }

    private static Instant earliest(Instant wanted, Instant beforeDeadline, Instant after) {
        Instant at = wanted.isBefore(beforeDeadline) ? wanted : beforeDeadline;
        return at.isAfter(after) ? at : after.plusSeconds(60);
    }

    /** The case as it stands now: the steps still to come are not history yet. */
    private static Case cutOff(Case c, Instant now) {
        List<Step> done = c.steps().stream().filter(s -> s.at().isBefore(now)).toList();
        return done.size() == c.steps().size() ? c : new Case(c.registeredAt(), c.kind(), c.category(),
                c.department(), c.severity(), c.channel(), c.resident(), c.description(), c.registeredBy(), done);
    }

    /** {@code budget} of working time after {@code from}; a negative budget counts back in plain time. */
    private Instant working(Instant from, Duration budget) {
        if (budget.isNegative()) {
            return from.plus(budget);
        }
        return rules.calendar().plus(from, budget).plusSeconds(random.nextInt(60));
    }

    /** Skewed towards the short end, as handling times are: most are quick, a few take long. */
    private Duration minutes(int least, int most) {
        double u = random.nextDouble();
        return Duration.ofMinutes(least + Math.round((most - least) * u * u));
    }

    private int poisson(double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    private <T> T pick(Map<T, Integer> weights) {
        // Sorted, so the draw does not depend on the map's iteration order.
        List<Map.Entry<T, Integer>> entries = weights.entrySet().stream()
                .sorted(Comparator.comparing(e -> e.getKey().toString())).toList();
        int draw = random.nextInt(entries.stream().mapToInt(Map.Entry::getValue).sum());
        for (Map.Entry<T, Integer> e : entries) {
            draw -= e.getValue();
            if (draw < 0) {
                return e.getKey();
            }
        }
        throw new IllegalStateException("empty weights");
    }

    private String one(List<String> texts) {
        return texts.get(random.nextInt(texts.size()));
    }
}
