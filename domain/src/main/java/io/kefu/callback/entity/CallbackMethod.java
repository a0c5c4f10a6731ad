package io.kefu.callback.entity;

import java.util.Arrays;
import java.util.List;

/**
 * How the office got (or tried to get) in touch. ONLINE is the resident's own answer through the tracking link,
 * recorded by the system: staff never choose it for a call they make.
 */
public enum CallbackMethod {
    PHONE, VISIT, SMS, ONLINE;

    /** The methods staff record an attempt with. */
    public static List<CallbackMethod> staffMethods() {
        return Arrays.stream(values()).filter(m -> m != ONLINE).toList();
    }
}
