package io.kefu.portal.demo;

import io.kefu.callback.boundary.CallbackSettings;
import io.kefu.callback.entity.AttemptInput;
import io.kefu.callback.entity.CallbackMethod;
import io.kefu.callback.entity.CallbackPolicy;
import io.kefu.callback.entity.CallbackTask;
import io.kefu.complaint.boundary.CaseNumbering;
import io.kefu.complaint.boundary.ServiceLevels;
import io.kefu.complaint.entity.Actor;
import io.kefu.complaint.entity.CallbackOutcome;
import io.kefu.complaint.entity.CaseKind;
import io.kefu.complaint.entity.CaseStatus;
import io.kefu.complaint.entity.Channel;
import io.kefu.complaint.entity.Complaint;
import io.kefu.complaint.entity.Escalation;
import io.kefu.complaint.entity.Intake;
import io.kefu.complaint.entity.ServiceLevel;
import io.kefu.complaint.entity.Severity;
import io.kefu.complaint.entity.TrackingKey;
import io.kefu.deadline.WorkingCalendar;
import io.kefu.deadline.boundary.Calendars;
import io.kefu.i18n.LocalizedName;
import io.kefu.phrase.ForbiddenPhrases;
import io.kefu.phrase.boundary.ServiceLanguage;
import io.kefu.portal.demo.HistoryPlan.Step;
import io.kefu.portal.demo.HistoryProfile.Person;
import io.kefu.resident.boundary.Customers;
import io.kefu.resident.entity.Customer;
import io.kefu.resident.entity.CustomerKind;
import io.kefu.resident.entity.Resident;
import io.kefu.resident.entity.Unit;
import io.kefu.survey.boundary.SurveyRules;
import io.kefu.survey.boundary.SurveyTemplates;
import io.kefu.survey.entity.AnswerInput;
import io.kefu.survey.entity.Invitation;
import io.kefu.survey.entity.Question;
import io.kefu.survey.entity.ResponseChannel;
import io.kefu.survey.entity.SurveyResponse;
import io.kefu.survey.entity.SurveySettings;
import io.kefu.survey.entity.SurveyTemplate;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.workspace.boundary.Workspace;
import io.kefu.workspace.entity.Code;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the planned history of the current tenant as its staff would have made it: each case registered with the
 * month's real number, each step taken by the case's, callback's and survey's own methods on a clock fixed at the
 * step's moment, so the rows (history, deadlines on the working calendar, escalations, callbacks, invitations and
 * answers) are those real use makes. What real use adds by itself is added too, at the moment it would have
 * happened: an overdue case escalated as the watch escalates it, a closed case's survey invitation sent when due.
 * No notice and no mail is made: the residents of the past are not told again. One call is one transaction.
 */
@ApplicationScoped
@Transactional
public class HistoryWriter {

    /** What was written, for the log. */
    public record Written(int cases, int open, int callbacks, int surveys) {

        Written plus(Written other) {
            return new Written(cases + other.cases, open + other.open, callbacks + other.callbacks,
                    surveys + other.surveys);
        }
    }

    @Inject
    EntityManager em;

    @Inject
    CaseNumbering numbering;

    @Inject
    ServiceLevels serviceLevels;

    @Inject
    Calendars calendars;

    @Inject
    CallbackSettings callbackSettings;

    @Inject
    SurveyRules surveyRules;

    @Inject
    SurveyTemplates templates;

    @Inject
    Workspace workspace;

    @Inject
    ServiceLanguage language;

    @Inject
    CurrentTenant tenant;

    @Inject
    Customers customers;

    /** Whether the current tenant has any case registered before {@code since}: then it has a history. */
    public boolean hasHistoryBefore(Instant since) {
        return em.createQuery("SELECT COUNT(c) FROM Complaint c WHERE c.registeredAt < :since", Long.class)
                .setParameter("since", since.atOffset(ZoneOffset.UTC)).getSingleResult() > 0;
    }

    /** The tenant's rules the plan needs, as they stand. */
    public HistoryPlan.Rules rules() {
        WorkingCalendar calendar = calendars.calendar();
        CallbackPolicy policy = callbackSettings.policy();
        return new HistoryPlan.Rules(calendar, serviceLevels.policy(calendar), policy.dueHours(),
                policy.maxAttempts(), policy.retryMinutes());
    }

    /** The departments and categories the profile uses and the workspace lacks, and the register of units. */
    public void prepare(HistoryProfile profile) {
        for (HistoryProfile.Department d : profile.newDepartments()) {
            if (workspace.findDepartment(new Code(d.code())).isEmpty()) {
                workspace.addDepartment(new Code(d.code()), new LocalizedName(d.nameZh(), d.nameEn()));
            }
        }
        for (HistoryProfile.CategoryProfile c : profile.categories()) {
            if (workspace.findCategory(new Code(c.code())).isEmpty()) {
                workspace.addCategory(new Code(c.code()), new LocalizedName(c.nameZh(), c.nameEn()),
                        c.department() == null ? null : new Code(c.department()));
            }
        }
        if (!em.createNamedQuery(Unit.ALL, Unit.class).setMaxResults(1).getResultList().isEmpty()) {
            return;
        }
        Map<String, Unit> units = new HashMap<>();
        Map<String, Customer> customers = new HashMap<>();
        for (Person person : profile.register()) {
            Unit unit = units.computeIfAbsent(Unit.key(person.building(), person.unit()), key -> {
                Unit fresh = new Unit(person.building(), person.unit(), null);
                em.persist(fresh);
                return fresh;
            });
            String phone = person.phone().replace(" ", "");
            Customer customer = customers.computeIfAbsent(phone, p -> {
                Customer fresh = new Customer(CustomerKind.RESIDENT, person.name(), Clock.systemUTC());
                em.persist(fresh);
                return fresh;
            });
            em.persist(new Resident(unit, customer, person.name(), phone, null, null));
        }
    }

    /** Writes these cases (one month's, in order of registration) as of {@code now}. */
    public Written write(List<HistoryPlan.Case> cases, Instant now) {
        WorkingCalendar calendar = calendars.calendar();
        CallbackPolicy policy = callbackSettings.policy();
        SurveySettings surveys = surveyRules.settings();
        Optional<Long> form = templates.postCaseForm().map(SurveyTemplate::id);
        ForbiddenPhrases phrases = language.phrases();
        Map<String, Unit> units = new HashMap<>();
        for (Unit unit : em.createNamedQuery(Unit.ALL, Unit.class).getResultList()) {
            units.put(unit.key(), unit);
        }
        Written written = new Written(0, 0, 0, 0);
        for (HistoryPlan.Case planned : cases) {
            CaseWriting writing = new CaseWriting(planned, calendar, policy, surveys, form, phrases, units);
            writing.run(now);
            written = written.plus(new Written(1, writing.complaint.status().isOpen() ? 1 : 0, writing.callbacks,
                    writing.answered));
            // Written cases stay managed until the month commits; detaching keeps each flush small.
            em.flush();
            em.clear();
        }
        return written;
    }

    /** One case's history, step by step, with the escalations its deadlines call for in between. */
    private final class CaseWriting {

        private final HistoryPlan.Case planned;
        private final WorkingCalendar calendar;
        private final CallbackPolicy policy;
        private final SurveySettings surveys;
        private final Optional<Long> form;
        private final ForbiddenPhrases phrases;
        private final Map<String, Unit> units;
        private final Set<Escalation.Reason> escalated = EnumSet.noneOf(Escalation.Reason.class);
        private Complaint complaint;
        private CallbackTask task;
        private Invitation invitation;
        private int callbacks;
        private int answered;

        CaseWriting(HistoryPlan.Case planned, WorkingCalendar calendar, CallbackPolicy policy,
                SurveySettings surveys, Optional<Long> form, ForbiddenPhrases phrases, Map<String, Unit> units) {
            this.planned = planned;
            this.units = units;
            this.calendar = calendar;
            this.policy = policy;
            this.surveys = surveys;
            this.form = form;
            this.phrases = phrases;
        }

        void run(Instant now) {
            register();
            for (Step step : planned.steps()) {
                escalateUntil(step.at());
                take(step);
            }
            escalateUntil(now);
            sendIfDue(now);
        }

        private void register() {
            Instant at = planned.registeredAt();
            Person who = planned.resident();
            Intake intake = new Intake(planned.kind(), planned.channel() == Channel.ONLINE
                    ? planned.category() : null, planned.description(), who.location(), who.name(),
                    who.phone(), null, null, false);
            ServiceLevel.Deadlines deadlines = serviceLevels.levelFor(calendar, planned.kind(), Severity.ORDINARY,
                    who.phone()).deadlines(at, calendar, List.of());
            complaint = Complaint.register(numbering.next(at), intake, planned.channel(), planned.registeredBy(),
                    deadlines, clock(at));
            customers.forPhone(who.phone()).ifPresent(customer -> complaint.belongTo(customer.id()));
            em.persist(complaint);
            linkUnit(who, at);
            em.persist(TrackingKey.issue(complaint, clock(at)).key());
            // The callback and the escalations refer to the case by its id.
            em.flush();
        }

        private void take(Step step) {
            Clock clock = clock(step.at());
            Actor actor = step.actor() == null ? Actor.resident() : actor(step.actor());
            switch (step.act()) {
                case ACCEPT -> complaint.accept(actor, clock);
                case CLASSIFY -> classify(actor, clock);
                case ACKNOWLEDGE -> complaint.acknowledge(actor, clock);
                case ROUTE -> complaint.route(actor, planned.department(), null, clock);
                case REPLY -> complaint.reply(actor, step.text(), phrases, clock);
                case RESOLVE -> {
                    complaint.resolve(actor, step.text(), clock);
                    task = CallbackTask.forCase(complaint, actor.username(),
                            calendar.plus(step.at(), Duration.ofHours(policy.dueHours())), clock);
                    em.persist(task);
                }
                case REJECT -> complaint.reject(actor, step.text(), clock);
                case APPROVE_REJECTION -> complaint.approveRejection(actor, step.text(), clock);
                case WITHDRAW -> complaint.withdraw(step.text(), clock);
                case CALLBACK -> callback(actor, step, clock);
                case CONFIRM_ONLINE -> {
                    complaint.confirm(step.text(), clock);
                    task.confirmedOnline(step.text(), clock);
                    closed(Actor.resident(), clock);
                }
                case REOPEN -> complaint.reopen(actor, step.text(), clock);
                case SURVEY -> answer(step, clock);
                default -> throw new IllegalStateException("unplanned act " + step.act());
            }
        }

        /**
         * Staff link the case to the resident's unit as they register it, so the reports count by building and find
         * the recurring complaints; a consultation is a question, not about a unit, and stays unlinked.
         */
        private void linkUnit(Person who, Instant at) {
            Unit unit = units.get(Unit.key(who.building(), who.unit()));
            if (unit == null || planned.kind() == CaseKind.CONSULTATION) {
                return;
            }
            String by = planned.registeredBy() == null ? Actor.SYSTEM : planned.registeredBy();
            complaint.linkUnit(actor(by), unit.id(), unit.label(), clock(at));
        }

        /** As staff classify on the case page: category and severity; a major case reported at once. */
        private void classify(Actor actor, Clock clock) {
            ServiceLevel.Deadlines deadlines = planned.severity() == Severity.ORDINARY ? null
                    : serviceLevels.levelFor(calendar, planned.kind(), planned.severity(), complaint.contactPhone())
                            .deadlines(complaint.registeredAt(), calendar, List.of());
            complaint.classify(actor, planned.category(), planned.kind(), planned.severity(), deadlines, clock);
            if (planned.severity() == Severity.MAJOR) {
                escalate(Escalation.Reason.MAJOR, clock);
            }
        }

        private void callback(Actor actor, Step step, Clock clock) {
            boolean reached = step.satisfaction() != null;
            var attempt = task.record(actor, new AttemptInput(CallbackMethod.PHONE, reached, step.satisfaction(),
                    step.score(), step.text()), policy.maxAttempts(), Duration.ofMinutes(policy.retryMinutes()), clock);
            callbacks++;
            complaint.recordCallbackAttempt(actor, attempt.summary(), clock);
            CallbackOutcome outcome = task.outcome();
            if (outcome == null) {
                return;
            }
            if (outcome.closesCase()) {
                closed(actor, clock);
            } else {
                complaint.reopenAfterCallback(actor, attempt.comment(), clock);
            }
        }

        /** Closed by the callback's outcome; invited to the survey as {@code Invitations} would invite it. */
        private void closed(Actor actor, Clock clock) {
            complaint.close(actor, task.outcome(), clock);
            if (invitation == null && form.isPresent()
                    && surveys.samples(tenant.get().id(), complaint.number().toString())) {
                invitation = new Invitation(complaint, em.find(SurveyTemplate.class, form.get()), surveys.delay(),
                        clock);
                em.persist(invitation);
            }
        }

        /** The resident answers the survey: only a case that was invited, once the invitation went out. */
        private void answer(Step step, Clock clock) {
            if (invitation == null || invitation.isAnswered() || !sendIfDue(step.at())) {
                return;
            }
            invitation.responded(clock);
            em.persist(SurveyResponse.about(complaint, invitation, invitation.template(), ResponseChannel.POST_CASE,
                    null, answers(invitation.template(), step.score()), tenant.get().zone(), clock));
            answered++;
        }

        /**
         * Sends the invitation as the survey job sends it, at the moment it fell due, if that was before
         * {@code until} (no mail: the demo's residents left no address); whether it is sent.
         */
        private boolean sendIfDue(Instant until) {
            if (invitation == null || invitation.sentAt() != null) {
                return invitation != null;
            }
            Instant due = invitation.dueAt();
            if (!due.isBefore(until) || complaint.status() != CaseStatus.CLOSED) {
                return false;
            }
            em.flush();
            em.createNamedQuery(Invitation.SEND).setParameter("id", invitation.id())
                    .setParameter("now", due.atOffset(ZoneOffset.UTC))
                    .setParameter("expires", due.plus(surveys.validity()).atOffset(ZoneOffset.UTC)).executeUpdate();
            em.refresh(invitation);
            return true;
        }

        /** The scored questions answered about as the resident feels; the optional others left out. */
        private List<AnswerInput> answers(SurveyTemplate template, int score) {
            List<AnswerInput> answers = new ArrayList<>();
            for (int position = 1; template.question(position).isPresent(); position++) {
                Question question = template.question(position).get();
                switch (question.kind()) {
                    case RATING -> answers.add(new AnswerInput(position, position % 2 == 0 && score < 5
                            ? score + 1 : score, null, null));
                    case NPS -> answers.add(new AnswerInput(position, Math.min(10, score * 2), null, null));
                    case SINGLE, MULTIPLE -> {
                        if (question.required()) {
                            answers.add(new AnswerInput(position, null, List.of(0), null));
                        }
                    }
                    case TEXT -> {
                        if (question.required()) {
                            answers.add(new AnswerInput(position, null, null, "-"));
                        }
                    }
                    default -> throw new IllegalStateException("unknown question kind " + question.kind());
                }
            }
            return answers;
        }

        /**
         * What the overdue watch does while the case waits: past a deadline it is reported to the supervisors a
         * minute later, and still overdue a working day after that, to the manager.
         */
        private void escalateUntil(Instant until) {
            if (!complaint.status().isRunning()) {
                return;
            }
            Instant missed = complaint.firstRespondedAt() == null
                    && complaint.firstResponseDue().isBefore(complaint.resolutionDue())
                    ? complaint.firstResponseDue() : complaint.resolutionDue();
            Instant supervisors = missed.plusSeconds(60);
            if (!escalated.contains(Escalation.Reason.OVERDUE) && supervisors.isBefore(until)
                    && complaint.isOverdue(supervisors)) {
                escalate(Escalation.Reason.OVERDUE, clock(supervisors));
            }
            Instant manager = calendar.plus(missed, calendar.workingDay()).plusSeconds(60);
            if (escalated.contains(Escalation.Reason.OVERDUE) && !escalated.contains(Escalation.Reason.OVERDUE_MANAGER)
                    && manager.isBefore(until) && complaint.isOverdue(manager)) {
                escalate(Escalation.Reason.OVERDUE_MANAGER, clock(manager));
            }
        }

        private void escalate(Escalation.Reason reason, Clock clock) {
            em.persist(new Escalation(complaint, reason, clock));
            complaint.escalate(reason, clock);
            escalated.add(reason);
        }

        private Actor actor(String username) {
            return username.endsWith(".supervisor") ? Actor.supervisor(username) : Actor.staff(username);
        }
    }

    private static Clock clock(Instant at) {
        return Clock.fixed(at, ZoneOffset.UTC);
    }
}
