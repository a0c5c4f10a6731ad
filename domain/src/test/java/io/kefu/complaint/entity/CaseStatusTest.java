package io.kefu.complaint.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every status × action pair: allowed exactly where this table says, leading exactly where it says. */
class CaseStatusTest {

    /** status action → next; every pair not listed is refused. */
    private static final String TABLE = """
            REGISTERED ACCEPT ACCEPTED
            REGISTERED CLASSIFY REGISTERED
            REGISTERED NOTE REGISTERED
            REGISTERED ADD_INFORMATION REGISTERED
            REGISTERED WITHDRAW WITHDRAWN
            REGISTERED ACKNOWLEDGE REGISTERED
            ACCEPTED CLASSIFY ACCEPTED
            ACCEPTED ROUTE IN_PROGRESS
            ACCEPTED HANDOVER ACCEPTED
            ACCEPTED PROMISE ACCEPTED
            ACCEPTED NOTE ACCEPTED
            ACCEPTED REPLY ACCEPTED
            ACCEPTED ADD_INFORMATION ACCEPTED
            ACCEPTED RESOLVE CALLBACK_PENDING
            ACCEPTED REJECT REJECTION_REQUESTED
            ACCEPTED WITHDRAW WITHDRAWN
            ACCEPTED REQUEST_INFORMATION WAITING_ON_RESIDENT
            ACCEPTED ACKNOWLEDGE ACCEPTED
            IN_PROGRESS CLASSIFY IN_PROGRESS
            IN_PROGRESS ROUTE IN_PROGRESS
            IN_PROGRESS HANDOVER IN_PROGRESS
            IN_PROGRESS PROMISE IN_PROGRESS
            IN_PROGRESS NOTE IN_PROGRESS
            IN_PROGRESS REPLY IN_PROGRESS
            IN_PROGRESS ADD_INFORMATION IN_PROGRESS
            IN_PROGRESS RESOLVE CALLBACK_PENDING
            IN_PROGRESS REJECT REJECTION_REQUESTED
            IN_PROGRESS WITHDRAW WITHDRAWN
            IN_PROGRESS REQUEST_INFORMATION WAITING_ON_RESIDENT
            IN_PROGRESS ACKNOWLEDGE IN_PROGRESS
            WAITING_ON_RESIDENT ADD_INFORMATION IN_PROGRESS
            WAITING_ON_RESIDENT NOTE WAITING_ON_RESIDENT
            WAITING_ON_RESIDENT REPLY WAITING_ON_RESIDENT
            WAITING_ON_RESIDENT HANDOVER WAITING_ON_RESIDENT
            WAITING_ON_RESIDENT RESOLVE CALLBACK_PENDING
            WAITING_ON_RESIDENT WITHDRAW WITHDRAWN
            WAITING_ON_RESIDENT ACKNOWLEDGE WAITING_ON_RESIDENT
            REJECTION_REQUESTED APPROVE_REJECTION NOT_UPHELD
            REJECTION_REQUESTED DENY_REJECTION IN_PROGRESS
            REJECTION_REQUESTED NOTE REJECTION_REQUESTED
            REJECTION_REQUESTED ADD_INFORMATION REJECTION_REQUESTED
            REJECTION_REQUESTED WITHDRAW WITHDRAWN
            REJECTION_REQUESTED ACKNOWLEDGE REJECTION_REQUESTED
            CALLBACK_PENDING CALLBACK CALLBACK_PENDING
            CALLBACK_PENDING CLOSE CLOSED
            CALLBACK_PENDING REOPEN IN_PROGRESS
            CALLBACK_PENDING NOTE CALLBACK_PENDING
            CALLBACK_PENDING REPLY CALLBACK_PENDING
            CALLBACK_PENDING CONFIRM CALLBACK_PENDING
            CALLBACK_PENDING ACKNOWLEDGE CALLBACK_PENDING
            CLOSED REOPEN IN_PROGRESS
            CLOSED NOTE CLOSED
            NOT_UPHELD REOPEN IN_PROGRESS
            NOT_UPHELD NOTE NOT_UPHELD
            WITHDRAWN NOTE WITHDRAWN
            """;

    @Test
    void everyTransitionIsAllowedOrRefusedExactlyAsTheRegulationsSay() {
        Map<String, CaseStatus> expected = new HashMap<>();
        TABLE.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(line -> {
            String[] cells = line.split(" ");
            expected.put(cells[0] + " " + cells[1], CaseStatus.valueOf(cells[2]));
        });
        int checked = 0;
        for (CaseStatus status : CaseStatus.values()) {
            for (CaseAction action : CaseAction.values()) {
                Optional<CaseStatus> want = Optional.ofNullable(expected.get(status + " " + action));
                assertEquals(want, status.after(action), status + " " + action);
                assertEquals(want.isPresent(), status.allowedActions().contains(action), status + " " + action);
                checked++;
            }
        }
        assertEquals(CaseStatus.values().length * CaseAction.values().length, checked);
    }

    @Test
    void aForbiddenActionIsRefusedWithTheActionsThatAreAllowed() {
        KefuException refused = assertThrows(KefuException.class, () -> CaseStatus.WITHDRAWN.apply(CaseAction.REOPEN));
        assertEquals(Failure.CONFLICT, refused.failure());
        assertEquals("case.action.not.allowed", refused.messageKey());
        assertTrue(refused.arguments()[2].toString().contains("NOTE"));
        assertEquals(CaseStatus.ACCEPTED, CaseStatus.REGISTERED.apply(CaseAction.ACCEPT));
    }

    @Test
    void notUpheldNeedsASupervisorsApproval() {
        assertTrue(CaseStatus.IN_PROGRESS.after(CaseAction.APPROVE_REJECTION).isEmpty(),
                "no shortcut past the supervisor");
        CaseStatus requested = CaseStatus.IN_PROGRESS.apply(CaseAction.REJECT);
        assertEquals(CaseStatus.NOT_UPHELD, requested.apply(CaseAction.APPROVE_REJECTION));
        assertEquals(CaseStatus.IN_PROGRESS, requested.apply(CaseAction.DENY_REJECTION));
    }

    @Test
    void onlyFinishedCasesAreClosedForDeadlines() {
        assertTrue(CaseStatus.REGISTERED.isOpen());
        assertTrue(CaseStatus.CALLBACK_PENDING.isOpen(), "resolved still waits for its callback and closure");
        assertFalse(CaseStatus.CLOSED.isOpen());
        assertFalse(CaseStatus.NOT_UPHELD.isOpen());
        assertFalse(CaseStatus.WITHDRAWN.isOpen());
    }
}
