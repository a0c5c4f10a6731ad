package io.kefu.complaint.entity;

/** What can be done to a case, by staff, supervisors or the resident. See {@link CaseStatus} for when. */
public enum CaseAction {
    /** Staff take the case; the acceptor becomes its owner (首问负责). */
    ACCEPT,
    /** Category, kind and severity are set or corrected. */
    CLASSIFY,
    /** The case goes to a responsible department. */
    ROUTE,
    /** Ownership moves to another staff member, with a reason. */
    HANDOVER,
    /** A promised reply time is recorded (告知答复时间). */
    PROMISE,
    /** An internal note, never shown to the resident. */
    NOTE,
    /** A public reply to the resident. */
    REPLY,
    /** Staff ask the resident for information; the deadline clock stops until the resident answers. */
    REQUEST_INFORMATION,
    /** The resident adds information. */
    ADD_INFORMATION,
    /** The work is done; what was done is recorded. */
    RESOLVE,
    /** Staff ask to close the case as not upheld (客诉不成立); a supervisor decides. */
    REJECT,
    /** A supervisor agrees the case is not upheld. */
    APPROVE_REJECTION,
    /** A supervisor disagrees; the case goes back to work. */
    DENY_REJECTION,
    /** Back to work: the resident is not satisfied, or a closed case proves unfinished. */
    REOPEN,
    /** The resident withdraws the case. */
    WITHDRAW,
    /**
     * The case is finished. Only a callback outcome closes a case (回访处理率 100%): the resident was satisfied,
     * partly satisfied, confirmed online, or could not be reached after the tenant's attempts.
     */
    CLOSE,
    /** A callback attempt that did not finish the callback (nobody answered): recorded, the case still waits. */
    CALLBACK,
    /** The resident confirms the solution through the tracking link. */
    CONFIRM,
    /** The manager acknowledges a major case reported to them (重大投诉上报). */
    ACKNOWLEDGE;

    /**
     * Whether staff take this action on the case itself. Closing and callback attempts come from the callback
     * (its outcome decides), the resident's actions from the tracking link.
     */
    public boolean isStaffAction() {
        return this != CLOSE && this != CALLBACK && this != ADD_INFORMATION && this != WITHDRAW && this != CONFIRM;
    }
}
