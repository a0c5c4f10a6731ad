package io.kefu.callback.entity;

import io.kefu.complaint.entity.CallbackOutcome;

/** What a reached resident says about the result. */
public enum Satisfaction {
    SATISFIED, PARTLY_SATISFIED, NOT_SATISFIED;

    public CallbackOutcome outcome() {
        return CallbackOutcome.valueOf(name());
    }
}
