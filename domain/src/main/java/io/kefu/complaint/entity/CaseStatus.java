package io.kefu.complaint.entity;

import static io.kefu.complaint.entity.CaseAction.ACCEPT;
import static io.kefu.complaint.entity.CaseAction.ACKNOWLEDGE;
import static io.kefu.complaint.entity.CaseAction.ADD_INFORMATION;
import static io.kefu.complaint.entity.CaseAction.CALLBACK;
import static io.kefu.complaint.entity.CaseAction.APPROVE_REJECTION;
import static io.kefu.complaint.entity.CaseAction.CLASSIFY;
import static io.kefu.complaint.entity.CaseAction.CLOSE;
import static io.kefu.complaint.entity.CaseAction.CONFIRM;
import static io.kefu.complaint.entity.CaseAction.DENY_REJECTION;
import static io.kefu.complaint.entity.CaseAction.HANDOVER;
import static io.kefu.complaint.entity.CaseAction.NOTE;
import static io.kefu.complaint.entity.CaseAction.PROMISE;
import static io.kefu.complaint.entity.CaseAction.REJECT;
import static io.kefu.complaint.entity.CaseAction.REOPEN;
import static io.kefu.complaint.entity.CaseAction.REPLY;
import static io.kefu.complaint.entity.CaseAction.REQUEST_INFORMATION;
import static io.kefu.complaint.entity.CaseAction.RESOLVE;
import static io.kefu.complaint.entity.CaseAction.ROUTE;
import static io.kefu.complaint.entity.CaseAction.WITHDRAW;

import io.kefu.problem.KefuException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a case stands: registered → accepted → in progress (with a department) → resolved, waiting for its
 * callback (回访) → closed by the callback's outcome, with
 * the side roads the regulations describe: not upheld (客诉不成立, only with a supervisor's approval),
 * withdrawn by the resident, reopened when the resident is not satisfied, and waiting on the resident for
 * information (the deadline clock stands still meanwhile). A manager acknowledges a major case in any open
 * status without moving it. Every action is allowed in some
 * states and refused in the others; the refusal names the actions that are allowed, so pages and the API can
 * offer exactly those.
 */
public enum CaseStatus {
    REGISTERED,
    ACCEPTED,
    IN_PROGRESS,
    WAITING_ON_RESIDENT,
    REJECTION_REQUESTED,
    /** Resolved; the office calls the resident back before the case may close. */
    CALLBACK_PENDING,
    CLOSED,
    NOT_UPHELD,
    WITHDRAWN;

    private static final Map<CaseStatus, Map<CaseAction, CaseStatus>> TRANSITIONS = new EnumMap<>(CaseStatus.class);

    static {
        allow(REGISTERED, Map.of(ACCEPT, ACCEPTED, CLASSIFY, REGISTERED, NOTE, REGISTERED,
                ADD_INFORMATION, REGISTERED, WITHDRAW, WITHDRAWN, ACKNOWLEDGE, REGISTERED));
        Map<CaseAction, CaseStatus> working = Map.ofEntries(Map.entry(CLASSIFY, IN_PROGRESS),
                Map.entry(ROUTE, IN_PROGRESS), Map.entry(HANDOVER, IN_PROGRESS), Map.entry(PROMISE, IN_PROGRESS),
                Map.entry(NOTE, IN_PROGRESS), Map.entry(REPLY, IN_PROGRESS), Map.entry(ADD_INFORMATION, IN_PROGRESS),
                Map.entry(REQUEST_INFORMATION, WAITING_ON_RESIDENT), Map.entry(RESOLVE, CALLBACK_PENDING),
                Map.entry(REJECT, REJECTION_REQUESTED), Map.entry(WITHDRAW, WITHDRAWN),
                Map.entry(ACKNOWLEDGE, IN_PROGRESS));
        allow(IN_PROGRESS, working);
        // An accepted case stays accepted until it is routed; everything else works as in progress.
        Map<CaseAction, CaseStatus> accepted = new EnumMap<>(working);
        accepted.replaceAll((action, next) -> next == IN_PROGRESS && action != ROUTE ? ACCEPTED : next);
        allow(ACCEPTED, accepted);
        // The resident's answer restarts the clock; the office may still talk, hand over, or finish the case.
        allow(WAITING_ON_RESIDENT, Map.of(ADD_INFORMATION, IN_PROGRESS, NOTE, WAITING_ON_RESIDENT,
                REPLY, WAITING_ON_RESIDENT, HANDOVER, WAITING_ON_RESIDENT, RESOLVE, CALLBACK_PENDING,
                WITHDRAW, WITHDRAWN, ACKNOWLEDGE, WAITING_ON_RESIDENT));
        allow(REJECTION_REQUESTED, Map.of(APPROVE_REJECTION, NOT_UPHELD, DENY_REJECTION, IN_PROGRESS,
                NOTE, REJECTION_REQUESTED, ADD_INFORMATION, REJECTION_REQUESTED, WITHDRAW, WITHDRAWN,
                ACKNOWLEDGE, REJECTION_REQUESTED));
        allow(CALLBACK_PENDING, Map.of(CALLBACK, CALLBACK_PENDING, CLOSE, CLOSED, REOPEN, IN_PROGRESS,
                NOTE, CALLBACK_PENDING, REPLY, CALLBACK_PENDING, CONFIRM, CALLBACK_PENDING,
                ACKNOWLEDGE, CALLBACK_PENDING));
        allow(CLOSED, Map.of(REOPEN, IN_PROGRESS, NOTE, CLOSED));
        allow(NOT_UPHELD, Map.of(REOPEN, IN_PROGRESS, NOTE, NOT_UPHELD));
        allow(WITHDRAWN, Map.of(NOTE, WITHDRAWN));
    }

    private static void allow(CaseStatus from, Map<CaseAction, CaseStatus> actions) {
        TRANSITIONS.put(from, Collections.unmodifiableMap(new EnumMap<>(actions)));
    }

    /** The status after {@code action}, or empty when the action is not allowed in this status. */
    public Optional<CaseStatus> after(CaseAction action) {
        return Optional.ofNullable(TRANSITIONS.get(this).get(action));
    }

    /** The status after {@code action}; refused (409, naming the allowed actions) when not allowed now. */
    public CaseStatus apply(CaseAction action) {
        return after(action).orElseThrow(() -> KefuException.conflict("case.action.not.allowed", action, this,
                allowedActions()));
    }

    public Set<CaseAction> allowedActions() {
        Set<CaseAction> allowed = TRANSITIONS.get(this).keySet();
        return allowed.isEmpty() ? EnumSet.noneOf(CaseAction.class) : EnumSet.copyOf(allowed);
    }

    /** Open cases count against deadlines and appear in the inbox; finished ones do not. */
    public boolean isOpen() {
        return this != CLOSED && this != NOT_UPHELD && this != WITHDRAWN;
    }

    /** Counting against its deadlines: open, not yet resolved, and not waiting on the resident. */
    public boolean isRunning() {
        return isOpen() && this != CALLBACK_PENDING && this != WAITING_ON_RESIDENT;
    }
}
