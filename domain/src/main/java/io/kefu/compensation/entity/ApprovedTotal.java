package io.kefu.compensation.entity;

/**
 * The compensation approved in a period for one department and type, as the reports show it.
 *
 * @param department the responsible department's code, {@code _external}, or {@code null} for none
 * @param count how many proposals were approved
 * @param amountFen the approved amounts added up, in fen
 */
public record ApprovedTotal(String department, CompensationType type, long count, long amountFen) {

    public String amount() {
        return Amount.format(amountFen);
    }
}
