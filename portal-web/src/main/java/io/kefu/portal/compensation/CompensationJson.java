package io.kefu.portal.compensation;

import io.kefu.compensation.entity.Amount;
import io.kefu.compensation.entity.Compensation;
import io.kefu.portal.complaint.Times;
import java.time.ZoneId;
import java.util.List;

/**
 * A proposal as the API shows it: amounts in yuan with two decimals, as text ("150.00"), so no client rounds them.
 * {@code allowedActions} says what the caller may do with it now ({@code approve}, {@code refuse}).
 */
public record CompensationJson(String caseNumber, int seq, String type, String amount, String reason, String state,
        String proposedBy, String proposedAt, String decidedBy, String decidedAt, String decisionNote, long version,
        List<String> allowedActions) {

    static CompensationJson of(Compensation p, boolean decidable, ZoneId zone) {
        return new CompensationJson(p.complaint().number().toString(), p.seq(), p.type().name(),
                Amount.format(p.amountFen()), p.reason(), p.state().name(), p.proposedBy(),
                Times.iso(p.proposedAt(), zone), p.decidedBy(), Times.iso(p.decidedAt(), zone), p.decisionNote(),
                p.version(), decidable ? List.of("approve", "refuse") : List.of());
    }

    /**
     * The body of a proposal: {@code amount} in yuan as text ("150.50"), as amounts are answered, so that no client
     * sends a binary fraction for money.
     */
    public record ProposalInput(String type, String amount, String reason) {
    }

    /** The body of a refusal (also {@code note} or {@code text}, as case actions take free text). */
    public record DecisionInput(String reason, String note, String text) {

        String why() {
            return reason != null ? reason : note != null ? note : text;
        }
    }
}
