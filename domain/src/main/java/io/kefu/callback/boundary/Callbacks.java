package io.kefu.callback.boundary;

import io.kefu.callback.entity.AttemptInput;
import io.kefu.callback.entity.CallbackAttempt;
import io.kefu.callback.entity.CallbackPolicy;
import io.kefu.callback.entity.CallbackTask;
import io.kefu.complaint.entity.Actor;
import io.kefu.complaint.entity.CallbackOutcome;
import io.kefu.complaint.entity.CaseClosed;
import io.kefu.complaint.entity.CaseReopening;
import io.kefu.complaint.entity.CaseResolved;
import io.kefu.complaint.entity.Complaint;
import io.kefu.complaint.entity.ResolutionAnswered;
import io.kefu.deadline.boundary.Calendars;
import io.kefu.identity.boundary.Member;
import io.kefu.notice.boundary.Notices;
import io.kefu.notice.entity.Notice;
import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import io.kefu.problem.Writes;
import io.kefu.workspace.boundary.Office;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The current tenant's callbacks: opened when a case is resolved, cancelled when it goes back to work before
 * the call, recorded attempt by attempt by the people the tenant's policy allows, and the outcome applied to
 * the case in the same transaction — closed (satisfied, partly, unreachable, confirmed online) or reopened to
 * its owner (not satisfied). This is the only way a case closes.
 */
@ApplicationScoped
@Transactional
public class Callbacks {

    @Inject
    EntityManager em;

    @Inject
    CallbackSettings settings;

    @Inject
    Calendars calendars;

    @Inject
    Office office;

    @Inject
    Notices notices;

    @Inject
    Event<CaseClosed> closed;

    @Inject
    Clock clock;

    void resolved(@Observes CaseResolved resolved) {
        openFor(resolved.complaint(), resolved.resolver());
    }

    void reopening(@Observes CaseReopening reopening) {
        reopenedBefore(reopening.complaint(), reopening.actor());
    }

    void answered(@Observes ResolutionAnswered answer) {
        if (answer.satisfied()) {
            confirmedOnline(answer.complaint(), answer.comment());
        } else {
            rejectedOnline(answer.complaint(), answer.comment());
        }
    }

    /** The callback for the resolution {@code resolver} just made, due within the policy's working hours. */
    public CallbackTask openFor(Complaint complaint, Actor resolver) {
        openOf(complaint).ifPresent(task -> {
            task.cancel(clock);
            // Out of the unique "one open callback per case" before the new one goes in.
            em.flush();
        });
        Duration within = Duration.ofHours(settings.policy().dueHours());
        CallbackTask task = CallbackTask.forCase(complaint, resolver.username(),
                calendars.calendar().plus(clock.instant(), within), clock);
        em.persist(task);
        return task;
    }

    /**
     * {@code actor} sends the case back to work before its callback was made (refused to staff where the policy leaves
     * that to supervisors): the callback is not needed any more.
     */
    public void reopenedBefore(Complaint complaint, Actor actor) {
        Optional<CallbackTask> open = openOf(complaint);
        if (open.isPresent()) {
            settings.policy().checkReopenBeforeCallback(actor);
            open.get().cancel(clock);
        }
    }

    public Optional<CallbackTask> openOf(Complaint complaint) {
        return ofCase(complaint).stream().filter(t -> t.status() == CallbackTask.Status.OPEN).findFirst();
    }

    /** Every callback of a case, newest first. */
    public List<CallbackTask> ofCase(Complaint complaint) {
        return em.createNamedQuery(CallbackTask.OF_CASE, CallbackTask.class).setParameter("complaint", complaint)
                .getResultList();
    }

    /** The callback with this public key in the current tenant; a database id or another tenant's finds none. */
    public Optional<CallbackTask> find(String key) {
        if (!CallbackTask.isKey(key)) {
            return Optional.empty();
        }
        return em.createNamedQuery(CallbackTask.BY_KEY, CallbackTask.class).setParameter("key", key)
                .getResultStream().findFirst();
    }

    /** The callback with this public key in the current tenant; 404 otherwise (also when another tenant has it). */
    public CallbackTask get(String key) {
        return find(key).orElseThrow(() -> KefuException.notFound("callback.not.found", key));
    }

    /**
     * Records an attempt on callback {@code key}, as seen at {@code version}, and applies its outcome to the case.
     * {@code survey} stores the questionnaire answered during the call, if any, and returns its response id;
     * it runs in this transaction, so a faulty answer records nothing at all.
     */
    public CallbackTask record(String key, Long version, Actor actor, AttemptInput input,
            Function<CallbackTask, Long> survey) {
        CallbackTask task = get(key);
        requireVersion(task, version);
        CallbackPolicy policy = settings.policy();
        policy.checkCaller(actor, task.resolvedBy());
        CallbackAttempt attempt = task.record(actor, input, policy.maxAttempts(),
                Duration.ofMinutes(policy.retryMinutes()), clock);
        // The attempt first: a concurrent change shows as such, not as the questionnaire's own conflict.
        Writes.flush(em);
        if (survey != null) {
            attempt.attachSurveyResponse(survey.apply(task));
        }
        Complaint complaint = task.complaint();
        if (complaint != null) {
            complaint.recordCallbackAttempt(actor, attempt.summary(), clock);
            apply(task, complaint, actor, attempt.comment());
        }
        Writes.flush(em);
        return task;
    }

    /**
     * Gives every open callback assigned to {@code leaving} to {@code heir}, as when a person leaves the tenant;
     * the policy's rule on resolvers calling back their own cases holds for the heir too. How many moved.
     */
    public int reassignAllOf(String leaving, String heir, Actor actor) {
        Member member = office.assignee(heir, "successor");
        CallbackPolicy policy = settings.policy();
        List<CallbackTask> open = em.createNamedQuery(CallbackTask.OPEN_OF_ASSIGNEE, CallbackTask.class)
                .setParameter("assignee", leaving).setParameter("open", CallbackTask.Status.OPEN).getResultList();
        for (CallbackTask task : open) {
            policy.checkNotResolver(member.username(), task.resolvedBy());
            task.assign(actor, member.username());
        }
        return open.size();
    }

    /** Gives an open callback to a staff member (supervisors), or takes an unassigned one (staff). */
    public CallbackTask assign(String key, Long version, Actor actor, String username) {
        CallbackTask task = get(key);
        requireVersion(task, version);
        Member member = office.assignee(username, "assignee");
        CallbackPolicy policy = settings.policy();
        if (!actor.supervisor() && !policy.mayCall(actor)) {
            throw new KefuException(Failure.FORBIDDEN, "callback.role.not.allowed");
        }
        policy.checkNotResolver(member.username(), task.resolvedBy());
        task.assign(actor, member.username());
        Writes.flush(em);
        return task;
    }

    /**
     * The resident confirmed the solution through the tracking link: where the tenant counts that as the
     * callback, the case closes now. Returns whether it did.
     */
    public boolean confirmedOnline(Complaint complaint, String comment) {
        if (!settings.policy().onlineConfirmationCounts()) {
            return false;
        }
        Optional<CallbackTask> open = openOf(complaint);
        if (open.isEmpty()) {
            return false;
        }
        open.get().confirmedOnline(comment, clock);
        apply(open.get(), complaint, Actor.resident(), comment);
        return true;
    }

    /**
     * The resident rejected the solution online (the case has reopened): where online answers count, the callback
     * is done, not satisfied; otherwise it is not needed any more (the next resolution gets its own).
     */
    public void rejectedOnline(Complaint complaint, String comment) {
        boolean counts = settings.policy().onlineConfirmationCounts();
        openOf(complaint).ifPresent(task -> {
            if (counts) {
                task.rejectedOnline(comment, clock);
            } else {
                task.cancel(clock);
            }
        });
    }

    private void apply(CallbackTask task, Complaint complaint, Actor actor, String comment) {
        CallbackOutcome outcome = task.outcome();
        if (outcome == null) {
            return;
        }
        if (outcome.closesCase()) {
            complaint.close(actor, outcome, clock);
            closed.fire(new CaseClosed(complaint));
        } else {
            complaint.reopenAfterCallback(actor, comment, clock);
            if (complaint.owner() != null) {
                notices.tell(office.staff().stream().filter(m -> m.username().equals(complaint.owner())).toList(),
                        Notice.Kind.CALLBACK_NOT_SATISFIED, complaint);
            }
        }
    }

    private static void requireVersion(CallbackTask task, Long version) {
        if (version == null) {
            throw KefuException.invalid("version", "field.required");
        }
        if (version != task.version()) {
            throw KefuException.conflict("concurrent.change");
        }
    }
}
